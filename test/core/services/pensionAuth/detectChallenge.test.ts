import { describe, expect, it } from 'vitest';
import { detectChallenge } from '../../../../app/core/services/pensionAuth/detectChallenge.js';
import type { FrameMeasurement } from '../../../../app/core/services/pensionAuth/faceAuthTypes.js';

const f = (over: Partial<FrameMeasurement>): FrameMeasurement => ({
  at: 0, usable: true, guidance: null, faces: 1, yaw: 0, pitch: 0, eyeOpenness: 0.3, mouthOpenness: 0.1, liveness: 0.9, sameFace: true, ...over,
});

describe('challenge detection over measured frames', () => {
  it('sees a blink as open → closed → open, not eyes that stay open or stay shut', () => {
    expect(detectChallenge('blink', [f({}), f({ eyeOpenness: 0.08 }), f({})])).toBe(true);
    expect(detectChallenge('blink', [f({}), f({}), f({})])).toBe(false);
    expect(detectChallenge('blink', [f({ eyeOpenness: 0.05 }), f({ eyeOpenness: 0.05 })])).toBe(false);
  });
  it('sees head turns by direction, and only when the head comes back', () => {
    expect(detectChallenge('turnLeft', [f({}), f({ yaw: 25 }), f({ yaw: 3 })])).toBe(true);
    expect(detectChallenge('turnRight', [f({}), f({ yaw: 25 }), f({ yaw: 3 })])).toBe(false);
    expect(detectChallenge('turnRight', [f({}), f({ yaw: -30 }), f({ yaw: -2 })])).toBe(true);
    expect(detectChallenge('turnLeft', [f({}), f({ yaw: 25 })])).toBe(false);
  });
  it('sees an open mouth and a nod', () => {
    expect(detectChallenge('openMouth', [f({}), f({ mouthOpenness: 0.6 })])).toBe(true);
    expect(detectChallenge('openMouth', [f({}), f({ mouthOpenness: 0.3 })])).toBe(false);
    expect(detectChallenge('nod', [f({ pitch: 2 }), f({ pitch: -14 }), f({ pitch: 0 })])).toBe(true);
    expect(detectChallenge('nod', [f({ pitch: 2 }), f({ pitch: -4 }), f({ pitch: 0 })])).toBe(false);
  });
  it('ignores frames without exactly one face', () => {
    expect(detectChallenge('blink', [f({}), f({ eyeOpenness: 0.05, faces: 2 }), f({})])).toBe(false);
  });
});
