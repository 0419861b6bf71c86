import { chatCompletionChunkSchema } from './chatChunkSchema.js';
import type { ChatStreamEvent, FinishReason, Usage } from './chatTypes.js';
import { LlmError } from './llmError.js';
import { ToolCallAssembler } from './toolCallAssembler.js';

/**
 * Turns the chunks of one streamed completion into the client's events: content as it comes,
 * tool calls once the model has finished them, and a final `done`.
 * Only choice 0 is read; the kiosk never asks for more than one.
 */
export class ChunkInterpreter {
  private readonly toolCalls = new ToolCallAssembler();
  private finishReason: FinishReason | null = null;
  private usage: Usage | null = null;
  private started = false;

  /** True once the model has produced anything beyond the empty opening role chunk. */
  get firstTokenSeen(): boolean {
    return this.started;
  }

  accept(json: unknown): ChatStreamEvent[] {
    const parsed = chatCompletionChunkSchema.safeParse(json);
    if (!parsed.success) {
      throw new LlmError('malformed', `stream chunk has an unexpected shape: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
    const chunk = parsed.data;
    if (chunk.error) throw new LlmError('http', `the model reported an error mid-stream: ${chunk.error.message}`);
    if (chunk.usage) this.usage = chunk.usage;

    const events: ChatStreamEvent[] = [];
    for (const choice of chunk.choices) {
      if ((choice.index ?? 0) !== 0) continue;
      const content = choice.delta?.content;
      if (content) {
        this.started = true;
        events.push({ type: 'content', text: content });
      }
      for (const delta of choice.delta?.tool_calls ?? []) {
        this.started = true;
        this.toolCalls.accept(delta);
      }
      if (choice.finish_reason) {
        this.started = true;
        this.finishReason = choice.finish_reason;
        events.push(...this.flushToolCalls());
      }
    }
    return events;
  }

  /**
   * The stream has ended, with `[DONE]` or by the server closing it cleanly. Without `[DONE]` the
   * answer counts as complete only if the model gave a finish reason; otherwise it was cut short.
   */
  end(sawDone: boolean): ChatStreamEvent[] {
    if (!sawDone && this.finishReason === null) {
      throw new LlmError('network', 'the LLM stream ended before the answer was complete');
    }
    return [...this.flushToolCalls(), { type: 'done', finishReason: this.finishReason, usage: this.usage }];
  }

  private flushToolCalls(): ChatStreamEvent[] {
    if (this.toolCalls.isEmpty) return [];
    return this.toolCalls.finish().map((toolCall): ChatStreamEvent => ({ type: 'tool-call', toolCall }));
  }
}
