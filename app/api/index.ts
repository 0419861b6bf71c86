// The KioskApi contract: views, inputs and their schemas, the one parser of what the screen sends, IPC channel names.
export type {
  AnswerSource,
  AnswerView,
  FaceAuthView,
  KioskApi,
  KioskPhase,
  KioskView,
  LivenessChallengeKind,
  ServerMessage,
  ServiceTile,
  StaffPrintJobView,
  StaffView,
  Subtitle,
} from './kioskApi.js';
export { cameraFrameSchema, type CameraFrame } from './cameraFrameSchema.js';
export { cameraInputSchema, cameraLostReasonSchema, type CameraInput, type CameraLostReason } from './cameraInputSchema.js';
export { citizenIdSchema } from './citizenIdSchema.js';
export { citizenInputSchema, type CitizenInput } from './citizenInputSchema.js';
export { clientMessageSchema, parseClientMessage, type ClientMessage, type ParsedClientMessage } from './clientMessage.js';
export { faceAuthInputSchema, type FaceAuthInput } from './faceAuthInputSchema.js';
export { maxFrameBase64Length, maxFrameMessageBytes, maxFrameSide, maxQuestionLength, maxTextMessageBytes } from './inputLimits.js';
export { kioskInputSchema, frameInputTypes, type KioskInput } from './kioskInputSchema.js';
export { kioskIpcChannels } from './kioskIpcChannels.js';
export { parseKioskInput, type InputRefusal, type ParsedKioskInput } from './parseKioskInput.js';
export { presenceInputSchema, type PresenceInput } from './presenceInputSchema.js';
export { refusalMessages } from './refusalMessages.js';
export { serviceIdSchema, type ServiceId } from './serviceIdSchema.js';
export { staffInputSchema, type StaffInput } from './staffInputSchema.js';
