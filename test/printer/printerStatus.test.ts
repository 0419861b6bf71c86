import { describe, expect, it } from 'vitest';
import { processIdResponse } from '../../printer/escpos/escPosCommands.js';
import { PrinterResponseParser, type PrinterResponse } from '../../printer/status/printerResponseParser.js';
import { encodeStatusBytes, isStatusByte, parseStatusBytes, type PrinterCondition, type PrinterStatus } from '../../printer/status/printerStatus.js';

const IDLE = [0x12, 0x12, 0x12, 0x12];

function parse(bytes: number[]): PrinterStatus {
  const result = parseStatusBytes(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result.status;
}

const healthy: Omit<PrinterStatus, 'detail'> = {
  online: true,
  coverOpen: false,
  paperNearEnd: false,
  paperOut: false,
  cutterError: false,
  unrecoverableError: false,
  autoRecoverableError: false,
};

/** Sets one bit in the answer to DLE EOT n (n = 1..4). */
function withBit(n: 1 | 2 | 3 | 4, bit: number): number[] {
  const bytes = [...IDLE];
  bytes[n - 1] = bytes[n - 1]! | (1 << bit);
  return bytes;
}

describe('DLE EOT status parsing', () => {
  it('reads an idle printer as online with paper and no errors', () => {
    expect(parse(IDLE)).toMatchObject(healthy);
  });

  // Every variable bit of every status byte, and the field it must (and must only) change.
  const cases: [1 | 2 | 3 | 4, number, Partial<PrinterStatus> | { detail: Partial<PrinterStatus['detail']> }][] = [
    [1, 2, { detail: { drawerPin3High: true } }],
    [1, 3, { online: false }],
    [1, 5, { detail: { waitingForOnlineRecovery: true } }],
    [1, 6, { detail: { feedButtonPressed: true } }],
    [2, 2, { coverOpen: true }],
    [2, 3, { detail: { paperBeingFedByButton: true } }],
    [2, 5, { paperOut: true, detail: { paperEndStop: true } } as Partial<PrinterStatus>],
    [2, 6, { detail: { errorOccurred: true } }],
    [3, 3, { cutterError: true }],
    [3, 5, { unrecoverableError: true }],
    [3, 6, { autoRecoverableError: true }],
    [4, 2, { paperNearEnd: true }],
    [4, 3, { paperNearEnd: true }],
    [4, 5, { paperOut: true }],
    [4, 6, { paperOut: true }],
  ];

  it.each(cases)('DLE EOT %i bit %i', (n, bit, expected) => {
    const status = parse(withBit(n, bit));
    const { detail: expectedDetail, ...expectedTop } = expected as Partial<PrinterStatus>;
    expect(status).toMatchObject({ ...healthy, ...expectedTop });
    const idleDetail = parse(IDLE).detail;
    expect(status.detail).toEqual({ ...idleDetail, ...expectedDetail });
  });

  it('decodes the documented whole-byte values of real printers', () => {
    // cover open while printing: printer offline, offline cause cover + error, roll sensor fine
    expect(parse([0x1a, 0x56, 0x12, 0x12])).toMatchObject({ online: false, coverOpen: true, paperOut: false });
    // out of paper: near-end 0x0C and end 0x60 together = 0x7e
    expect(parse([0x1a, 0x32, 0x12, 0x7e])).toMatchObject({ online: false, paperOut: true, paperNearEnd: true });
  });

  it('rejects answers without the fixed bits or of the wrong length, without throwing', () => {
    for (const fixedBit of [0x02, 0x10]) {
      for (const n of [0, 1, 2, 3]) {
        const bytes = [...IDLE];
        bytes[n] = bytes[n]! & ~fixedBit;
        expect(parseStatusBytes(bytes).ok).toBe(false);
      }
    }
    for (const setBit of [0x01, 0x80]) expect(parseStatusBytes([0x12, 0x12 | setBit, 0x12, 0x12]).ok).toBe(false);
    expect(parseStatusBytes([0x12, 0x12, 0x12])).toEqual({ ok: false, reason: 'expected 4 status bytes, got 3' });
    expect(parseStatusBytes([0x12, 0x12, 0x12, 0x112]).ok).toBe(false);
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x37)).toBe(false);
  });

  it('round-trips every printer condition through the virtual printer encoding', () => {
    const keys: (keyof PrinterCondition)[] = ['coverOpen', 'paperOut', 'paperNearEnd', 'forcedOffline', 'cutterError', 'unrecoverableError', 'autoRecoverableError'];
    for (let mask = 0; mask < 1 << keys.length; mask++) {
      const condition = Object.fromEntries(keys.map((k, i) => [k, (mask & (1 << i)) !== 0])) as unknown as PrinterCondition;
      const status = parse(encodeStatusBytes(condition));
      expect(status.coverOpen).toBe(condition.coverOpen);
      expect(status.paperOut).toBe(condition.paperOut);
      expect(status.paperNearEnd).toBe(condition.paperNearEnd);
      expect(status.cutterError).toBe(condition.cutterError);
      expect(status.unrecoverableError).toBe(condition.unrecoverableError);
      expect(status.autoRecoverableError).toBe(condition.autoRecoverableError);
      expect(status.online).toBe(!Object.values(condition).some((v, i) => v && keys[i] !== 'paperNearEnd'));
    }
  });
});

describe('printer response stream', () => {
  it('separates status bytes from process-ID answers even when the ID looks like status bytes', () => {
    const parser = new PrinterResponseParser();
    const seen: PrinterResponse[] = [];
    const stream = Buffer.concat([Buffer.from([0x12, 0x16]), Buffer.from(processIdResponse('2222')), Buffer.from([0x1a, 0xff, 0x37, 0x12])]);
    // any split of the stream gives the same answers
    for (let cut = 0; cut <= stream.length; cut++) {
      seen.length = 0;
      parser.push(stream.subarray(0, cut), (r) => seen.push(r));
      parser.push(stream.subarray(cut), (r) => seen.push(r));
      expect(seen).toEqual([
        { type: 'statusByte', byte: 0x12 },
        { type: 'statusByte', byte: 0x16 },
        { type: 'processId', id: '2222' },
        { type: 'statusByte', byte: 0x1a },
        { type: 'statusByte', byte: 0x12 }, // after a lone 0x37 the parser resynchronises
      ]);
    }
    expect(parser.droppedBytes).toBeGreaterThan(0); // 0xff and the lone 0x37
  });
});
