import { describe, expect, it } from 'vitest';
import { LlmError } from '../../../app/core/llm/llmError.js';
import { SseLineDecoder, decodeSseStream, parseSsePayload, type SsePayload } from '../../../app/core/llm/sseLineDecoder.js';
import { seededRandom } from '../../../common/seededRandom.js';

const encoder = new TextEncoder();

/** Feeds `bytes` split at the given offsets and returns every payload. */
function decodeSplit(bytes: Uint8Array, splits: number[]): string[] {
  const decoder = new SseLineDecoder();
  const payloads: string[] = [];
  let start = 0;
  for (const end of [...splits, bytes.length]) {
    payloads.push(...decoder.push(bytes.subarray(start, end)));
    start = end;
  }
  payloads.push(...decoder.end());
  return payloads;
}

function streamOf(parts: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<SsePayload[]> {
  const payloads: SsePayload[] = [];
  for await (const payload of decodeSseStream(stream)) payloads.push(payload);
  return payloads;
}

// A stream exercising everything at once: 3-byte Chinese, a 4-byte emoji, LF, CRLF and bare CR
// line ends, a comment, a multi-line event, fields we ignore, "data:" without a space, [DONE].
const wire =
  ': keep-alive\n\n' +
  'data: {"text":"养老金认证"}\n\n' +
  'event: message\r\nid: 7\r\ndata: {"text":"刷脸😀认证"}\r\n\r\n' +
  'data:{"text":"无空格"}\r\r' +
  'data: 回车换行一\r\ndata: 回车换行二\r\n\r\n' +
  'data: first line\ndata: 第二行\n\n' +
  'retry: 1000\n\n' +
  'data: [DONE]\n\n';
const expected = ['{"text":"养老金认证"}', '{"text":"刷脸😀认证"}', '{"text":"无空格"}', '回车换行一\n回车换行二', 'first line\n第二行', '[DONE]'];

describe('SseLineDecoder', () => {
  const bytes = encoder.encode(wire);

  it('decodes the whole stream in one chunk', () => {
    expect(decodeSplit(bytes, [])).toEqual(expected);
  });

  it('gives the same payloads wherever one split falls, including inside UTF-8 characters and CRLF pairs', () => {
    for (let split = 1; split < bytes.length; split++) {
      expect(decodeSplit(bytes, [split]), `split at byte ${split}`).toEqual(expected);
    }
  });

  it('gives the same payloads when fed one byte at a time', () => {
    const everyByte = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expect(decodeSplit(bytes, everyByte)).toEqual(expected);
  });

  it('gives the same payloads for many random multi-way splits', () => {
    const random = seededRandom(20240601); // seeded: a failing split can be reproduced
    for (let round = 0; round < 300; round++) {
      const splits = [...new Set(Array.from({ length: 1 + Math.floor(random() * 12) }, () => 1 + Math.floor(random() * (bytes.length - 1))))].sort(
        (a, b) => a - b,
      );
      expect(decodeSplit(bytes, splits), `splits ${splits.join(',')}`).toEqual(expected);
    }
  });

  it('really does cut characters: a lone first byte of 养 yields nothing until the rest arrives', () => {
    const frame = encoder.encode('data: 养\n\n');
    const decoder = new SseLineDecoder();
    expect(decoder.push(frame.subarray(0, 7))).toEqual([]); // "data: " + first byte of 养
    expect(decoder.push(frame.subarray(7))).toEqual(['养']);
  });

  it('drops an event whose closing blank line never came', () => {
    expect(decodeSplit(encoder.encode('data: complete\n\ndata: {"half":'), [])).toEqual(['complete']);
  });

  it('strips a leading byte-order mark', () => {
    expect(decodeSplit(new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('data: x\n\n')]), [1, 2])).toEqual(['x']);
  });
});

describe('parseSsePayload', () => {
  it('recognises [DONE] and parses JSON', () => {
    expect(parseSsePayload('[DONE]')).toEqual({ type: 'done' });
    expect(parseSsePayload('{"a":1}')).toEqual({ type: 'json', value: { a: 1 } });
  });

  it('reports a malformed chunk as LlmError kind malformed instead of skipping it', () => {
    try {
      parseSsePayload('{"choices":[{"delta":{"content":"断');
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(LlmError);
      expect((error as LlmError).kind).toBe('malformed');
    }
  });
});

describe('decodeSseStream', () => {
  it('yields parsed payloads from a byte stream split mid-character', async () => {
    const frame = encoder.encode('data: {"content":"社保卡"}\n\ndata: [DONE]\n\n');
    const parts = [frame.subarray(0, 20), frame.subarray(20, 21), frame.subarray(21)];
    expect(await collect(streamOf(parts))).toEqual([{ type: 'json', value: { content: '社保卡' } }, { type: 'done' }]);
  });

  it('throws malformed at the broken chunk, after yielding the good ones before it', async () => {
    const seen: SsePayload[] = [];
    const body = streamOf([encoder.encode('data: {"ok":true}\n\ndata: {"broken\n\ndata: {"never":1}\n\n')]);
    await expect(
      (async () => {
        for await (const payload of decodeSseStream(body)) seen.push(payload);
      })(),
    ).rejects.toMatchObject({ name: 'LlmError', kind: 'malformed' });
    expect(seen).toEqual([{ type: 'json', value: { ok: true } }]);
  });

  it('reports arriving bytes and cancels the body when the reader stops early', async () => {
    let cancelled = false;
    const counts: number[] = [];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('data: 1\n\n'));
        controller.enqueue(encoder.encode('data: 2\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const payload of decodeSseStream(body, { onBytes: (n) => counts.push(n) })) {
      expect(payload).toEqual({ type: 'json', value: 1 });
      break;
    }
    expect(counts).toEqual([9]);
    expect(cancelled).toBe(true);
  });
});
