import type { ExecutableCommand } from '../commands.js';
import type { MotionClient } from '../motionClient.js';
import { distanceBetween } from '../pose.js';

// Self-tests for the technicians' diagnostics mode. Each returns a value the diagnostics screen shows as is: a
// Chinese title, pass/warn/fail, what was measured, and for anything but a pass a plain Chinese remedy.

export type SelfTestStatus = 'pass' | 'warn' | 'fail';

export interface SelfTestResult {
  id: string;
  title: string;
  status: SelfTestStatus;
  measurements: Record<string, number | string>;
  remedy?: string;
}

export interface RobotSelfTestOptions {
  /** How long the link check waits for a connection. Default 2000 ms. */
  connectTimeoutMs?: number;
  /** Heartbeat round trips to measure. Default 5. */
  probes?: number;
  /** A round trip above this is a warning. Default 50 ms. */
  slowRoundTripMs?: number;
  /** Battery below this is a warning, below half of it a failure. Default 20 %. */
  lowBatteryPercent?: number;
  /** The short motion: forward speed (m/s) and duration. Default 0.05 m/s for 400 ms (about 2 cm). */
  motion?: { linear: number; durationMs: number };
}

const REMEDY = {
  cable: '请检查底盘串口线是否插好、底盘电源是否打开，然后重新运行自检。',
  noHeartbeat: '底盘没有回应心跳：请检查底盘串口线是否插好；若线缆正常，请重启底盘控制器后重新自检。',
  slowHeartbeat: '心跳往返偏慢：请检查底盘串口线是否松动或靠近强电线路。',
  noEcho: '底盘没有确认部分指令：请重启底盘控制器后重新自检；仍不正常请联系厂家维修。',
  refusedEcho: '底盘拒绝了部分指令：请先处理急停、防撞条或电机故障，再重新自检。',
  estopPressed: '急停按钮被按下：确认机器人周围安全后，旋转松开急停按钮，再在诊断界面执行“急停复位”。',
  estopLatched: '急停尚未复位：急停按钮已松开，请在诊断界面执行“急停复位”。',
  bumper: '防撞条被压住：请检查机器人四周是否有物品顶住底盘并移开。',
  motorFault: '电机故障：请关闭底盘电源，等待10秒后重新开机；仍有故障请联系厂家维修。',
  batteryLow: '电量偏低：请让机器人回充电桩充电。',
  batteryCritical: '电量过低：请立即让机器人回充电桩充电，充电前不要进行引导服务。',
  docked: '机器人在充电桩上，未做移动测试：请先让机器人离开充电桩，再重新自检。',
  obstacle: '机器人前方有障碍物，未做移动测试：请清空机器人前方约半米的空间后重新自检。',
  didNotMove: '底盘没有按指令移动：请检查电机刹车是否释放、轮子是否被卡住。',
  didNotStop: '底盘没有按指令停下：请立即按下急停按钮，并联系厂家维修。',
} as const;

export async function checkRobotLink(client: MotionClient, options: RobotSelfTestOptions = {}): Promise<SelfTestResult> {
  const started = performance.now();
  const connected = await client.waitForConnection(options.connectTimeoutMs ?? 2_000);
  const measurements: Record<string, number | string> = { path: client.path, state: client.connectionState };
  if (!connected || client.device === null) return { id: 'robot.link', title: '底盘串口连接', status: 'fail', measurements, remedy: REMEDY.cable };
  measurements.firmware = client.device.firmware;
  measurements.protocolVersion = client.device.protocolVersion;
  measurements.waitedMs = Math.round(performance.now() - started);
  const stats = client.stats();
  measurements.crcErrors = stats.crcErrors;
  measurements.retransmissions = stats.retransmissions;
  return { id: 'robot.link', title: '底盘串口连接', status: 'pass', measurements };
}

