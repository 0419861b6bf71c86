import { describe, expect, it } from 'vitest';
import {
  maxFrameBase64Length,
  maxTextMessageBytes,
  parseCameraFrame,
  parseClientMessage,
  parseKioskInput,
} from '../../app/web/parseClientMessage.js';

const chinese = /[\u4e00-\u9fff]/;
/** A real JPEG's first bytes (FF D8 FF E0 …) in base64, padded to a multiple of 4. */
const jpegBase64 = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/';

function frame(change: Record<string, unknown> = {}): Record<string, unknown> {
  return { jpegBase64, width: 640, height: 480, capturedAt: 12_345.5, seq: 0, ...change };
}

function message(input: unknown): string {
  return JSON.stringify({ type: 'input', input });
}

describe('camera frames', () => {
  it('accepts a base64 JPEG with its size, time and sequence number', () => {
    expect(parseCameraFrame(frame())).toEqual({ ok: true, value: frame() });
    expect(parseKioskInput({ type: 'auth.frame', frame: frame({ seq: 41 }) })).toEqual({ ok: true, value: { type: 'auth.frame', frame: frame({ seq: 41 }) } });
  });

  it('drops fields the contract does not have', () => {
    const parsed = parseCameraFrame({ ...frame(), extra: 'x', dataUrl: 'data:image/jpeg;base64,' });
    expect(parsed.ok && Object.keys(parsed.value).sort()).toEqual(['capturedAt', 'height', 'jpegBase64', 'seq', 'width']);
  });

  it.each([
    ['no object', null],
    ['a data: URL', frame({ jpegBase64: `data:image/jpeg;base64,${jpegBase64}` })],
    ['a PNG', frame({ jpegBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' })],
    ['not base64', frame({ jpegBase64: '/9j/<script>' })],
    ['base64 of the wrong length', frame({ jpegBase64: `${jpegBase64}A` })],
    ['an empty picture', frame({ jpegBase64: '' })],
    ['a picture over 400 KB', frame({ jpegBase64: `/9j/${'A'.repeat(maxFrameBase64Length)}` })],
    ['a width over 1280', frame({ width: 1281 })],
    ['a zero height', frame({ height: 0 })],
    ['a fractional width', frame({ width: 640.5 })],
    ['a string size', frame({ width: '640' })],
    ['a negative seq', frame({ seq: -1 })],
    ['a fractional seq', frame({ seq: 1.5 })],
    ['a huge seq', frame({ seq: 2 ** 60 })],
    ['no capture time', frame({ capturedAt: undefined })],
    ['an infinite capture time', frame({ capturedAt: Number.POSITIVE_INFINITY })],
  ])('refuses %s with a Chinese message', (_label, raw) => {
    const parsed = parseCameraFrame(raw);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(chinese);
  });
});

describe('养老认证 input', () => {
  it('takes an 18-character ID number of digits with a final X, upper-casing x', () => {
    expect(parseKioskInput({ type: 'auth.idNumber', idNumber: '370203196203150422' })).toEqual({ ok: true, value: { type: 'auth.idNumber', idNumber: '370203196203150422' } });
    expect(parseKioskInput({ type: 'auth.idNumber', idNumber: '37020319620315042x' })).toEqual({ ok: true, value: { type: 'auth.idNumber', idNumber: '37020319620315042X' } });
  });

  it.each(['37020319620315042', '3702031962031504221', '3702031962031X0422', '37020319620315042Y', ' 370203196203150422', '３７０２０３１９６２０３１５０４２２', ''])(
    'refuses the ID number %j and says what it should be',
    (idNumber) => {
      const parsed = parseKioskInput({ type: 'auth.idNumber', idNumber });
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.message).toContain('18位');
    },
  );

  it('refuses an ID number that is not a string', () => {
    expect(parseKioskInput({ type: 'auth.idNumber', idNumber: 370203196203150 }).ok).toBe(false);
  });

  it('takes auth.cancel and the two presence events, nothing else of their families', () => {
    expect(parseKioskInput({ type: 'auth.cancel', reason: 'x' })).toEqual({ ok: true, value: { type: 'auth.cancel' } });
    expect(parseKioskInput({ type: 'presence.arrived' })).toEqual({ ok: true, value: { type: 'presence.arrived' } });
    expect(parseKioskInput({ type: 'presence.left', faces: 3 })).toEqual({ ok: true, value: { type: 'presence.left' } });
    for (const type of ['presence.maybe', 'auth.approve', 'auth.result', 'auth.']) expect(parseKioskInput({ type }).ok, type).toBe(false);
  });
});

describe('staff enrolment photo', () => {
  it('takes a demo citizen id and one frame', () => {
    expect(parseKioskInput({ type: 'staff.enrollPhoto', citizenId: 'QD0001', frame: frame() })).toEqual({
      ok: true,
      value: { type: 'staff.enrollPhoto', citizenId: 'QD0001', frame: frame() },
    });
  });

  it('refuses a bad citizen id or a bad frame', () => {
    expect(parseKioskInput({ type: 'staff.enrollPhoto', citizenId: '../QD0001', frame: frame() }).ok).toBe(false);
    expect(parseKioskInput({ type: 'staff.enrollPhoto', citizenId: 'QD0001', frame: frame({ width: 0 }) }).ok).toBe(false);
    expect(parseKioskInput({ type: 'staff.enrollPhoto', citizenId: 'QD0001' }).ok).toBe(false);
  });
});

describe('message size', () => {
  it('lets only frame-carrying messages exceed 16 KB', () => {
    const bigFrame = frame({ jpegBase64: `/9j/${'A'.repeat(300 * 1024)}` });
    expect(parseClientMessage(message({ type: 'auth.frame', frame: bigFrame })).ok).toBe(true);
    expect(parseClientMessage(message({ type: 'staff.enrollPhoto', citizenId: 'QD0001', frame: bigFrame })).ok).toBe(true);
    const padded = JSON.stringify({ type: 'input', input: { type: 'citizen.touch' }, padding: 'x'.repeat(maxTextMessageBytes) });
    const tooLarge = parseClientMessage(padded);
    expect(tooLarge.ok).toBe(false);
    expect(!tooLarge.ok && tooLarge.message).toMatch(chinese);
  });

  it('refuses any message over the frame limit before parsing it', () => {
    const huge = message({ type: 'auth.frame', frame: frame({ jpegBase64: `/9j/${'A'.repeat(maxFrameBase64Length + 4_096)}` }) });
    expect(parseClientMessage(huge).ok).toBe(false);
  });
});
