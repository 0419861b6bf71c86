import { existsSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { lookUpStaticFile, type StaticLookup } from './staticFiles.js';

/**
 * The files the screen's face tracking needs, served beside the renderer:
 * - `/vendor/mediapipe/wasm/<file>`: the @mediapipe/tasks-vision wasm runtime, straight from node_modules;
 * - `/models/face_landmarker.task`: the Face Landmarker bundle from the configured model folders (never from
 *   the repo: it is a model file, found where the kiosk's models live), or 404 when there is none, in which case
 *   the screen runs without presence detection.
 */
export const mediaPipeWasmRoute = '/vendor/mediapipe/wasm/';
export const faceLandmarkerRoute = '/models/face_landmarker.task';
/**
 * `{"faceLandmarker": true|false}`, always 200: the screen asks here first, so a kiosk without the model does
 * not log a failed request in the browser console on every start.
 */
export const modelAvailabilityRoute = '/models/available.json';

/** Where the face landmarker bundle sits inside a model folder (as in shared/models). */
export const faceLandmarkerFileInModelDir = path.join('mediapipe', 'face_landmarker.task');

let wasmDirCache: string | null | undefined;

/** node_modules/@mediapipe/tasks-vision/wasm, found through the package's own exports; null when not installed. */
export function mediaPipeWasmDir(): string | null {
  if (wasmDirCache !== undefined) return wasmDirCache;
  try {
    const require = createRequire(import.meta.url);
    wasmDirCache = path.dirname(require.resolve('@mediapipe/tasks-vision/vision_wasm_internal.wasm'));
  } catch {
    wasmDirCache = null;
  }
  return wasmDirCache;
}

/** The first `<dir>/mediapipe/face_landmarker.task` that exists among the model folders (absolute paths), or null. */
export function findFaceLandmarkerModel(modelDirs: readonly string[]): string | null {
  for (const dir of modelDirs) {
    const file = path.resolve(dir, faceLandmarkerFileInModelDir);
    try {
      if (existsSync(file) && statSync(file).isFile()) return file;
    } catch {
      // Unreadable: try the next folder.
    }
  }
  return null;
}

/**
 * Looks a request up among the face tracking assets. Resolves to null when the path is not one of their routes
 * (the renderer folder answers it), otherwise to the file or the refusal.
 */
export type FaceTrackingAsset = StaticLookup | { status: 200; body: string; contentType: string };

export async function lookUpFaceTrackingAsset(requestUrl: string, faceLandmarkerModelPath: string | null | undefined): Promise<FaceTrackingAsset | null> {
  const pathname = new URL(requestUrl, 'http://kiosk.invalid').pathname;
  if (pathname.startsWith(mediaPipeWasmRoute)) {
    const wasmDir = mediaPipeWasmDir();
    if (!wasmDir) return { status: 404, reason: '@mediapipe/tasks-vision is not installed' };
    const name = pathname.slice(mediaPipeWasmRoute.length);
    // The runtime is a handful of flat files: vision_wasm_internal.js/.wasm and their variants.
    if (!/^[a-z0-9_]+\.(js|wasm)$/.test(name)) return { status: 404, reason: 'not a tasks-vision wasm file' };
    return lookUpStaticFile(wasmDir, `/${name}`);
  }
  if (pathname === modelAvailabilityRoute) {
    const available = faceLandmarkerModelPath ? await isFile(faceLandmarkerModelPath) : false;
    return { status: 200, body: JSON.stringify({ faceLandmarker: available }), contentType: 'application/json; charset=utf-8' };
  }
  if (pathname === faceLandmarkerRoute) {
    if (!faceLandmarkerModelPath) return { status: 404, reason: 'no face landmarker model configured' };
    try {
      const info = await stat(faceLandmarkerModelPath);
      if (!info.isFile()) return { status: 404, reason: 'face landmarker model is not a file' };
      return { status: 200, file: faceLandmarkerModelPath, contentType: 'application/octet-stream', size: info.size };
    } catch {
      return { status: 404, reason: 'face landmarker model missing' };
    }
  }
  if (pathname.startsWith('/vendor/') || pathname.startsWith('/models/')) return { status: 404, reason: 'no such asset' };
  return null;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