export async function checkHeartbeatRoundTrip(client: MotionClient, options: RobotSelfTestOptions = {}): Promise<SelfTestResult> {
  const probes = options.probes ?? 5;
  const rtts: number[] = [];
  for (let i = 0; i < probes; i++) {
    const rtt = await client.measureRoundTrip(300);
    if (rtt !== null) rtts.push(rtt);
  }
  const title = '心跳往返';
  if (rtts.length === 0) return { id: 'robot.heartbeat', title, status: 'fail', measurements: { probes, answered: 0 }, remedy: client.connectionState === 'connected' ? REMEDY.noHeartbeat : REMEDY.cable };
  rtts.sort((a, b) => a - b);
  const measurements = { probes, answered: rtts.length, medianMs: round(rtts[Math.floor(rtts.length / 2)]!), maxMs: round(rtts[rtts.length - 1]!) };
  if (rtts.length < probes) return { id: 'robot.heartbeat', title, status: 'warn', measurements, remedy: REMEDY.slowHeartbeat };
  if (measurements.medianMs > (options.slowRoundTripMs ?? 50)) return { id: 'robot.heartbeat', title, status: 'warn', measurements, remedy: REMEDY.slowHeartbeat };
  return { id: 'robot.heartbeat', title, status: 'pass', measurements };
}

/** Every command type once as a DRY_RUN: the base must acknowledge each, and nothing moves. */
export async function checkCommandEcho(client: MotionClient): Promise<SelfTestResult> {
  const pose = client.telemetry?.pose ?? { x: 0, y: 0, heading: 0 };
  const head = client.telemetry?.head ?? { pan: 0, tilt: 0 };
  const commands: ExecutableCommand[] = [
    { kind: 'goTo', taskId: 1, target: pose, maxSpeed: null },
    { kind: 'velocity', taskId: 1, linear: 0, angular: 0, durationMs: 1 },
    { kind: 'stop' },
    { kind: 'headPanTilt', pan: head.pan, tilt: head.tilt },
    { kind: 'gesture', gesture: 'nod', direction: 0 },
    { kind: 'dock', taskId: 1 },
    { kind: 'resetEstop' },
  ];
  const measurements: Record<string, number | string> = {};
  let missing = 0;
  let refused = 0;
  const times: number[] = [];
  for (const command of commands) {
    const started = performance.now();
    const result = await client.dryRun(command);
    times.push(performance.now() - started);
    if (!result.delivered) missing++;
    else if (result.outcome === 'refused') refused++;
    measurements[command.kind] = result.outcome === 'accepted' ? 'ack' : result.outcome === 'refused' ? `refused:${result.status}` : 'no-ack';
  }
  measurements.maxAckMs = round(Math.max(...times));
  const title = '指令应答';
  if (missing > 0) return { id: 'robot.commandEcho', title, status: 'fail', measurements, remedy: client.connectionState === 'connected' ? REMEDY.noEcho : REMEDY.cable };
  if (refused > 0) return { id: 'robot.commandEcho', title, status: 'warn', measurements, remedy: REMEDY.refusedEcho };
  return { id: 'robot.commandEcho', title, status: 'pass', measurements };
}

export async function checkPowerAndSafety(client: MotionClient, options: RobotSelfTestOptions = {}): Promise<SelfTestResult> {
  const title = '电量与安全状态';
  const t = client.connectionState === 'connected' ? client.telemetry : null;
  if (t === null) return { id: 'robot.power', title, status: 'fail', measurements: { state: client.connectionState }, remedy: REMEDY.cable };
  const yesNo = (v: boolean) => (v ? 'yes' : 'no');
  const measurements = {
    batteryPercent: t.battery,
    charging: yesNo(t.charging),
    docked: yesNo(t.docked),
    estopPressed: yesNo(t.estopPressed),
    estopLatched: yesNo(t.estopLatched),
    bumper: yesNo(t.bumper),
    motorFault: yesNo(t.motorFault),
  };
  const low = options.lowBatteryPercent ?? 20;
  const fail = (remedy: string): SelfTestResult => ({ id: 'robot.power', title, status: 'fail', measurements, remedy });
  if (t.estopPressed) return fail(REMEDY.estopPressed);
  if (t.estopLatched) return fail(REMEDY.estopLatched);
  if (t.motorFault) return fail(REMEDY.motorFault);
  if (t.bumper) return fail(REMEDY.bumper);
  if (t.battery < low / 2) return fail(REMEDY.batteryCritical);
  if (t.battery < low) return { id: 'robot.power', title, status: 'warn', measurements, remedy: REMEDY.batteryLow };
  return { id: 'robot.power', title, status: 'pass', measurements };
}

