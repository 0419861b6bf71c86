// 养老认证: the child machine of the session, its service (actors and actions at its edges) and its screen view.
export { createPensionAuthService, type PensionAuthService, type PensionAuthServiceOptions } from './pensionAuthService.js';
export {
  drawChallenges,
  pensionAuthMachine,
  pensionAuthRecordOf,
  type PensionAuthContext,
  type PensionAuthInput,
  type PensionAuthMachine,
  type PensionAuthRecord,
  type PensionAuthSnapshot,
  type PensionAuthTiming,
} from './pensionAuthMachine.js';
export type {
  AuthListenProfile,
  FrameAnalyzedEvent,
  PensionAuthEvent,
  PensionAuthOutput,
  PensionAuthParentEvent,
  RobotSayEvent,
} from './pensionAuthEvents.js';
export { faceAuthView } from './faceAuthView.js';
export { faceAuthLines, formatDate } from './faceAuthLines.js';
export type { AuthOutcome, AuthStaffReason, CitizenForAuth, SubmissionOutcome } from './faceAuthTypes.js';
export type { FaceSessionAnalyzer } from './faceSessionAnalyzer.js';
export { createVisionFaceAnalyzer, type VisionFaceAnalyzerOptions } from './visionFaceAnalyzer.js';
export { PensionAuthAudit, type AuditRecord } from './pensionAuthAudit.js';
export { PensionAuthOutbox, type OutboxEntry } from './pensionAuthOutbox.js';
export { deliverPensionAuthResults } from './deliverPensionAuthResults.js';
