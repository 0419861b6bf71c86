export { startWebKiosk, type WebKiosk, type WebKioskOptions } from './webKioskServer.js';
export {
  parseCitizenInput,
  parseStaffInput,
  parsePresenceInput,
  parseFaceAuthInput,
  parseCameraFrame,
  parseKioskInput,
  parseClientMessage,
  maxQuestionLength,
  maxFrameBase64Length,
  maxFrameSide,
  maxFrameMessageBytes,
  maxTextMessageBytes,
  type Parsed,
} from './parseClientMessage.js';
export { findFaceLandmarkerModel, faceLandmarkerFileInModelDir, faceLandmarkerRoute, mediaPipeWasmRoute, modelAvailabilityRoute } from './faceTrackingAssets.js';
