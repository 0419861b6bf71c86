import { open } from 'node:fs/promises';
import sharp from 'sharp';

/**
 * Videos for Chromium's fake camera (`--use-file-for-fake-video-capture=<file.y4m>`): YUV4MPEG2, 4:2:0,
 * which Chromium plays in a loop. Test pictures (the shared face photos) are scaled and padded to the
 * camera's 640×480 with sharp.
 */
export const fakeCameraWidth = 640;
export const fakeCameraHeight = 480;

export interface VideoSegment {
  /** An image file (any format sharp reads), or null for an empty scene (nobody in front of the camera). */
  image: string | null;
  /** How long the picture stays, in seconds. */
  seconds: number;
  /** The face's width in the 640×480 picture (the photo is scaled to this side). Default 300. */
  faceSide?: number;
  /** Horizontal offset of the photo's centre from the picture's centre, in pixels. */
  offsetX?: number;
}

/** One 4:2:0 frame: the Y plane at full size, U and V at half size in each direction. */
export interface I420Frame {
  width: number;
  height: number;
  y: Uint8Array;
  u: Uint8Array;
  v: Uint8Array;
}

/** RGB (3 bytes a pixel) to I420 with BT.601 full-range ("C420jpeg") coefficients; chroma averaged over 2×2 blocks. */
export function rgbToI420(rgb: Uint8Array, width: number, height: number): I420Frame {
  if (width % 2 !== 0 || height % 2 !== 0) throw new Error('4:2:0 needs even sides');
  if (rgb.length !== width * height * 3) throw new Error(`expected ${width * height * 3} RGB bytes, got ${rgb.length}`);
  const y = new Uint8Array(width * height);
  const u = new Uint8Array((width / 2) * (height / 2));
  const v = new Uint8Array((width / 2) * (height / 2));
  const clamp = (value: number): number => Math.max(0, Math.min(255, Math.round(value)));
  for (let i = 0; i < width * height; i += 1) {
    const r = rgb[i * 3] ?? 0;
    const g = rgb[i * 3 + 1] ?? 0;
    const b = rgb[i * 3 + 2] ?? 0;
    y[i] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
  }
  for (let row = 0; row < height / 2; row += 1) {
    for (let col = 0; col < width / 2; col += 1) {
      let sumU = 0;
      let sumV = 0;
      for (const [dy, dx] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) {
        const p = ((row * 2 + dy) * width + col * 2 + dx) * 3;
        const r = rgb[p] ?? 0;
        const g = rgb[p + 1] ?? 0;
        const b = rgb[p + 2] ?? 0;
        sumU += -0.168736 * r - 0.331264 * g + 0.5 * b + 128;
        sumV += 0.5 * r - 0.418688 * g - 0.081312 * b + 128;
      }
      u[row * (width / 2) + col] = clamp(sumU / 4);
      v[row * (width / 2) + col] = clamp(sumV / 4);
    }
  }
  return { width, height, y, u, v };
}

/** The YUV4MPEG2 stream header. */
export function y4mHeader(width: number, height: number, fps: number): string {
  return `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`;
}

/** Writes the frames as a Y4M file; `repeat[i]` says how many times frame i is written (its duration in frames). */
export async function writeY4m(file: string, fps: number, frames: readonly I420Frame[], repeat: readonly number[]): Promise<void> {
  const first = frames[0];
  if (!first) throw new Error('a video needs at least one frame');
  const handle = await open(file, 'w');
  try {
    await handle.write(y4mHeader(first.width, first.height, fps));
    const marker = Buffer.from('FRAME\n', 'ascii');
    for (const [i, frame] of frames.entries()) {
      if (frame.width !== first.width || frame.height !== first.height) throw new Error('all frames must have the same size');
      const bytes = Buffer.concat([marker, frame.y, frame.u, frame.v]);
      for (let n = 0; n < (repeat[i] ?? 1); n += 1) await handle.write(bytes);
    }
  } finally {
    await handle.close();
  }
}

/** One 640×480 RGB picture: the photo scaled to `faceSide` and placed on a plain grey-blue wall. */
export async function sceneRgb(segment: VideoSegment): Promise<Uint8Array> {
  const background = { r: 120, g: 128, b: 140 };
  const wall = sharp({ create: { width: fakeCameraWidth, height: fakeCameraHeight, channels: 3, background } });
  if (!segment.image) return new Uint8Array(await wall.raw().toBuffer());
  const side = Math.min(segment.faceSide ?? 300, fakeCameraHeight);
  const photo = await sharp(segment.image).removeAlpha().toColourspace('srgb').resize(side, side, { fit: 'contain', background }).toBuffer();
  const left = Math.round((fakeCameraWidth - side) / 2 + (segment.offsetX ?? 0));
  const top = Math.round((fakeCameraHeight - side) / 2);
  const composed = await wall.composite([{ input: photo, left: Math.max(0, Math.min(fakeCameraWidth - side, left)), top }]).removeAlpha().raw().toBuffer();
  return new Uint8Array(composed);
}

/** Builds a looping fake-camera video from picture segments (each held for its seconds). */
export async function writeFaceVideo(file: string, segments: readonly VideoSegment[], fps = 10): Promise<void> {
  const frames: I420Frame[] = [];
  const repeat: number[] = [];
  for (const segment of segments) {
    frames.push(rgbToI420(await sceneRgb(segment), fakeCameraWidth, fakeCameraHeight));
    repeat.push(Math.max(1, Math.round(segment.seconds * fps)));
  }
  await writeY4m(file, fps, frames, repeat);
}
