import { describe, expect, it } from 'vitest';
import { ChunkInterpreter } from '../../../app/core/llm/chunkInterpreter.js';

const chunk = (choice: object, extra: object = {}) => ({ id: 'c', choices: [{ index: 0, ...choice }], ...extra });

describe('ChunkInterpreter', () => {
  it('does not count the empty opening role chunk as the first token', () => {
    const interpreter = new ChunkInterpreter();
    expect(interpreter.accept(chunk({ delta: { role: 'assistant', content: '' }, finish_reason: null }))).toEqual([]);
    expect(interpreter.firstTokenSeen).toBe(false);
    expect(interpreter.accept(chunk({ delta: { content: '您好' } }))).toEqual([{ type: 'content', text: '您好' }]);
    expect(interpreter.firstTokenSeen).toBe(true);
  });

  it('emits finished tool calls as soon as the finish reason arrives, before usage and [DONE]', () => {
    const interpreter = new ChunkInterpreter();
    interpreter.accept(chunk({ delta: { tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'cannot_answer', arguments: '{"reason":' } }] } }));
    interpreter.accept(chunk({ delta: { tool_calls: [{ index: 0, function: { arguments: '"无"}' } }] } }));
    expect(interpreter.accept(chunk({ delta: {}, finish_reason: 'tool_calls' }))).toEqual([
      { type: 'tool-call', toolCall: { id: 'call_1', type: 'function', function: { name: 'cannot_answer', arguments: '{"reason":"无"}' } } },
    ]);
    interpreter.accept({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } });
    expect(interpreter.end(true)).toEqual([{ type: 'done', finishReason: 'tool_calls', usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } }]);
  });

  it('reads only choice 0', () => {
    const interpreter = new ChunkInterpreter();
    expect(interpreter.accept({ choices: [{ index: 1, delta: { content: '别的' } }] })).toEqual([]);
  });

  it('treats a stream that ends without [DONE] or a finish reason as cut short, and one with a finish reason as complete', () => {
    const cut = new ChunkInterpreter();
    cut.accept(chunk({ delta: { content: '一半' } }));
    expect(() => cut.end(false)).toThrow(expect.objectContaining({ kind: 'network' }));
    const finished = new ChunkInterpreter();
    finished.accept(chunk({ delta: { content: '全部' }, finish_reason: 'stop' }));
    expect(finished.end(false)).toEqual([{ type: 'done', finishReason: 'stop', usage: null }]);
  });

  it('turns an error reported inside the stream, or a chunk of the wrong shape, into LlmErrors', () => {
    expect(() => new ChunkInterpreter().accept({ choices: [], error: { message: 'overloaded' } })).toThrow(expect.objectContaining({ kind: 'http' }));
    expect(() => new ChunkInterpreter().accept({ choices: 'nope' })).toThrow(expect.objectContaining({ kind: 'malformed' }));
  });
});
