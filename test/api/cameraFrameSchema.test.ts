import { describe, expect, it } from 'vitest';
import { cameraFrameSchema } from '../../app/api/cameraFrameSchema.js';
import { maxFrameBase64Length, maxFrameSide } from '../../app/api/inputLimits.js';
import { parseKioskInput } from '../../app/api/parseKioskInput.js';
import { refusalMessages } from '../../app/api/refusalMessages.js';
import { chinese, frame, jpegBase64 } from './fixtures.js';

describe('camera frames', () => {
  it('accepts a base64 JPEG with its size, time and sequence number', () => {
    expect(cameraFrameSchema.parse(frame())).toEqual(frame());
    expect(parseKioskInput({ type: 'auth.frame', frame: frame({ seq: 41 }) })).toEqual({ ok: true, input: { type: 'auth.frame', frame: frame({ seq: 41 }) } });
  });

  it('accepts the limits themselves: 400 KB of base64, sides of 1280, seq and time 0', () => {
    const largest = `/9j/${'A'.repeat(maxFrameBase64Length - 4)}`;
    expect(cameraFrameSchema.safeParse(frame({ jpegBase64: largest, width: maxFrameSide, height: maxFrameSide, seq: 0, capturedAt: 0 })).success).toBe(true);
  });

  it('drops fields the contract does not have', () => {
    const parsed = cameraFrameSchema.parse({ ...frame(), extra: 'x', dataUrl: 'data:image/jpeg;base64,' });
    expect(Object.keys(parsed).sort()).toEqual(['capturedAt', 'height', 'jpegBase64', 'seq', 'width']);
  });

  it.each([
    ['no object', null],
    ['an array', [frame()]],
    ['a data: URL', frame({ jpegBase64: `data:image/jpeg;base64,${jpegBase64}` })],
    ['a PNG', frame({ jpegBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' })],
    ['not base64', frame({ jpegBase64: '/9j/<script>' })],
    ['base64 of the wrong length', frame({ jpegBase64: `${jpegBase64}A` })],
    ['an empty picture', frame({ jpegBase64: '' })],
    ['a picture that is not a string', frame({ jpegBase64: 42 })],
    ['a picture over 400 KB', frame({ jpegBase64: `/9j/${'A'.repeat(maxFrameBase64Length)}` })],
    ['a width over 1280', frame({ width: maxFrameSide + 1 })],
    ['a zero height', frame({ height: 0 })],
    ['a negative width', frame({ width: -640 })],
    ['a fractional width', frame({ width: 640.5 })],
    ['a string size', frame({ width: '640' })],
    ['no height', frame({ height: undefined })],
    ['a negative seq', frame({ seq: -1 })],
    ['a fractional seq', frame({ seq: 1.5 })],
    ['a huge seq', frame({ seq: 2 ** 60 })],
    ['no capture time', frame({ capturedAt: undefined })],
    ['a negative capture time', frame({ capturedAt: -1 })],
    ['an infinite capture time', frame({ capturedAt: Number.POSITIVE_INFINITY })],
    ['a NaN capture time', frame({ capturedAt: Number.NaN })],
  ])('refuses %s, and auth.frame says so in Chinese', (_label, raw) => {
    expect(cameraFrameSchema.safeParse(raw).success).toBe(false);
    const parsed = parseKioskInput({ type: 'auth.frame', frame: raw });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.message).toBe(refusalMessages.badFrame);
    expect(!parsed.ok && parsed.error.message).toMatch(chinese);
  });
});
