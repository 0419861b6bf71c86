// The screen's reading of MediaPipe results (app/renderer/camera/faceGeometry.ts, pure): box, pose, placement.
import { describe, expect, it } from 'vitest';
import { faceOutlineIndices, isAttending, observeFace, placementOf, poseFromMatrix, type Point } from '../../app/renderer/camera/faceGeometry.js';

/** A synthetic 478-point face: the outline on an ellipse around (cx, cy), the nose tip at the centre. */
function syntheticFace(cx: number, cy: number, rx: number, ry: number): Point[] {
  const points: Point[] = Array.from({ length: 478 }, () => ({ x: cx, y: cy }));
  faceOutlineIndices.forEach((index, i) => {
    const angle = (i / faceOutlineIndices.length) * Math.PI * 2 - Math.PI / 2;
    points[index] = { x: cx + rx * Math.cos(angle), y: cy + ry * Math.sin(angle) };
  });
  points[1] = { x: cx, y: cy + ry * 0.16 };
  return points;
}

/** A column-major 4×4 rigid transform: R = Ry(yaw)·Rx(pitch), translated 50 units away. */
function matrix(yawDeg: number, pitchDeg: number): { rows: number; columns: number; data: number[] } {
  const y = (yawDeg * Math.PI) / 180;
  const p = (pitchDeg * Math.PI) / 180;
  const r = [
    [Math.cos(y), Math.sin(y) * Math.sin(p), Math.sin(y) * Math.cos(p)],
    [0, Math.cos(p), -Math.sin(p)],
    [-Math.sin(y), Math.cos(y) * Math.sin(p), Math.cos(y) * Math.cos(p)],
  ];
  const data: number[] = [];
  for (let col = 0; col < 4; col += 1) for (let row = 0; row < 4; row += 1) data.push(col < 3 ? (row < 3 ? r[row]![col]! : 0) : [1, 2, -50, 1][row]!);
  return { rows: 4, columns: 4, data };
}

describe('face geometry', () => {
  it('reads yaw and pitch back from the transformation matrix', () => {
    for (const [yaw, pitch] of [[0, 0], [20, 0], [-30, 5], [10, -15]] as const) {
      const pose = poseFromMatrix(matrix(yaw, pitch));
      expect(pose?.yaw).toBeCloseTo(yaw, 5);
      expect(pose?.pitch).toBeCloseTo(pitch, 5);
    }
  });

  it('finds the box and size of a centred face, which is well placed when frontal', () => {
    const face = observeFace(syntheticFace(0.5, 0.48, 0.2, 0.3), matrix(0, 0), [
      { categoryName: 'eyeBlinkLeft', score: 0.5 },
      { categoryName: 'eyeBlinkRight', score: 0.7 },
      { categoryName: 'jawOpen', score: 0.1 },
    ]);
    expect(face?.size).toBeCloseTo(0.4, 2);
    expect(face?.eyesClosed).toBeCloseTo(0.6, 5);
    expect(face?.jawOpen).toBe(0.1);
    expect(placementOf(face ?? null)).toBe('good');
    expect(isAttending(face ?? null)).toBe(true);
  });

  it('tells far, near, off-centre and turned faces apart', () => {
    expect(placementOf(null)).toBe('noFace');
    expect(placementOf(observeFace(syntheticFace(0.5, 0.48, 0.05, 0.08), matrix(0, 0)))).toBe('tooFar');
    expect(placementOf(observeFace(syntheticFace(0.5, 0.48, 0.4, 0.5), matrix(0, 0)))).toBe('tooClose');
    expect(placementOf(observeFace(syntheticFace(0.25, 0.48, 0.2, 0.3), matrix(0, 0)))).toBe('offCentre');
    expect(placementOf(observeFace(syntheticFace(0.5, 0.48, 0.2, 0.3), matrix(25, 0)))).toBe('turned');
  });

  it('counts a small far face or a face turned away as not attending', () => {
    expect(isAttending(observeFace(syntheticFace(0.5, 0.5, 0.04, 0.06), matrix(0, 0)))).toBe(false);
    expect(isAttending(observeFace(syntheticFace(0.5, 0.5, 0.2, 0.3), matrix(40, 0)))).toBe(false);
    expect(isAttending(observeFace(syntheticFace(0.5, 0.5, 0.1, 0.15), matrix(10, 5)))).toBe(true);
  });

  it('needs the full mesh', () => {
    expect(observeFace([{ x: 0.5, y: 0.5 }])).toBeNull();
  });
});
