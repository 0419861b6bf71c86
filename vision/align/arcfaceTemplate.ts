import type { Point } from '../image/affineMatrix.js';

/**
 * Where the 5 points (image-left eye, image-right eye, nose tip, image-left and image-right mouth corner) sit in
 * the 112×112 crop ArcFace-family models are trained on (insightface's arcface_dst; the faceplugin package
 * uses the same numbers).
 */
export const ARCFACE_TEMPLATE_112: readonly [Point, Point, Point, Point, Point] = [
  { x: 38.2946, y: 51.6963 },
  { x: 73.5318, y: 51.5014 },
  { x: 56.0252, y: 71.7366 },
  { x: 41.5493, y: 92.3655 },
  { x: 70.7299, y: 92.2041 },
];

export const ALIGNED_FACE_SIZE = 112;
