import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config/loadConfig.js';
import type { DiagnosticContext } from './diagnosticContext.js';
import { diagnosticResult, type DiagnosticCheck } from './diagnosticResult.js';

const REMEDY = {
  invalid: '配置文件有错误，下次重启服务时将无法启动：请按下面 problem 中写明的配置项改正（可对照手册中的配置说明），改完后重新运行诊断确认；不确定如何填写请联系厂家。',
  defaults: '没有使用配置文件，本机正以内置默认设置运行（业务系统为模拟器）：正式使用前请按手册放置 kiosk.config.json，或用 --config 指定配置文件。',
} as const;

/**
 * system.configuration: the configuration file read again and validated as a start would (loadConfig), so an edit
 * made since the kiosk started is caught before the next restart; measures a short hash of the file as its version.
 */
export function configurationCheck(): DiagnosticCheck<DiagnosticContext> {
  return {
    device: 'system',
    title: '配置',
    async run(context) {
      const base = { id: 'system.configuration', device: 'system', title: '配置文件校验' } as const;
      if (context.configFile === null) return [diagnosticResult({ ...base, status: 'warn', measurements: { file: null, valid: true }, remedy: REMEDY.defaults }, context.now())];
      let configHash: string | null = null;
      try {
        configHash = createHash('sha256').update(readFileSync(context.configFile)).digest('hex').slice(0, 12);
      } catch {
        // loadConfig below says what is wrong with the file
      }
      try {
        loadConfig({ file: context.configFile });
        return [diagnosticResult({ ...base, status: 'pass', measurements: { file: context.configFile, configHash, valid: true } }, context.now())];
      } catch (error) {
        const problems = error instanceof ConfigError && error.issues.length > 0 ? error.issues : [(error as Error).message];
        return [
          diagnosticResult(
            { ...base, status: 'fail', measurements: { file: context.configFile, configHash, valid: false, problem: problems.slice(0, 5).join('; '), problemCount: problems.length }, remedy: REMEDY.invalid },
            context.now(),
          ),
        ];
      }
    },
  };
}
