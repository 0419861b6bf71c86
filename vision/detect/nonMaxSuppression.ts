import { intersectionOverUnion, type FaceBox } from './faceBox.js';

/** Greedy NMS: keep the most confident box, drop every box overlapping it by more than `iouThreshold`, repeat. */
export function nonMaxSuppression(boxes: readonly FaceBox[], iouThreshold: number, maxKeep = 50): FaceBox[] {
  const sorted = [...boxes].sort((a, b) => b.score - a.score);
  const kept: FaceBox[] = [];
  for (const box of sorted) {
    if (kept.length >= maxKeep) break;
    if (kept.every((k) => intersectionOverUnion(k, box) <= iouThreshold)) kept.push(box);
  }
  return kept;
}
