import { describe, expect, it } from 'vitest';
import type { ActionFrame } from '../../vision/action/actionFrame.js';
import { checkChallenge } from '../../vision/action/checkChallenge.js';
import { detectBlink } from '../../vision/action/detectBlink.js';
import { detectHeadTurn } from '../../vision/action/detectHeadTurn.js';
import { detectMouthOpen } from '../../vision/action/detectMouthOpen.js';
import { detectNod } from '../../vision/action/detectNod.js';

/** Frames every `stepMs` (8 fps by default) built from per-frame values; the face is frontal and alone unless set. */
function frames(values: Partial<ActionFrame>[], stepMs = 125, start = 1000): ActionFrame[] {
  return values.map((v, i) => ({ at: start + i * stepMs, faces: 1, yaw: 2, pitch: -5, eyeOpenness: 0.3, mouthOpenness: 0.05, ...v }));
}
const ears = (values: number[], stepMs?: number) => frames(values.map((eyeOpenness) => ({ eyeOpenness })), stepMs);
const yaws = (values: number[]) => frames(values.map((yaw) => ({ yaw })));

describe('blink', () => {
  it('is seen when the eyes close and open again quickly', () => {
    const r = detectBlink(ears([0.31, 0.3, 0.32, 0.29, 0.08, 0.06, 0.3, 0.31]));
    expect(r).toMatchObject({ detected: true, miss: null, durationMs: 250 });
  });

  it('is judged against the citizen’s own open eyes (narrow eyes: baseline 0.21)', () => {
    expect(detectBlink(ears([0.21, 0.22, 0.2, 0.11, 0.21, 0.22])).detected).toBe(true);
    // The same dip from a wide-open baseline is only a squint.
    expect(detectBlink(ears([0.36, 0.35, 0.37, 0.24, 0.36, 0.35])).detected).toBe(false);
  });

  it('is not seen when it is too slow (eyes kept shut 2 s), absent, or never reopened', () => {
    const slow = ears([0.3, 0.31, 0.3, ...Array(16).fill(0.05), 0.3, 0.31]);
    expect(detectBlink(slow)).toMatchObject({ detected: false, miss: 'too-slow' });
    expect(detectBlink(ears([0.3, 0.31, 0.29, 0.3, 0.3, 0.31]))).toMatchObject({ detected: false, miss: 'no-action' });
    expect(detectBlink(ears([0.3, 0.31, 0.05, 0.04, 0.05]))).toMatchObject({ detected: false, miss: 'no-return' });
    // A photo with closed eyes never shows open eyes first.
    expect(detectBlink(ears([0.05, 0.06, 0.05, 0.3, 0.05]))).toMatchObject({ detected: false });
  });

  it('takes fr_eye’s closed verdict when the landmarks miss the closure', () => {
    const f = frames([{ eyeOpenness: 0.3 }, { eyeOpenness: 0.29 }, { eyeOpenness: 0.22, eyesOpenProbability: 0.03 }, { eyeOpenness: 0.3, eyesOpenProbability: 0.99 }]);
    expect(detectBlink(f).detected).toBe(true);
  });

  it('ignores frames without exactly one face, and breaks when the face is gone too long mid-blink', () => {
    const withSecondPerson = frames([{ eyeOpenness: 0.3 }, { eyeOpenness: 0.05, faces: 2 }, { eyeOpenness: 0.3 }]);
    expect(detectBlink(withSecondPerson).detected).toBe(false);
    const gap = [...ears([0.3, 0.31, 0.05]), ...frames([{ eyeOpenness: 0.3 }], 125, 3000)];
    expect(detectBlink(gap)).toMatchObject({ detected: false, miss: 'face-lost' });
  });
});

describe('head turn', () => {
  it('left: yaw rises beyond 20° from the start and comes back', () => {
    const r = detectHeadTurn(yaws([1, 2, 0, 10, 22, 31, 33, 20, 8, 3]), 'left');
    expect(r.detected).toBe(true);
    expect(r.at).toBe(1000 + 6 * 125);
  });

  it('right is the other sign; turning the wrong way or not coming back is not a turn', () => {
    const left = yaws([1, 2, 0, 12, 25, 30, 10, 2]);
    const right = yaws([1, 2, 0, -12, -25, -30, -10, -2]);
    expect(detectHeadTurn(right, 'right').detected).toBe(true);
    expect(detectHeadTurn(left, 'right')).toMatchObject({ detected: false, miss: 'wrong-direction' });
    expect(detectHeadTurn(yaws([1, 0, 15, 28, 34, 35]), 'left')).toMatchObject({ detected: false, miss: 'no-return' });
    expect(detectHeadTurn(yaws([1, 3, 12, 15, 9, 2]), 'left')).toMatchObject({ detected: false, miss: 'no-action' });
  });

  it('measures from the citizen’s own start (standing a little to the side)', () => {
    // Starts at yaw 12°: 30° is only 18° of turn — not enough; 35° is.
    expect(detectHeadTurn(yaws([12, 13, 12, 24, 30, 20, 13]), 'left').detected).toBe(false);
    expect(detectHeadTurn(yaws([12, 13, 12, 24, 35, 20, 13]), 'left').detected).toBe(true);
  });
});

describe('open mouth and nod', () => {
  it('open mouth: closed, then wide open', () => {
    const m = (values: number[]) => frames(values.map((mouthOpenness) => ({ mouthOpenness })));
    expect(detectMouthOpen(m([0.05, 0.04, 0.2, 0.5, 0.55])).detected).toBe(true);
    expect(detectMouthOpen(m([0.05, 0.3, 0.35, 0.3])).detected).toBe(false);
    // A photo with an open mouth never shows it closed first.
    expect(detectMouthOpen(m([0.55, 0.56, 0.55]))).toMatchObject({ detected: false, miss: 'no-start' });
    expect(detectMouthOpen(m([0.05, 0.5, 0.5]), { closed: 0.2, open: 0.45, requireClose: true })).toMatchObject({ detected: false, miss: 'no-return' });
  });

  it('nod: pitch drops 12° below the start and comes back', () => {
    const p = (values: number[]) => frames(values.map((pitch) => ({ pitch })));
    expect(detectNod(p([-5, -4, -6, -12, -20, -19, -9, -5])).detected).toBe(true);
    expect(detectNod(p([-5, -4, -6, -12, -14, -9, -5])).detected).toBe(false);
    expect(detectNod(p([-5, -4, -20, -22, -21]))).toMatchObject({ detected: false, miss: 'no-return' });
  });

  it('dispatches by challenge name (the kiosk’s LivenessChallengeKind)', () => {
    const turnLeft = yaws([1, 2, 0, 12, 25, 30, 10, 2]);
    expect(checkChallenge('turnLeft', turnLeft).detected).toBe(true);
    expect(checkChallenge('turnRight', turnLeft).detected).toBe(false);
    expect(checkChallenge('blink', turnLeft).detected).toBe(false);
    expect(checkChallenge('nod', []).miss).toBe('no-frames');
  });
});
