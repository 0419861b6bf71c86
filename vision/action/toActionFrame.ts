import type { FrameAnalysis } from '../analysis/frameAnalysis.js';
import type { ActionFrame } from './actionFrame.js';

/** The action-liveness view of one analysed frame captured at `at` ms. */
export function toActionFrame(analysis: FrameAnalysis, at: number): ActionFrame {
  const face = analysis.face;
  return {
    at,
    faces: analysis.faceCount,
    yaw: face?.pose.yaw ?? null,
    pitch: face?.pose.pitch ?? null,
    eyeOpenness: face?.eyeOpenness ?? null,
    eyesOpenProbability: face?.eyes?.open ?? null,
    mouthOpenness: face?.mouthOpenness ?? null,
  };
}
