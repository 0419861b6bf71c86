import type { Point } from '../image/affineMatrix.js';

/** 68 points in the iBUG 300-W layout, image pixels. Index 0 is the jaw at the image-left side of the face. */
export type Landmarks68 = readonly Point[];

/** iBUG 300-W index ranges (0-based). "Image-left" is the subject's right side in a non-mirrored camera frame. */
export const LANDMARK = {
  jaw: [0, 16],
  chin: 8,
  noseBridgeTop: 27,
  noseTip: 30,
  /** The eye on the image-left: corners 36 (outer) and 39 (inner), upper lid 37 38, lower lid 41 40. */
  imageLeftEye: [36, 37, 38, 39, 40, 41],
  imageRightEye: [42, 43, 44, 45, 46, 47],
  mouthOuterLeft: 48,
  mouthOuterRight: 54,
  mouthInnerLeft: 60,
  mouthInnerRight: 64,
  /** Inner lips: upper 61 62 63, lower 67 66 65. */
  innerUpperLip: [61, 62, 63],
  innerLowerLip: [67, 66, 65],
} as const;

export const pointAt = (landmarks: Landmarks68, i: number): Point => {
  const p = landmarks[i];
  if (!p) throw new Error(`landmark ${i} missing (have ${landmarks.length})`);
  return p;
};

export const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

const mean = (points: Point[]): Point => ({ x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length });

/**
 * The 5 alignment points (image-left eye centre, image-right eye centre, nose tip, image-left and image-right
 * mouth corners), in the order of the ArcFace template. Eye centre = mean of the four lid points; mouth corner
 * = mean of the outer and inner lip corner (as the faceplugin package derives them).
 */
export function fivePointsFrom68(landmarks: Landmarks68): [Point, Point, Point, Point, Point] {
  const at = (i: number) => pointAt(landmarks, i);
  return [
    mean([at(37), at(38), at(40), at(41)]),
    mean([at(43), at(44), at(46), at(47)]),
    at(LANDMARK.noseTip),
    mean([at(LANDMARK.mouthOuterLeft), at(LANDMARK.mouthInnerLeft)]),
    mean([at(LANDMARK.mouthOuterRight), at(LANDMARK.mouthInnerRight)]),
  ];
}
