import type { Logger } from 'pino';
import type { LlmConfig } from '../config/kioskConfigSchema.js';
import { createConfiguredChatClient } from '../llm/createConfiguredChatClient.js';
import { createLlmRouteResolver, type LlmRouteResolver } from './llmRouteResolver.js';

/** The LLM route resolver as configured; null when no LLM is configured or routing by it is switched off (0). */
export function createConfiguredRouteResolver(config: LlmConfig, log: Logger): LlmRouteResolver | null {
  if (config.mode === 'off' || config.routeBelowConfidence <= 0) return null;
  const client = createConfiguredChatClient(config, log);
  return client ? createLlmRouteResolver({ client, timeoutMs: config.routeTimeoutMs, log }) : null;
}
