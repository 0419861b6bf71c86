import { describe, expect, it } from 'vitest';
import { ToolCallAssembler } from '../../../app/core/llm/toolCallAssembler.js';

describe('ToolCallAssembler', () => {
  it('joins interleaved fragments of two calls by index', () => {
    const assembler = new ToolCallAssembler();
    assembler.accept({ index: 0, id: 'call_a', type: 'function', function: { name: 'give_answer', arguments: '' } });
    assembler.accept({ index: 1, id: 'call_b', type: 'function', function: { name: 'cannot_answer', arguments: '{"rea' } });
    assembler.accept({ index: 0, function: { arguments: '{"spoken":"刷' } });
    assembler.accept({ index: 1, function: { arguments: 'son":"无"}' } });
    assembler.accept({ index: 0, function: { arguments: '脸"}' } });
    expect(assembler.finish()).toEqual([
      { id: 'call_a', type: 'function', function: { name: 'give_answer', arguments: '{"spoken":"刷脸"}' } },
      { id: 'call_b', type: 'function', function: { name: 'cannot_answer', arguments: '{"reason":"无"}' } },
    ]);
  });

  it('tolerates a name repeated on every fragment, a missing index and a missing id', () => {
    const assembler = new ToolCallAssembler();
    assembler.accept({ function: { name: 'give_answer', arguments: '{"a":' } });
    assembler.accept({ function: { name: 'give_answer', arguments: '1}' } });
    expect(assembler.finish()).toEqual([{ id: 'call_0', type: 'function', function: { name: 'give_answer', arguments: '{"a":1}' } }]);
  });

  it('rejects a call that never got a name', () => {
    const assembler = new ToolCallAssembler();
    assembler.accept({ index: 0, function: { arguments: '{}' } });
    expect(() => assembler.finish()).toThrow(expect.objectContaining({ kind: 'malformed' }));
  });
});
