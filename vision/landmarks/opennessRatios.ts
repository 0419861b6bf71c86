import { distance, pointAt, type Landmarks68 } from './landmarkPoints.js';

/**
 * Eye aspect ratio (Soukupová & Čech 2016): mean lid opening over eye width, (|p2−p6| + |p3−p5|) / (2·|p1−p4|).
 * About 0.25–0.35 for an open eye, below about 0.15 when closed; it does not depend on the face's size.
 */
export function eyeAspectRatio(landmarks: Landmarks68, eye: readonly number[]): number {
  const p = eye.map((i) => pointAt(landmarks, i));
  const width = distance(p[0]!, p[3]!);
  if (width === 0) return 0;
  return (distance(p[1]!, p[5]!) + distance(p[2]!, p[4]!)) / (2 * width);
}

/** Mean eye aspect ratio of both eyes. */
export function eyeOpenness(landmarks: Landmarks68): number {
  return (eyeAspectRatio(landmarks, [36, 37, 38, 39, 40, 41]) + eyeAspectRatio(landmarks, [42, 43, 44, 45, 46, 47])) / 2;
}

/** Mouth aspect ratio: mean inner-lip opening (61–67, 62–66, 63–65) over mouth width (48–54). Near 0 closed, above about 0.4 wide open. */
export function mouthAspectRatio(landmarks: Landmarks68): number {
  const width = distance(pointAt(landmarks, 48), pointAt(landmarks, 54));
  if (width === 0) return 0;
  const opening =
    distance(pointAt(landmarks, 61), pointAt(landmarks, 67)) + distance(pointAt(landmarks, 62), pointAt(landmarks, 66)) + distance(pointAt(landmarks, 63), pointAt(landmarks, 65));
  return opening / (3 * width);
}
