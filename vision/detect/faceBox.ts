/** A detected face in image pixels (corners) with the detector's confidence. */
export interface FaceBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  score: number;
}

export const boxWidth = (b: FaceBox) => b.x2 - b.x1;
export const boxHeight = (b: FaceBox) => b.y2 - b.y1;
export const boxArea = (b: FaceBox) => Math.max(0, boxWidth(b)) * Math.max(0, boxHeight(b));
export const boxCentre = (b: FaceBox) => ({ x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 });

export function intersectionOverUnion(a: FaceBox, b: FaceBox): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (boxArea(a) + boxArea(b) - inter);
}

/**
 * The square the faceplugin models were used with: side = box height, same centre, clipped to the image.
 * The landmark and liveness crops are taken from this square, as in the package's own code.
 */
export function squareFaceBox(b: FaceBox, imageWidth: number, imageHeight: number): FaceBox {
  const side = boxHeight(b);
  const { x, y } = boxCentre(b);
  return {
    x1: Math.max(0, x - side / 2),
    y1: Math.max(0, y - side / 2),
    x2: Math.min(imageWidth - 1, x + side / 2),
    y2: Math.min(imageHeight - 1, y + side / 2),
    score: b.score,
  };
}
