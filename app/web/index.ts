export { startWebKiosk, type WebKiosk, type WebKioskOptions } from './webKioskServer.js';
export { findFaceLandmarkerModel, faceLandmarkerFileInModelDir, faceLandmarkerRoute, mediaPipeWasmRoute, modelAvailabilityRoute } from './faceTrackingAssets.js';
