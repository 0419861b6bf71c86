import type { ToolCall, ToolCallDelta } from './chatTypes.js';
import { LlmError } from './llmError.js';

interface PartialToolCall {
  id: string;
  name: string;
  arguments: string;
}

/**
 * Joins streamed tool-call fragments into whole calls. Fragments carry an `index`; the first one
 * for an index usually brings the id and name, later ones bring more of the JSON arguments.
 */
export class ToolCallAssembler {
  private readonly calls = new Map<number, PartialToolCall>();
  private lastIndex = 0;

  accept(delta: ToolCallDelta): void {
    // A few servers omit the index when they only ever send one call at a time.
    const index = delta.index ?? this.lastIndex;
    this.lastIndex = index;
    const call = this.calls.get(index) ?? { id: '', name: '', arguments: '' };
    this.calls.set(index, call);
    if (delta.id) call.id = delta.id;
    const name = delta.function?.name;
    // OpenAI sends the name once; some compatible servers repeat it on every fragment.
    if (name) call.name = name.startsWith(call.name) ? name : call.name + name;
    const args = delta.function?.arguments;
    if (args) call.arguments += args;
  }

  get isEmpty(): boolean {
    return this.calls.size === 0;
  }

  /** The calls in index order; a call that never got a name is a protocol error. */
  finish(): ToolCall[] {
    const calls = [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, call]): ToolCall => {
        if (!call.name) throw new LlmError('malformed', `tool call #${index} has no function name`);
        return { id: call.id || `call_${index}`, type: 'function', function: { name: call.name, arguments: call.arguments } };
      });
    this.calls.clear();
    return calls;
  }
}
