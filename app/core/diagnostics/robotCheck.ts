import {
  checkCommandEcho,
  checkHeartbeatRoundTrip,
  checkPowerAndSafety,
  checkRobotLink,
  checkShortMotion,
  type RobotSelfTestOptions,
  type SelfTestResult,
} from '../../../robot/diagnostics/robotSelfTest.js';
import { createMotionClient, type MotionClient, type MotionClientOptions } from '../../../robot/motionClient.js';
import { startMotionSimulator, type MotionSimulator, type MotionSimulatorOptions } from '../../../robot/simulator/motionSimulator.js';
import type { DiagnosticContext } from './diagnosticContext.js';
import { diagnosticResult, type DiagnosticCheck, type DiagnosticResult } from './diagnosticResult.js';
import { openDeviceEndpoint, skippedDevice } from './deviceEndpoint.js';

export interface RobotCheckOptions extends RobotSelfTestOptions {
  /** Frame errors above this share of the frames received make the link check fail (below it: a warning). Default 0.2. */
  failErrorRate?: number;
  /** Client settings for the diagnostics link (tests use faster ones). */
  client?: Partial<Omit<MotionClientOptions, 'path'>>;
  /** For the built-in simulator only: its options and a hook to inject faults before the check connects. */
  simulator?: Partial<Omit<MotionSimulatorOptions, 'path'>>;
  onSimulator?: (simulator: MotionSimulator) => void | Promise<void>;
}

const REMEDY = {
  linkDown: '底盘没有连接上，这一项未检查：请先按“底盘串口连接”一项的提示处理，再重新检查。',
  frameErrors: '串口收到损坏的数据帧：请检查底盘串口线是否松动、是否与电机或电源线捆在一起；更换串口线后仍然出现请联系厂家。',
  frameErrorsMany: '串口数据帧大量损坏：请更换底盘串口线并确认波特率配置与底盘一致（robot.baudRate）；仍然如此请联系厂家。',
  noMovement: '未确认机器人周围安全，没有做移动测试：请确认机器人周围半米内无人无物，再用 kiosk diag --move 或在诊断界面确认后重新检查。',
} as const;

/**
 * The motion controller: link and HELLO (firmware, protocol version), heartbeat round trips, every command as a dry
 * run, frame error counters over the check's window, battery/charging/e-stop/bumper/motor/docking, and a short
 * movement only when the technician confirmed the area is clear (`context.allowMovement`).
 */
export function robotCheck(options: RobotCheckOptions = {}): DiagnosticCheck<DiagnosticContext> {
  return {
    device: 'robot',
    title: '机器人底盘',
    async run(context) {
      const endpoint = await openDeviceEndpoint(context.config.robot.port, 'diag-robot');
      if (endpoint.kind === 'unavailable') return [skippedDevice('robot', 'robot.link', '底盘串口连接', endpoint.reason, context.now())];
      let simulator: MotionSimulator | null = null;
      let client: MotionClient | null = null;
      try {
        if (endpoint.kind === 'simulator') {
          simulator = await startMotionSimulator({ ...options.simulator, path: endpoint.devicePath });
          await options.onSimulator?.(simulator);
        }
        client = createMotionClient({ baudRate: context.config.robot.baudRate, ...options.client, path: endpoint.path });
        return await checkRobot(client, endpoint.kind === 'simulator', options, context);
      } finally {
        await client?.close().catch(() => undefined);
        await simulator?.stop().catch(() => undefined);
        await endpoint.close();
      }
    },
  };
}

async function checkRobot(client: MotionClient, simulated: boolean, options: RobotCheckOptions, context: DiagnosticContext): Promise<DiagnosticResult[]> {
  const toResult = (r: SelfTestResult, extra: DiagnosticResult['measurements'] = {}) =>
    diagnosticResult({ id: r.id, device: 'robot', title: r.title, status: r.status, measurements: { ...extra, ...r.measurements }, remedy: r.remedy ?? null }, context.now());
  const windowStarted = performance.now();
  const link = await checkRobotLink(client, options);
  const results = [toResult(link, { port: client.path, simulator: simulated })];
  if (link.status === 'fail') {
    for (const [id, title] of [
      ['robot.heartbeat', '心跳往返'],
      ['robot.commandEcho', '指令应答'],
      ['robot.frames', '串口数据帧'],
      ['robot.power', '电量与安全状态'],
      ['robot.motion', '短距离移动'],
    ] as const) {
      results.push(diagnosticResult({ id, device: 'robot', title, status: 'skipped', measurements: { reason: 'link-down' }, remedy: REMEDY.linkDown }, context.now()));
    }
    return results;
  }
  results.push(toResult(await checkHeartbeatRoundTrip(client, options)));
  results.push(toResult(await checkCommandEcho(client)));
  results.push(frameCheck(client, performance.now() - windowStarted, options, context));
  const power = await checkPowerAndSafety(client, options);
  results.push(toResult(power));
  if (!context.allowMovement) {
    results.push(diagnosticResult({ id: 'robot.motion', device: 'robot', title: '短距离移动', status: 'skipped', measurements: { reason: 'movement-not-confirmed' }, remedy: REMEDY.noMovement }, context.now()));
  } else if (power.status === 'fail') {
    results.push(diagnosticResult({ id: 'robot.motion', device: 'robot', title: '短距离移动', status: 'fail', measurements: { reason: 'power-or-safety' }, remedy: power.remedy ?? REMEDY.linkDown }, context.now()));
  } else {
    results.push(toResult(await checkShortMotion(client, options)));
  }
  return results;
}

/** The link's counters since this check opened it: damaged frames against good ones. */
function frameCheck(client: MotionClient, windowMs: number, options: RobotCheckOptions, context: DiagnosticContext): DiagnosticResult {
  const s = client.stats();
  const errors = s.crcErrors + s.headerErrors + s.badPayloads;
  const errorRate = s.frames + errors === 0 ? 0 : errors / (s.frames + errors);
  const measurements = {
    windowMs: Math.round(windowMs),
    frames: s.frames,
    crcErrors: s.crcErrors,
    headerErrors: s.headerErrors,
    badPayloads: s.badPayloads,
    discardedBytes: s.discardedBytes,
    retransmissions: s.retransmissions,
    naksReceived: s.naksReceived,
    errorRate: Math.round(errorRate * 1000) / 1000,
  };
  const base = { id: 'robot.frames', device: 'robot' as const, title: '串口数据帧', measurements };
  if (errorRate > (options.failErrorRate ?? 0.2)) return diagnosticResult({ ...base, status: 'fail', remedy: REMEDY.frameErrorsMany }, context.now());
  if (errors > 0 || s.retransmissions > 0) return diagnosticResult({ ...base, status: 'warn', remedy: REMEDY.frameErrors }, context.now());
  return diagnosticResult({ ...base, status: 'pass' }, context.now());
}
