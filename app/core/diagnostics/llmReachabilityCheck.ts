import type { DiagnosticContext } from './diagnosticContext.js';
import { diagnosticResult, type DiagnosticCheck, type DiagnosticResult, type DiagnosticStatus } from './diagnosticResult.js';

/** An answer from the LLM service slower than this: warn. */
export const LLM_SLOW_MS = 2_000;
/** How long the probe waits for any answer. */
export const LLM_PROBE_TIMEOUT_MS = 5_000;

export interface LlmReachabilityCheckOptions {
  slowMs?: number;
  timeoutMs?: number;
}

const REMEDY = {
  off: '未启用大模型（配置项 llm.mode 为 off）：本机只用本地知识库回答问题，这是正常设置；需要时请联系厂家开启。',
  down: '连不上大模型服务：请检查网络以及配置项 llm.baseUrl 的地址是否正确；网络正常仍连不上，请联系大模型服务提供方或厂家。在恢复前本机仍可用本地知识库回答常见问题。',
  auth: '大模型服务拒绝了本机的密钥：请检查 llm.apiKeyEnv 指定的环境变量中的密钥是否正确、是否已过期，更换后重启服务；密钥由厂家或信息中心提供。',
  odd: '大模型服务有回应，但状态不正常：请稍后重试；持续出现请联系大模型服务提供方或厂家。',
  slow: '大模型服务响应很慢，复杂问题的回答会等待较久：请检查网络带宽；持续很慢请联系服务提供方。',
} as const;

/** llm.reachability: a GET on the configured OpenAI-compatible service's /models, with a timeout. */
export function llmReachabilityCheck(options: LlmReachabilityCheckOptions = {}): DiagnosticCheck<DiagnosticContext> {
  const slowMs = options.slowMs ?? LLM_SLOW_MS;
  const timeoutMs = options.timeoutMs ?? LLM_PROBE_TIMEOUT_MS;
  return {
    device: 'llm',
    title: '大模型服务',
    async run(context) {
      const result = (status: DiagnosticStatus, measurements: DiagnosticResult['measurements'], remedy: string | null) =>
        diagnosticResult({ id: 'llm.reachability', device: 'llm', title: '大模型服务连通与响应时间', status, measurements, remedy }, context.now());
      const llm = context.config.llm;
      if (llm.mode !== 'openai') return [result('skipped', { mode: llm.mode, reason: 'llm.mode is off' }, REMEDY.off)];
      const url = `${llm.baseUrl.replace(/\/+$/, '')}/models`;
      const apiKey = llm.apiKeyEnv ? process.env[llm.apiKeyEnv] : undefined;
      const started = performance.now();
      try {
        const response = await fetch(url, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {}, signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel().catch(() => undefined);
        const latencyMs = Math.round(performance.now() - started);
        const measurements = { mode: llm.mode, reachable: true, httpStatus: response.status, latencyMs, slowAboveMs: slowMs };
        if (response.status === 401 || response.status === 403) return [result('fail', measurements, REMEDY.auth)];
        if (!response.ok) return [result('warn', measurements, REMEDY.odd)];
        return [result(latencyMs > slowMs ? 'warn' : 'pass', measurements, REMEDY.slow)];
      } catch (error) {
        const latencyMs = Math.round(performance.now() - started);
        const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : ((error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
        return [result('fail', { mode: llm.mode, reachable: false, latencyMs, error: reason }, REMEDY.down)];
      }
    },
  };
}