/** A tiny forward move then STOP: the wheels turn, the pose changes by about the expected distance, and it stops. */
export async function checkShortMotion(client: MotionClient, options: RobotSelfTestOptions = {}): Promise<SelfTestResult> {
  const title = '短距离移动';
  const { linear, durationMs } = options.motion ?? { linear: 0.05, durationMs: 400 };
  const before = client.connectionState === 'connected' ? client.telemetry : null;
  if (before === null) return { id: 'robot.motion', title, status: 'fail', measurements: { state: client.connectionState }, remedy: REMEDY.cable };
  if (before.docked) return { id: 'robot.motion', title, status: 'warn', measurements: { docked: 'yes' }, remedy: REMEDY.docked };
  if (before.obstacle) return { id: 'robot.motion', title, status: 'warn', measurements: { obstacle: 'yes' }, remedy: REMEDY.obstacle };
  const move = await client.velocity({ linear, angular: 0, durationMs });
  const stopped = await client.stop();
  await new Promise((r) => setTimeout(r, 250));
  const after = client.telemetry ?? before;
  const expected = linear * (durationMs / 1000);
  const moved = distanceBetween(before.pose, after.pose);
  const measurements = { outcome: move.outcome, expectedM: round(expected, 3), movedM: round(moved, 3), speedAfterStop: round(after.linearSpeed, 3) };
  if (move.outcome === 'disconnected' || stopped.outcome === 'disconnected') return { id: 'robot.motion', title, status: 'fail', measurements, remedy: REMEDY.cable };
  if (move.outcome === 'e-stop') return { id: 'robot.motion', title, status: 'fail', measurements, remedy: before.estopPressed ? REMEDY.estopPressed : REMEDY.estopLatched };
  if (move.outcome === 'bumper') return { id: 'robot.motion', title, status: 'fail', measurements, remedy: REMEDY.bumper };
  if (move.outcome === 'fault') return { id: 'robot.motion', title, status: 'fail', measurements, remedy: REMEDY.motorFault };
  if (move.outcome === 'blocked') return { id: 'robot.motion', title, status: 'warn', measurements, remedy: REMEDY.obstacle };
  if (after.linearSpeed !== 0 || after.angularSpeed !== 0) return { id: 'robot.motion', title, status: 'fail', measurements, remedy: REMEDY.didNotStop };
  if (moved < expected * 0.25 || moved > expected * 3 + 0.01) return { id: 'robot.motion', title, status: 'fail', measurements, remedy: REMEDY.didNotMove };
  return { id: 'robot.motion', title, status: 'pass', measurements };
}

/** All robot self-tests in order; the motion test runs only when power and safety passed. */
export async function runRobotSelfTests(client: MotionClient, options: RobotSelfTestOptions = {}): Promise<SelfTestResult[]> {
  const results = [await checkRobotLink(client, options), await checkHeartbeatRoundTrip(client, options), await checkCommandEcho(client), await checkPowerAndSafety(client, options)];
  const power = results[3]!;
  if (power.status === 'fail') {
    results.push({ id: 'robot.motion', title: '短距离移动', status: 'fail', measurements: { skipped: 'power-or-safety' }, remedy: power.remedy ?? REMEDY.cable });
  } else {
    results.push(await checkShortMotion(client, options));
  }
  return results;
}

function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
