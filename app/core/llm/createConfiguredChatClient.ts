import type { Logger } from 'pino';
import type { LlmConfig } from '../config/kioskConfigSchema.js';
import { CircuitBreaker } from './circuitBreaker.js';
import { createChatClient, type ChatClient } from './chatCompletionClient.js';

/**
 * The government LLM's client as configured, or undefined when no LLM is configured. The key is read from the
 * environment variable the configuration names, never from the file. Each caller gets its own circuit breaker.
 */
export function createConfiguredChatClient(config: LlmConfig, log: Logger): ChatClient | undefined {
  if (config.mode === 'off') return undefined;
  const apiKey = config.apiKeyEnv ? process.env[config.apiKeyEnv] : undefined;
  if (config.apiKeyEnv && !apiKey) log.warn({ env: config.apiKeyEnv }, 'LLM API key variable is empty; calling without a key');
  return createChatClient({
    baseUrl: config.baseUrl,
    ...(apiKey ? { apiKey } : {}),
    model: config.model,
    timeouts: {
      connectMs: Math.min(config.firstTokenTimeoutMs, 3_000),
      firstTokenMs: config.firstTokenTimeoutMs,
      idleMs: Math.min(config.firstTokenTimeoutMs, 5_000),
      totalMs: config.totalTimeoutMs,
    },
    retries: { max: config.maxRetries, baseDelayMs: 200, maxDelayMs: 1_000 },
    breaker: new CircuitBreaker({ failureThreshold: 3, coolDownMs: 30_000 }),
  });
}
