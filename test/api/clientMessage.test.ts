import { describe, expect, it } from 'vitest';
import { parseClientMessage } from '../../app/api/clientMessage.js';
import { maxFrameBase64Length, maxTextMessageBytes } from '../../app/api/inputLimits.js';
import { refusalMessages } from '../../app/api/refusalMessages.js';
import { chinese, frame, message } from './fixtures.js';

function refused(text: string): { message: string; reason: string } {
  const parsed = parseClientMessage(text);
  if (parsed.ok) throw new Error('accepted');
  return parsed.error;
}

describe('parseClientMessage (web kiosk WebSocket frames)', () => {
  it('unwraps an input message and checks the input with parseKioskInput', () => {
    expect(parseClientMessage(message({ type: 'citizen.text', text: ' 失业金 ' }))).toEqual({ ok: true, message: { type: 'input', input: { type: 'citizen.text', text: '失业金' } } });
    expect(refused(message({ type: 'citizen.text', text: '  ' })).message).toBe(refusalMessages.emptyQuestion);
    expect(parseClientMessage(message({ type: 'camera.lost', reason: 'no-camera' }))).toEqual({ ok: true, message: { type: 'input', input: { type: 'camera.lost', reason: 'no-camera' } } });
  });

  it('refuses what is not JSON, or not an input message, in Chinese', () => {
    expect(refused('not json').message).toBe(refusalMessages.malformed);
    for (const text of [JSON.stringify({ type: 'hello' }), JSON.stringify({ input: { type: 'citizen.touch' } }), 'null', '[]', '"input"']) {
      const error = refused(text);
      expect(error.message, text).toBe(refusalMessages.unusable);
      expect(error.message).toMatch(chinese);
    }
  });

  it('lets only frame-carrying messages exceed 16 KB', () => {
    const bigFrame = frame({ jpegBase64: `/9j/${'A'.repeat(300 * 1024)}` });
    expect(parseClientMessage(message({ type: 'auth.frame', frame: bigFrame })).ok).toBe(true);
    expect(parseClientMessage(message({ type: 'staff.enrollPhoto', citizenId: 'QD0001', frame: bigFrame })).ok).toBe(true);
    const padded = JSON.stringify({ type: 'input', input: { type: 'citizen.touch' }, padding: 'x'.repeat(maxTextMessageBytes) });
    const tooLarge = refused(padded);
    expect(tooLarge.message).toBe(refusalMessages.tooLarge);
    expect(tooLarge.reason).not.toContain('xxx');
    expect(refused(message({ type: 'citizen.text', text: '问'.repeat(20_000) })).message).toBe(refusalMessages.tooLarge);
  });

  it('refuses any message over the frame limit before parsing it', () => {
    const huge = message({ type: 'auth.frame', frame: frame({ jpegBase64: `/9j/${'A'.repeat(maxFrameBase64Length + 4_096)}` }) });
    expect(refused(huge).message).toBe(refusalMessages.tooLarge);
    expect(refused(`{${' '.repeat(maxFrameBase64Length + 4_096)}`).message).toBe(refusalMessages.tooLarge);
  });
});
