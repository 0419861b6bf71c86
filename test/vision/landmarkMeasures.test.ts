import { describe, expect, it } from 'vitest';
import type { Point } from '../../vision/image/affineMatrix.js';
import { headPose } from '../../vision/landmarks/headPose.js';
import { eyeAspectRatio, eyeOpenness, mouthAspectRatio } from '../../vision/landmarks/opennessRatios.js';

/** The generic head the pose fit uses (x right, y down, z towards the camera), at its six landmarks. */
const HEAD: Record<number, [number, number, number]> = {
  30: [0, 0, 0],
  8: [0, 330, -65],
  36: [-225, -170, -135],
  45: [225, -170, -135],
  48: [-150, 150, -125],
  54: [150, 150, -125],
};

/** Landmarks of that head turned by yaw (own left +) and pitch (up +), projected orthographically at scale s. */
function projectedHead(yawDeg: number, pitchDeg: number, s = 0.4, at: Point = { x: 320, y: 240 }): Point[] {
  const y = (yawDeg * Math.PI) / 180;
  const p = (pitchDeg * Math.PI) / 180;
  const points: Point[] = Array.from({ length: 68 }, () => ({ x: at.x, y: at.y }));
  for (const [index, [X, Y, Z]] of Object.entries(HEAD)) {
    // Yaw about the vertical axis, then pitch about the horizontal one.
    const x1 = Math.cos(y) * X + Math.sin(y) * Z;
    const z1 = -Math.sin(y) * X + Math.cos(y) * Z;
    const y2 = Math.cos(p) * Y - Math.sin(p) * z1;
    points[Number(index)] = { x: at.x + s * x1, y: at.y + s * y2 };
  }
  return points;
}

describe('head pose from landmarks', () => {
  it('recovers yaw and pitch of a projected head, with the signs the challenges use', () => {
    for (const [yaw, pitch] of [[0, 0], [20, 0], [-25, 0], [0, 15], [0, -18], [15, -10], [-30, 12]] as const) {
      const pose = headPose(projectedHead(yaw, pitch));
      expect(pose.yaw, `yaw ${yaw} pitch ${pitch}`).toBeCloseTo(yaw, 0);
      expect(pose.pitch, `yaw ${yaw} pitch ${pitch}`).toBeCloseTo(pitch, 0);
      expect(Math.abs(pose.roll)).toBeLessThan(1);
    }
  });

  it('does not depend on where the face is or how large it is', () => {
    const a = headPose(projectedHead(18, -7, 0.3, { x: 100, y: 90 }));
    const b = headPose(projectedHead(18, -7, 1.1, { x: 900, y: 500 }));
    expect(a.yaw).toBeCloseTo(b.yaw, 6);
    expect(a.pitch).toBeCloseTo(b.pitch, 6);
  });
});

describe('eye and mouth aspect ratios', () => {
  /** An eye from corner to corner `w` wide, lids `h` apart, at x0. */
  const eye = (x0: number, w: number, h: number): Point[] => [
    { x: x0, y: 100 },
    { x: x0 + w / 3, y: 100 - h / 2 },
    { x: x0 + (2 * w) / 3, y: 100 - h / 2 },
    { x: x0 + w, y: 100 },
    { x: x0 + (2 * w) / 3, y: 100 + h / 2 },
    { x: x0 + w / 3, y: 100 + h / 2 },
  ];
  const face = (eyeH: number, mouthH: number): Point[] => {
    const lm: Point[] = Array.from({ length: 68 }, () => ({ x: 0, y: 0 }));
    eye(100, 30, eyeH).forEach((p, i) => (lm[36 + i] = p));
    eye(170, 30, eyeH).forEach((p, i) => (lm[42 + i] = p));
    lm[48] = { x: 120, y: 200 };
    lm[54] = { x: 180, y: 200 };
    for (const [up, down, x] of [[61, 67, 140], [62, 66, 150], [63, 65, 160]] as const) {
      lm[up] = { x, y: 200 - mouthH / 2 };
      lm[down] = { x, y: 200 + mouthH / 2 };
    }
    return lm;
  };

  it('are lid opening over eye width and lip opening over mouth width, independent of scale', () => {
    expect(eyeAspectRatio(face(9, 0), [36, 37, 38, 39, 40, 41])).toBeCloseTo(0.3, 6);
    expect(eyeOpenness(face(3, 0))).toBeCloseTo(0.1, 6);
    expect(mouthAspectRatio(face(9, 30))).toBeCloseTo(0.5, 6);
    expect(mouthAspectRatio(face(9, 0))).toBe(0);
    const big = face(9, 30).map((p) => ({ x: p.x * 3, y: p.y * 3 }));
    expect(mouthAspectRatio(big)).toBeCloseTo(0.5, 6);
  });
});
