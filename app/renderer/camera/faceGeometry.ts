/**
 * What the screen makes of one MediaPipe Face Landmarker result: where the face is, how big, how it is turned.
 * Pure functions on plain numbers, so they run (and are tested) without a browser. The screen uses them for
 * presence and for the green/amber oval only; whether a citizen is authenticated is decided in the main process.
 */

export interface Point {
  x: number;
  y: number;
}

/** One face, in normalised image coordinates (0…1, not mirrored). */
export interface FaceObservation {
  box: { x: number; y: number; width: number; height: number };
  /** Face width as a share of the image width. */
  size: number;
  /** Degrees, 0 facing the camera; null when the pose could not be read. */
  yaw: number | null;
  pitch: number | null;
  /** The face outline (36 landmarks around the face), for the overlay. */
  outline: Point[];
  /** Blendshape scores 0…1 when available (guidance only). */
  eyesClosed: number | null;
  jawOpen: number | null;
}

/** How the face sits for 养老认证 capture: the overlay turns green on `good`. */
export type Placement = 'noFace' | 'tooFar' | 'tooClose' | 'offCentre' | 'turned' | 'good';

/** The face silhouette of the 478-point mesh, clockwise from the forehead (MediaPipe FACE_LANDMARKS_FACE_OVAL). */
export const faceOutlineIndices = [
  10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136,
  172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109,
] as const;

/** Someone this close (face ≥ 12% of the image width, about a metre from a 60° camera) and facing the screen is "here". */
export const presenceMinSize = 0.12;
export const presenceMaxTurnDegrees = 25;

/** The capture target: the face fills a good part of the frame, near the middle, nearly frontal. */
export const placement = { minSize: 0.28, maxSize: 0.62, maxCentreOffset: 0.12, maxTurnDegrees: 15 } as const;

/** The fixed guide oval drawn on the preview, in normalised coordinates (centre and radii). */
export const guideOval = { cx: 0.5, cy: 0.48, rx: 0.24, ry: 0.4 } as const;

export interface Matrix4 {
  rows: number;
  columns: number;
  data: number[];
}

export interface BlendshapeScore {
  categoryName: string;
  score: number;
}

/** Builds the observation from one face's landmarks, transformation matrix and blendshapes (either may be missing). */
export function observeFace(landmarks: readonly Point[], matrix?: Matrix4 | null, blendshapes?: readonly BlendshapeScore[] | null): FaceObservation | null {
  if (landmarks.length < 468) return null;
  const outline = faceOutlineIndices.map((i) => landmarks[i]).filter((p): p is Point => p !== undefined);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of outline) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (!Number.isFinite(minX) || maxX <= minX || maxY <= minY) return null;
  const pose = (matrix && poseFromMatrix(matrix)) ?? poseFromLandmarks(landmarks);
  const score = (name: string): number | null => blendshapes?.find((b) => b.categoryName === name)?.score ?? null;
  const blinkLeft = score('eyeBlinkLeft');
  const blinkRight = score('eyeBlinkRight');
  return {
    box: { x: minX, y: minY, width: maxX - minX, height: maxY - minY },
    size: maxX - minX,
    yaw: pose?.yaw ?? null,
    pitch: pose?.pitch ?? null,
    outline,
    eyesClosed: blinkLeft !== null && blinkRight !== null ? (blinkLeft + blinkRight) / 2 : null,
    jawOpen: score('jawOpen'),
  };
}

/**
 * Yaw and pitch in degrees from the facial transformation matrix (a 4×4 rigid transform; MediaPipe packs it
 * column-major, the translation in the last column). Yaw is + when the face turns to the image's right.
 */
export function poseFromMatrix(matrix: Matrix4): { yaw: number; pitch: number } | null {
  const d = matrix.data;
  if (matrix.rows !== 4 || matrix.columns !== 4 || d.length !== 16 || d.some((v) => !Number.isFinite(v))) return null;
  // Column-major keeps the translation in d[12..14]; row-major in d[3], d[7], d[11].
  const columnMajor = Math.abs(d[14] ?? 0) >= Math.abs(d[11] ?? 0);
  const r = (row: number, col: number): number => (columnMajor ? d[col * 4 + row] : d[row * 4 + col]) ?? 0;
  // Rotation R = Ry(yaw)·Rx(pitch): its third row is (−sin yaw, cos yaw·sin pitch, cos yaw·cos pitch).
  const yaw = Math.asin(clamp(-r(2, 0), -1, 1));
  const pitch = Math.atan2(r(2, 1), r(2, 2));
  return { yaw: degrees(yaw), pitch: degrees(pitch) };
}

/** A rougher pose from the landmarks alone: where the nose tip sits between the cheeks and between brow and chin. */
export function poseFromLandmarks(landmarks: readonly Point[]): { yaw: number; pitch: number } | null {
  const nose = landmarks[1];
  const left = landmarks[234];
  const right = landmarks[454];
  const top = landmarks[10];
  const chin = landmarks[152];
  if (!nose || !left || !right || !top || !chin) return null;
  const width = right.x - left.x;
  const height = chin.y - top.y;
  if (width <= 0 || height <= 0) return null;
  const across = (nose.x - left.x) / width - 0.5;
  const down = (nose.y - top.y) / height - 0.58;
  return { yaw: degrees(Math.asin(clamp(across * 2, -1, 1))), pitch: degrees(Math.asin(clamp(-down * 2.5, -1, 1))) };
}

/** Close enough and facing the screen: counts towards presence. */
export function isAttending(face: FaceObservation | null): boolean {
  if (!face || face.size < presenceMinSize) return false;
  return Math.abs(face.yaw ?? 0) <= presenceMaxTurnDegrees && Math.abs(face.pitch ?? 0) <= presenceMaxTurnDegrees;
}

/** How well the face sits in the guide oval. */
export function placementOf(face: FaceObservation | null): Placement {
  if (!face) return 'noFace';
  if (face.size < placement.minSize) return 'tooFar';
  if (face.size > placement.maxSize) return 'tooClose';
  const cx = face.box.x + face.box.width / 2;
  const cy = face.box.y + face.box.height / 2;
  if (Math.abs(cx - guideOval.cx) > placement.maxCentreOffset || Math.abs(cy - guideOval.cy) > placement.maxCentreOffset * 1.5) return 'offCentre';
  if (Math.abs(face.yaw ?? 0) > placement.maxTurnDegrees || Math.abs(face.pitch ?? 0) > placement.maxTurnDegrees) return 'turned';
  return 'good';
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function degrees(radians: number): number {
  return (radians * 180) / Math.PI;
}
