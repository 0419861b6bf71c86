import type { Logger } from 'pino';
import type { LlmConfig } from '../config/kioskConfigSchema.js';
import { createConfiguredChatClient } from '../llm/createConfiguredChatClient.js';
import { composeGroundedAnswer } from '../llm/groundedAnswer.js';
import type { GroundedComposer } from './policyQuestionService.js';

/**
 * The government LLM as a grounded-answer composer, or undefined when no LLM is configured
 * (the kiosk then answers from the knowledge base alone). The key is read from the environment variable
 * the configuration names, never from the file.
 */
export function createLlmComposer(config: LlmConfig, log: Logger): GroundedComposer | undefined {
  const client = createConfiguredChatClient(config, log);
  if (!client) return undefined;
  return ({ question, entries, signal }) => composeGroundedAnswer({ client, question, entries, signal });
}
