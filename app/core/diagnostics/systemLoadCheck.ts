import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../config/repoRoot.js';
import type { DiagnosticContext } from './diagnosticContext.js';
import { diagnosticResult, type DiagnosticCheck, type DiagnosticResult } from './diagnosticResult.js';

/** 1-minute load per core above this: warn (speech and face recognition will lag). */
export const LOAD_PER_CORE_WARN = 1.5;
/** Less memory available than this: warn; below the fail limit: fail (the models may not load). */
export const MEMORY_FREE_WARN_BYTES = 512 * 1024 ** 2;
export const MEMORY_FREE_FAIL_BYTES = 128 * 1024 ** 2;
/** CPU temperature above this: warn; above the fail limit: fail. */
export const CPU_TEMP_WARN_C = 75;
export const CPU_TEMP_FAIL_C = 90;

export interface SystemLoadCheckOptions {
  /** Default /sys/class/thermal (tests point it at a temporary folder). */
  thermalDir?: string;
}

const REMEDY = {
  load: '处理器负载过高，语音和人脸识别可能变慢：请确认没有运行多余的程序，重启服务后再看；持续过高请联系厂家。',
  memory: '可用内存不足，模型可能无法加载或服务被系统终止：请重启整机；反复出现请联系厂家检查是否有内存泄漏或需要更大内存的主机。',
  temperature: '处理器温度过高：请检查机身散热孔是否被遮挡、风扇是否转动、是否有阳光直射，清理灰尘后再看；温度仍然过高请停止使用并联系厂家检修散热。',
  noSensor: '本机没有可读的处理器温度传感器（/sys/class/thermal），无法检查温度；这不影响使用。',
} as const;

function appVersion(): string | null {
  try {
    return (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

/** The hottest CPU-like thermal zone in °C, or null when there is none. */
function cpuTemperatureC(thermalDir: string): { celsius: number; zone: string } | null {
  if (!existsSync(thermalDir)) return null;
  let best: { celsius: number; zone: string } | null = null;
  for (const zone of readdirSync(thermalDir).filter((z) => z.startsWith('thermal_zone'))) {
    try {
      const type = readFileSync(path.join(thermalDir, zone, 'type'), 'utf8').trim();
      const milli = Number(readFileSync(path.join(thermalDir, zone, 'temp'), 'utf8').trim());
      if (!Number.isFinite(milli)) continue;
      const celsius = Math.round(milli / 100) / 10;
      if (best === null || celsius > best.celsius) best = { celsius, zone: type };
    } catch {
      // an unreadable zone is left out
    }
  }
  return best;
}

/** system.load, system.memory, system.temperature (and uptime and app version alongside the load). */
export function systemLoadCheck(options: SystemLoadCheckOptions = {}): DiagnosticCheck<DiagnosticContext> {
  const thermalDir = options.thermalDir ?? '/sys/class/thermal';
  return {
    device: 'system',
    title: '主机状态',
    async run(context) {
      const results: DiagnosticResult[] = [];
      const cores = os.cpus().length || 1;
      const [load1, load5, load15] = os.loadavg() as [number, number, number];
      const perCore = Math.round((load1 / cores) * 100) / 100;
      results.push(
        diagnosticResult(
          {
            id: 'system.load',
            device: 'system',
            title: '处理器负载与运行时间',
            status: perCore > LOAD_PER_CORE_WARN ? 'warn' : 'pass',
            measurements: { cores, load1, load5, load15, load1PerCore: perCore, systemUptimeS: Math.round(os.uptime()), appUptimeS: Math.round(process.uptime()), appVersion: appVersion(), node: process.version },
            remedy: REMEDY.load,
          },
          context.now(),
        ),
      );
      const availableBytes = os.freemem();
      const memStatus = availableBytes < MEMORY_FREE_FAIL_BYTES ? 'fail' : availableBytes < MEMORY_FREE_WARN_BYTES ? 'warn' : 'pass';
      results.push(
        diagnosticResult(
          { id: 'system.memory', device: 'system', title: '内存', status: memStatus, measurements: { totalBytes: os.totalmem(), availableBytes, appRssBytes: process.memoryUsage().rss }, remedy: REMEDY.memory },
          context.now(),
        ),
      );
      const temperature = cpuTemperatureC(thermalDir);
      if (temperature === null) {
        results.push(diagnosticResult({ id: 'system.temperature', device: 'system', title: '处理器温度', status: 'skipped', measurements: { reason: 'no-thermal-zone' }, remedy: REMEDY.noSensor }, context.now()));
      } else {
        const status = temperature.celsius > CPU_TEMP_FAIL_C ? 'fail' : temperature.celsius > CPU_TEMP_WARN_C ? 'warn' : 'pass';
        results.push(
          diagnosticResult(
            { id: 'system.temperature', device: 'system', title: '处理器温度', status, measurements: { celsius: temperature.celsius, zone: temperature.zone, warnAboveC: CPU_TEMP_WARN_C, failAboveC: CPU_TEMP_FAIL_C }, remedy: REMEDY.temperature },
            context.now(),
          ),
        );
      }
      return results;
    },
  };
}
