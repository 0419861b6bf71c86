import { connectHallBackend, type HallBackend } from '../backend/connectHallBackend.js';
import type { BackendConfig } from '../config/kioskConfigSchema.js';
import { resolveFromRoot } from '../config/loadConfig.js';
import type { DiagnosticContext } from './diagnosticContext.js';
import { diagnosticResult, type DiagnosticCheck, type DiagnosticResult, type DiagnosticStatus } from './diagnosticResult.js';

/** A health answer slower than this: warn (citizens wait this long on every query). */
export const BACKEND_SLOW_MS = 1_500;
/** Clock difference to the business system above this: warn; above the fail limit: signed requests get refused. */
export const CLOCK_SKEW_WARN_MS = 30_000;
export const CLOCK_SKEW_FAIL_MS = 240_000;

export interface BackendReachabilityCheckOptions {
  /** Replaces connectHallBackend (tests hand in a client for a simulator with injected faults). */
  connect?: (config: BackendConfig, dataDir: string) => Promise<HallBackend>;
  slowMs?: number;
}

const REMEDY = {
  config: '业务系统连接配置不完整：请检查配置项 backend（地址 baseUrl、终端编号 kioskId）以及签名密钥的环境变量是否已设置；不清楚请联系厂家或信息中心。',
  down: '连不上人社业务系统：请检查本机网线或无线网络是否连接、能否访问业务系统地址（配置项 backend.baseUrl）；网络正常仍连不上，请联系信息中心确认业务系统是否在运行。在恢复前，办理结果会暂存在本机并稍后自动上传。',
  slow: '业务系统响应很慢，市民查询会等待较久：请检查网络信号和带宽，必要时重启路由器；持续很慢请联系信息中心。',
  skew: '本机时钟与业务系统相差较大，签名请求可能被拒绝：请检查本机的网络校时（NTP）设置并同步时间；主板电池没电时每次断电都会走时错误，请联系厂家更换。',
  noClock: '业务系统没有连通，无法比较时钟：请先按上面的提示恢复连接。',
} as const;

/** backend.reachability and backend.clock: the business system's health answer through the kiosk's own client. */
export function backendReachabilityCheck(options: BackendReachabilityCheckOptions = {}): DiagnosticCheck<DiagnosticContext> {
  const slowMs = options.slowMs ?? BACKEND_SLOW_MS;
  return {
    device: 'backend',
    title: '业务系统',
    async run(context) {
      const config = context.config.backend;
      const mode = { mode: config.mode, simulator: config.mode === 'simulator' };
      const reach = (status: DiagnosticStatus, measurements: DiagnosticResult['measurements'], remedy: string | null) =>
        diagnosticResult({ id: 'backend.reachability', device: 'backend', title: '业务系统连通与响应时间', status, measurements: { ...mode, ...measurements }, remedy }, context.now());
      const clock = (status: DiagnosticStatus, measurements: DiagnosticResult['measurements'], remedy: string | null) =>
        diagnosticResult({ id: 'backend.clock', device: 'backend', title: '与业务系统的时钟差', status, measurements, remedy }, context.now());
      let backend: HallBackend;
      try {
        backend = await (options.connect ?? connectHallBackend)(config, resolveFromRoot(context.config.dataDir));
      } catch (error) {
        return [reach('fail', { error: (error as Error).message }, REMEDY.config), clock('skipped', { reason: 'not-connected' }, REMEDY.noClock)];
      }
      try {
        const sentAt = context.now().getTime();
        const started = performance.now();
        try {
          const health = await backend.client.health();
          const latencyMs = Math.round(performance.now() - started);
          const localMidpoint = sentAt + latencyMs / 2;
          const skewMs = Math.round(Date.parse(health.time) - localMidpoint);
          const slow = latencyMs > slowMs;
          const skewStatus: DiagnosticStatus = Math.abs(skewMs) > CLOCK_SKEW_FAIL_MS ? 'fail' : Math.abs(skewMs) > CLOCK_SKEW_WARN_MS ? 'warn' : 'pass';
          return [
            reach(slow ? 'warn' : 'pass', { reachable: true, latencyMs, slowAboveMs: slowMs, service: health.service }, REMEDY.slow),
            clock(skewStatus, { skewMs, warnAboveMs: CLOCK_SKEW_WARN_MS, failAboveMs: CLOCK_SKEW_FAIL_MS }, REMEDY.skew),
          ];
        } catch (error) {
          const latencyMs = Math.round(performance.now() - started);
          const kind = (error as { kind?: string }).kind ?? (error as Error).message;
          return [reach('fail', { reachable: false, latencyMs, error: kind }, REMEDY.down), clock('skipped', { reason: 'not-connected' }, REMEDY.noClock)];
        }
      } finally {
        await backend.close().catch(() => undefined);
      }
    },
  };
}
