import { FaceLandmarker, FilesetResolver } from '@mediapipe/tasks-vision';
import { observeFace, type FaceObservation } from './faceGeometry.js';

/** Served by the web kiosk from node_modules/@mediapipe/tasks-vision/wasm. */
export const mediaPipeWasmPath = 'vendor/mediapipe/wasm';
/** Served by the web kiosk from the configured model folders; 404 when there is none. */
export const faceLandmarkerModelPath = 'models/face_landmarker.task';
/** `{"faceLandmarker": boolean}`: asked first, so a kiosk without the model logs no failed request. */
export const modelAvailabilityPath = 'models/available.json';

export interface FaceTracking {
  /** The face (the largest, when several) in the current video frame; `faces` counts them. */
  detect(video: HTMLVideoElement, at: number): { face: FaceObservation | null; faces: number };
  close(): void;
}

export type LoadedTracker = { ok: true; tracker: FaceTracking } | { ok: false; problem: string; reason: string };

export const trackingProblems = {
  noModel: '没有找到人脸检测模型，走近时不会自动问候，请点屏幕开始。',
  failed: '人脸检测没能启动，走近时不会自动问候，请点屏幕开始。',
} as const;

/**
 * Loads MediaPipe Face Landmarker (VIDEO mode, CPU) from this server. Without the model the kiosk runs
 * without presence detection and says so; nothing is fetched from anywhere else.
 */
export async function loadFaceTracker(): Promise<LoadedTracker> {
  // The Electron window loads the page from file://, where no server provides the model.
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return { ok: false, problem: trackingProblems.noModel, reason: `no model server for ${location.protocol} pages` };
  const modelUrl = new URL(faceLandmarkerModelPath, location.href).href;
  try {
    const answer = await fetch(new URL(modelAvailabilityPath, location.href).href, { cache: 'no-store' });
    const availability: unknown = answer.ok ? await answer.json() : null;
    if (typeof availability !== 'object' || availability === null || (availability as { faceLandmarker?: unknown }).faceLandmarker !== true) {
      return { ok: false, problem: trackingProblems.noModel, reason: `the server has no face landmarker model (${answer.status})` };
    }
  } catch (error) {
    return { ok: false, problem: trackingProblems.noModel, reason: `model availability not reachable: ${String(error)}` };
  }
  try {
    const fileset = await FilesetResolver.forVisionTasks(new URL(mediaPipeWasmPath, location.href).href);
    const landmarker = await FaceLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetPath: modelUrl, delegate: 'CPU' },
      runningMode: 'VIDEO',
      numFaces: 2,
      outputFaceBlendshapes: true,
      outputFacialTransformationMatrixes: true,
    });
    return {
      ok: true,
      tracker: {
        detect(video, at) {
          const result = landmarker.detectForVideo(video, at);
          const faces = result.faceLandmarks
            .map((landmarks, i) => observeFace(landmarks, result.facialTransformationMatrixes[i] ?? null, result.faceBlendshapes[i]?.categories ?? null))
            .filter((face): face is FaceObservation => face !== null);
          const largest = faces.reduce<FaceObservation | null>((best, face) => (best === null || face.size > best.size ? face : best), null);
          return { face: largest, faces: faces.length };
        },
        close: () => landmarker.close(),
      },
    };
  } catch (error) {
    return { ok: false, problem: trackingProblems.failed, reason: error instanceof Error ? error.message : String(error) };
  }
}
