import { z } from 'zod';
import type { ChatCompletionChunk, ErrorBody } from './chatTypes.js';

// Lenient where OpenAI-compatible servers differ (nulls instead of absent fields, extra fields),
// strict where a wrong shape would make us misread the answer.

const errorSchema = z.object({
  message: z.string(),
  type: z.string().nullish(),
  code: z.union([z.string(), z.number()]).nullish(),
  param: z.string().nullish(),
});

export const errorBodySchema: z.ZodType<ErrorBody> = z.object({ error: errorSchema });

const usageSchema = z.object({
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  total_tokens: z.number(),
});

const toolCallDeltaSchema = z.object({
  index: z.number().int().nonnegative().optional(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.object({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

export const chatCompletionChunkSchema: z.ZodType<ChatCompletionChunk> = z.object({
  id: z.string().optional(),
  object: z.string().optional(),
  created: z.number().optional(),
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        index: z.number().int().optional(),
        delta: z
          .object({
            role: z.string().nullish(),
            content: z.string().nullish(),
            tool_calls: z.array(toolCallDeltaSchema).nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .default([]),
  usage: usageSchema.nullish(),
  error: errorSchema.nullish(),
});
