import type { Point } from '../image/affineMatrix.js';
import { pointAt, type Landmarks68 } from './landmarkPoints.js';

export interface HeadPose {
  /** Degrees; positive when the person turns the head to their own left (nose towards the image's right in a non-mirrored frame). */
  yaw: number;
  /** Degrees; positive when the person looks up, negative when they look down (a nod goes negative and back). */
  pitch: number;
  /** Degrees; in-plane tilt, positive clockwise in the image. */
  roll: number;
}

/**
 * A generic head (units ~0.1 mm; x right, y down, z towards the camera) at six landmarks: nose tip (30),
 * chin (8), outer eye corners (36, 45), mouth corners (48, 54). The widely used approximate model for
 * head-pose from 2-D landmarks.
 */
const MODEL: ReadonlyArray<{ index: number; x: number; y: number; z: number }> = [
  { index: 30, x: 0, y: 0, z: 0 },
  { index: 8, x: 0, y: 330, z: -65 },
  { index: 36, x: -225, y: -170, z: -135 },
  { index: 45, x: 225, y: -170, z: -135 },
  { index: 48, x: -150, y: 150, z: -125 },
  { index: 54, x: 150, y: 150, z: -125 },
];

/** Solves the 3×3 system A·x = b (Cramer's rule; A is a small normal matrix here). */
function solve3(a: number[][], b: number[]): [number, number, number] {
  const det = (m: number[][]) =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) - m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) + m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const d = det(a);
  const col = (k: number) => det(a.map((row, i) => row.map((v, j) => (j === k ? b[i]! : v))));
  return [col(0) / d, col(1) / d, col(2) / d];
}

const norm = (v: number[]) => Math.hypot(v[0]!, v[1]!, v[2]!);
const deg = (r: number) => (r * 180) / Math.PI;

/**
 * Head pose from the 68 landmarks: a weak-perspective (scaled orthographic) fit of the generic head to six
 * landmarks by least squares, rows made orthonormal. Good to a few degrees near frontal, which is what the
 * frontal-face gate and the turn/nod challenges need (the fr_pose model gives implausible angles).
 */
export function headPose(landmarks: Landmarks68): HeadPose {
  const image: Point[] = MODEL.map((m) => pointAt(landmarks, m.index));
  const n = MODEL.length;
  const mx = MODEL.reduce((s, m) => s + m.x, 0) / n;
  const my = MODEL.reduce((s, m) => s + m.y, 0) / n;
  const mz = MODEL.reduce((s, m) => s + m.z, 0) / n;
  const ix = image.reduce((s, p) => s + p.x, 0) / n;
  const iy = image.reduce((s, p) => s + p.y, 0) / n;
  const P = MODEL.map((m) => [m.x - mx, m.y - my, m.z - mz]);
  const ata = [0, 1, 2].map((r) => [0, 1, 2].map((c) => P.reduce((s, p) => s + p[r]! * p[c]!, 0)));
  const atx = [0, 1, 2].map((r) => P.reduce((s, p, i) => s + p[r]! * (image[i]!.x - ix), 0));
  const aty = [0, 1, 2].map((r) => P.reduce((s, p, i) => s + p[r]! * (image[i]!.y - iy), 0));
  const m1 = solve3(ata, atx);
  const m2 = solve3(ata, aty);
  // Orthonormalise the two projected rows symmetrically (split the correction between them).
  let r1 = m1.map((v) => v / norm(m1));
  let r2 = m2.map((v) => v / norm(m2));
  const dot = r1[0]! * r2[0]! + r1[1]! * r2[1]! + r1[2]! * r2[2]!;
  const a1 = r1.map((v, i) => v - (dot / 2) * r2[i]!);
  const a2 = r2.map((v, i) => v - (dot / 2) * r1[i]!);
  r1 = a1.map((v) => v / norm(a1));
  r2 = a2.map((v) => v / norm(a2));
  // Third row of the rotation; with R = Rx(pitch)·Ry(yaw): r1 = (cos y, 0, sin y), r2.y = cos p, r3.y = sin p.
  const r3 = [r1[1]! * r2[2]! - r1[2]! * r2[1]!, r1[2]! * r2[0]! - r1[0]! * r2[2]!, r1[0]! * r2[1]! - r1[1]! * r2[0]!];
  return {
    yaw: deg(Math.asin(Math.max(-1, Math.min(1, r1[2]!)))),
    pitch: deg(Math.atan2(r3[1]!, r2[1]!)),
    roll: deg(Math.atan2(r1[1]!, r1[0]!)),
  };
}
