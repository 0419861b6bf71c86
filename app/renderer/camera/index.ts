export { startCameraController, type CameraController, type CameraStatus, type FaceTrack } from './cameraController.js';
export { createCameraPreview, type CameraPreview } from './cameraPreview.js';
export { captureFrame, bytesToBase64, frameJpegQuality } from './captureFrame.js';
export { observeFace, poseFromMatrix, poseFromLandmarks, isAttending, placementOf, guideOval, type FaceObservation, type Placement } from './faceGeometry.js';
export { loadFaceTracker, trackingProblems } from './faceTracker.js';
export { openCamera, cameraProblems } from './openCamera.js';
export { createPresenceDetector, defaultPresenceTiming, type PresenceEvent, type PresenceSample, type PresenceTiming } from './presenceDetector.js';
