import { describe, expect, it } from 'vitest';
import type { ActionFrame } from '../../vision/action/actionFrame.js';
import { createChallengeTracker } from '../../vision/action/challengeTracker.js';

/** Frames 125 ms apart, frontal and alone unless set. */
const frames = (values: Partial<ActionFrame>[], start = 1000): ActionFrame[] =>
  values.map((v, i) => ({ at: start + i * 125, faces: 1, yaw: 2, pitch: -5, eyeOpenness: 0.3, mouthOpenness: 0.05, ...v }));

describe('the challenges of an attempt, judged by vision/’s one set of detectors', () => {
  it('is pending until the asked action is seen in the frames since its prompt, then passed for good', () => {
    const t = createChallengeTracker();
    expect(t.push(frames([{}])[0]!)).toBeNull();
    expect(t.start('turnLeft')).toEqual({ kind: 'turnLeft', state: 'pending', miss: 'no-frames' });
    const turn = frames([{ yaw: 1 }, { yaw: 2 }, { yaw: 12 }, { yaw: 25 }, { yaw: 30 }, { yaw: 10 }, { yaw: 2 }]);
    const states = turn.map((f) => t.push(f)!.state);
    // Back within 10° of the start (median 2°) at 10°: passed there, and it stays passed.
    expect(states).toEqual(['pending', 'pending', 'pending', 'pending', 'pending', 'passed', 'passed']);
    expect(t.push(frames([{ yaw: 40 }])[0]!)).toEqual({ kind: 'turnLeft', state: 'passed', miss: null });
    expect(t.summary()).toEqual({ started: 1, passed: 1 });
  });

  it('says why while pending, and a turn the wrong way is not the asked one', () => {
    const t = createChallengeTracker();
    t.start('turnRight');
    let last = null;
    for (const f of frames([{ yaw: 1 }, { yaw: 2 }, { yaw: 25 }, { yaw: 30 }, { yaw: 2 }])) last = t.push(f);
    expect(last).toEqual({ kind: 'turnRight', state: 'pending', miss: 'wrong-direction' });
    expect(t.summary()).toEqual({ started: 1, passed: 0 });
  });

  it('judges each challenge only on its own frames: an action before the prompt does not count', () => {
    const t = createChallengeTracker();
    t.start('blink');
    for (const f of frames([{ eyeOpenness: 0.3 }, { eyeOpenness: 0.31 }, { eyeOpenness: 0.05 }])) t.push(f);
    // The prompt changes to a nod mid-blink: the reopened eyes are not a nod, and the blink is not finished.
    t.start('nod');
    expect(t.push(frames([{ eyeOpenness: 0.3 }], 1400)[0]!)).toMatchObject({ kind: 'nod', state: 'pending' });
    expect(t.summary()).toEqual({ started: 2, passed: 0 });
  });

  it('keeps only the action measurements it needs, a bounded number of them, and forgets all on reset', () => {
    const t = createChallengeTracker(4);
    t.start('openMouth');
    // The closed mouth scrolls out of the window of 4 frames, so the later opening has no closed start.
    for (const f of frames([{ mouthOpenness: 0.05 }, { mouthOpenness: 0.3 }, { mouthOpenness: 0.3 }, { mouthOpenness: 0.3 }, { mouthOpenness: 0.3 }])) t.push(f);
    expect(t.push(frames([{ mouthOpenness: 0.6 }], 2000)[0]!)).toMatchObject({ state: 'pending', miss: 'no-start' });
    t.reset();
    expect(t.status()).toBeNull();
    expect(t.summary()).toEqual({ started: 0, passed: 0 });
  });
});
