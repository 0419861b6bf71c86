import { boxHeight, boxWidth, type FaceBox } from './faceBox.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The face box enlarged `scale` times about its centre (less if the frame is too small), then shifted so it
 * stays inside the frame: the crop the faceplugin landmark (scale 1) and liveness (scale 2.7) models were
 * used with. Shifting rather than clipping keeps the face's context the same size, as the model expects.
 */
export function contextCrop(box: FaceBox, imageWidth: number, imageHeight: number, scale: number): Rect {
  const w = Math.max(1, boxWidth(box));
  const h = Math.max(1, boxHeight(box));
  const s = Math.min((imageHeight - 1) / h, (imageWidth - 1) / w, scale);
  const cw = w * s;
  const ch = h * s;
  let x1 = box.x1 + w / 2 - cw / 2;
  let y1 = box.y1 + h / 2 - ch / 2;
  x1 = Math.min(Math.max(0, x1), imageWidth - 1 - cw);
  y1 = Math.min(Math.max(0, y1), imageHeight - 1 - ch);
  return { x: Math.max(0, x1), y: Math.max(0, y1), width: cw, height: ch };
}
