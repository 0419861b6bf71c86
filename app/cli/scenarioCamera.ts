import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/** A scenario's camera: still images as a 640×480 kiosk camera would see them, 5 frames a second. */
export const CAMERA_WIDTH = 640;
export const CAMERA_HEIGHT = 480;
export const CAMERA_FRAME_MS = 200;
const FACE_SIDE = 320;

export interface CameraShot {
  /** Absolute path of the image. */
  image: string;
  /** How many frames in a row it is shown. */
  frames: number;
}

/**
 * Where a scenario's image is: `${SHARED}` is the shared data folder; otherwise relative to the scenario file,
 * or absolute.
 */
export function resolveScenarioPath(value: string, scenarioFile: string, sharedDataDir: string): string {
  const expanded = value.replaceAll('${SHARED}', sharedDataDir);
  return path.isAbsolute(expanded) ? expanded : path.resolve(path.dirname(scenarioFile), expanded);
}

/** The shots of a face step, in order (looped by the runner). */
export function cameraShots(face: string | Array<string | { image: string; seconds: number }>, scenarioFile: string, sharedDataDir: string): CameraShot[] {
  const list = typeof face === 'string' ? [face] : face;
  return list.map((shot) => {
    const { image, seconds } = typeof shot === 'string' ? { image: shot, seconds: 1 } : shot;
    return { image: resolveScenarioPath(image, scenarioFile, sharedDataDir), frames: Math.max(1, Math.round((seconds * 1000) / CAMERA_FRAME_MS)) };
  });
}

/** Images of the shots that are not there. */
export function missingImages(shots: readonly CameraShot[]): string[] {
  return [...new Set(shots.map((s) => s.image).filter((image) => !existsSync(image)))];
}

const frames = new Map<string, Promise<string>>();

/** The image as a camera frame: the face scaled to 320 px in the middle of a grey 640×480 picture, JPEG, base64. */
export function cameraFrameOf(image: string): Promise<string> {
  let frame = frames.get(image);
  if (!frame) {
    frame = (async () => {
      const face = await sharp(readFileSync(image)).resize(FACE_SIDE, FACE_SIDE).toBuffer();
      const jpeg = await sharp({ create: { width: CAMERA_WIDTH, height: CAMERA_HEIGHT, channels: 3, background: { r: 120, g: 118, b: 112 } } })
        .composite([{ input: face, left: (CAMERA_WIDTH - FACE_SIDE) / 2, top: (CAMERA_HEIGHT - FACE_SIDE) / 2 }])
        .jpeg({ quality: 85 })
        .toBuffer();
      return jpeg.toString('base64');
    })();
    frames.set(image, frame);
  }
  return frame;
}
