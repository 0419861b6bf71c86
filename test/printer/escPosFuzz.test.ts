import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../common/seededRandom.js';
import { encodeCertificate } from '../../printer/certificate/encodeCertificate.js';
import { encodeTestPage } from '../../printer/diagnostics/printerSelfTest.js';
import { processIdResponse } from '../../printer/escpos/escPosCommands.js';
import { createEscPosDecoder, type EscPosDecoder } from '../../printer/simulator/escPosDecoder.js';
import { PrinterResponseParser } from '../../printer/status/printerResponseParser.js';
import { isStatusByte, parseStatusBytes } from '../../printer/status/printerStatus.js';
import { CPU_BOUND_TEST_TIMEOUT_MS } from '../testDeadline.js';
import { KEY_ID, sampleCertificate, signingKeys } from './fixtures/printerFixtures.js';

// The project's seeded generator (mulberry32): a failure can be replayed from the seed in its message.
const rng = seededRandom;

const SEED = Number(process.env.FUZZ_SEED ?? 20260507);
const SEQUENCES = 1_000_000;

const corpus = [
  encodeCertificate(sampleCertificate(), { privateKey: signingKeys().privateKey, keyId: KEY_ID }).bytes,
  encodeTestPage(new Date('2026-05-07T06:00:00Z')),
];

// Command introducers and parameter bytes that reach deep into the decoder's branches.
const PREFIXES = [
  [0x1b], [0x1d], [0x1c], [0x10], [0x1b, 0x40], [0x1b, 0x21], [0x1b, 0x2a], [0x1b, 0x26], [0x1b, 0x44], [0x1d, 0x28, 0x6b],
  [0x1d, 0x28, 0x48], [0x1d, 0x76, 0x30], [0x1d, 0x6b], [0x1d, 0x56], [0x1d, 0x38, 0x4c], [0x1c, 0x26], [0x1c, 0x2e], [0x10, 0x04], [0x10, 0x14], [0x0a],
];

function randomSequence(next: () => number, out: number[]): void {
  const kind = next();
  const length = 1 + Math.floor(next() * 48);
  if (kind < 0.4) {
    for (let i = 0; i < length; i++) out.push(Math.floor(next() * 256));
  } else if (kind < 0.7) {
    while (out.length < length) {
      const prefix = PREFIXES[Math.floor(next() * PREFIXES.length)]!;
      out.push(...prefix);
      const params = Math.floor(next() * 6);
      for (let i = 0; i < params; i++) out.push(next() < 0.3 ? Math.floor(next() * 8) : Math.floor(next() * 256));
    }
  } else {
    // a mutated window of a real job: bit flips, insertions, deletions
    const source = corpus[Math.floor(next() * corpus.length)]!;
    const start = Math.floor(next() * source.length);
    for (let i = start; i < Math.min(source.length, start + length * 2); i++) out.push(source[i]!);
    const mutations = 1 + Math.floor(next() * 4);
    for (let m = 0; m < mutations && out.length > 0; m++) {
      const at = Math.floor(next() * out.length);
      const op = next();
      if (op < 0.4) out[at] = out[at]! ^ (1 << Math.floor(next() * 8));
      else if (op < 0.7) out.splice(at, 0, Math.floor(next() * 256));
      else out.splice(at, 1);
    }
  }
}

/** Half the time a slice of the sequence; otherwise four bytes shaped like status bytes, now and then broken. */
function statusAnswer(next: () => number, bytes: Uint8Array): Uint8Array {
  if (next() < 0.5) return bytes.subarray(0, Math.floor(next() * 6));
  const answer = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    let b = (Math.floor(next() * 256) & ~0x81) | 0x12;
    if (next() < 0.05) b ^= [0x01, 0x02, 0x10, 0x80][Math.floor(next() * 4)]!;
    answer[i] = b;
  }
  return answer;
}

describe('fuzzing the virtual printer decoder and the status parsers', () => {
  it(`survives ${SEQUENCES.toLocaleString()} random and mutated byte sequences (seed ${SEED})`, () => {
    const next = rng(SEED);
    let decoder: EscPosDecoder = createEscPosDecoder();
    const responses = new PrinterResponseParser();
    let bytesFed = 0;
    let tickets = 0;
    let statusOk = 0;
    const sequence: number[] = [];
    const started = performance.now();
    for (let i = 0; i < SEQUENCES; i++) {
      sequence.length = 0;
      randomSequence(next, sequence);
      const bytes = Uint8Array.from(sequence);
      bytesFed += bytes.length;
      try {
        // the same sequence split at a random point, as bytes arrive from a port
        const cut = Math.floor(next() * (bytes.length + 1));
        decoder.push(bytes.subarray(0, cut));
        decoder.push(bytes.subarray(cut));
        responses.push(bytes, () => undefined);
        const statusInput = statusAnswer(next, bytes);
        const parsed = parseStatusBytes(statusInput);
        if (parsed.ok) {
          statusOk++;
          const [b1, b2, , b4] = statusInput as unknown as [number, number, number, number];
          if (statusInput.length !== 4 || !Array.from(statusInput).every(isStatusByte)) throw new Error('accepted a malformed status answer');
          if (parsed.status.online === ((b1 & 0x08) !== 0)) throw new Error('online bit misread');
          if (parsed.status.paperOut !== ((b4 & 0x60) !== 0 || (b2 & 0x20) !== 0)) throw new Error('paper bits misread');
        }
      } catch (error) {
        throw new Error(`sequence ${i} (seed ${SEED}) [${Buffer.from(bytes).toString('hex')}] threw: ${(error as Error).stack}`, { cause: error });
      }
      if (i % 2_000 === 1_999) {
        tickets += decoder.takeTickets().length;
        expect(decoder.stats().pendingBytes).toBeLessThanOrEqual(1 << 20);
        decoder = createEscPosDecoder();
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`fuzz: ${SEQUENCES} sequences, ${(bytesFed / 1e6).toFixed(1)} MB, ${tickets} tickets, ${statusOk} well-formed status answers, ${seconds.toFixed(1)} s`);
    expect(bytesFed).toBeGreaterThan(SEQUENCES);
    expect(tickets).toBeGreaterThan(0); // the generator does reach the cut path
  }, CPU_BOUND_TEST_TIMEOUT_MS);

  it('gives the same ticket for a real job however its bytes are split', () => {
    const next = rng(SEED + 1);
    const whole = createEscPosDecoder();
    whole.push(corpus[0]!);
    const expected = whole.tickets()[0]!.text;
    for (let round = 0; round < 300; round++) {
      const decoder = createEscPosDecoder();
      let at = 0;
      while (at < corpus[0]!.length) {
        const size = 1 + Math.floor(next() * 64);
        decoder.push(corpus[0]!.subarray(at, at + size));
        at += size;
      }
      expect(decoder.tickets()[0]?.text).toBe(expected);
    }
  });

  it('never buffers a hostile declared length', () => {
    const decoder = createEscPosDecoder({ maxElementBytes: 4096 });
    decoder.push(Uint8Array.of(0x1d, 0x76, 0x30, 0x00, 0xff, 0xff, 0xff, 0xff)); // 4 GB raster image announced
    for (let i = 0; i < 100; i++) decoder.push(new Uint8Array(1000).fill(0x41));
    expect(decoder.stats()).toMatchObject({ oversizedElements: 1, pendingBytes: 0 });
    decoder.push(Uint8Array.of(0x1b, 0x40, 0x41, 0x0a, 0x1d, 0x56, 0x01, ...processIdResponse('ABCD')));
    expect(decoder.tickets()).toHaveLength(0); // the image's declared bytes are still being skipped
  });
});
