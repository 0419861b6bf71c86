import type { Logger } from 'pino';
import type { LlmConfig } from '../config/kioskConfigSchema.js';
import { CircuitBreaker } from '../llm/circuitBreaker.js';
import { createChatClient } from '../llm/chatCompletionClient.js';
import { composeGroundedAnswer } from '../llm/groundedAnswer.js';
import type { GroundedComposer } from './policyQuestionService.js';

/**
 * The government LLM as a grounded-answer composer, or undefined when no LLM is configured
 * (the kiosk then answers from the knowledge base alone). The key is read from the environment variable
 * the configuration names, never from the file.
 */
export function createLlmComposer(config: LlmConfig, log: Logger): GroundedComposer | undefined {
  if (config.mode === 'off') return undefined;
  const apiKey = config.apiKeyEnv ? process.env[config.apiKeyEnv] : undefined;
  if (config.apiKeyEnv && !apiKey) log.warn({ env: config.apiKeyEnv }, 'LLM API key variable is empty; calling without a key');
  const client = createChatClient({
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
  return ({ question, entries, signal }) => composeGroundedAnswer({ client, question, entries, signal });
}
