// The hall business system (人社业务系统): wire types, request signing, the kiosk's client, and the simulator.
export {
  MAX_REFERENCE_PHOTO_BYTES,
  RESIDENT_PENSION,
  type ApplicationList,
  type CardApplications,
  type CardStatus,
  type ContributionMonths,
  type DemoCitizen,
  type DemoTag,
  type EmploymentCertificate,
  type EmploymentRegistration,
  type FlexibleEmploymentDetails,
  type FlexibleEmploymentStatus,
  type InsuranceKind,
  type InsuranceOverview,
  type InsuranceTransfers,
  type PensionAccount,
  type PensionAccounts,
  type PensionAuthSubmission,
  type PensionEstimateInputs,
  type ResidentPension,
  type RetirementCategory,
  type RetirementProfile,
  type SkillCertificate,
  type UnemploymentBenefit,
  type WorkInjuryBenefits,
} from './backendTypes.js';
export { DEMO_UNREGISTERED_ID_NUMBER } from './simulator/demoCitizens.js';
export { BackendError } from './backendError.js';
export { IDEMPOTENCY_KEY_HEADER } from './backendPaths.js';
export { createBackendClient, type BackendClient, type BackendClientOptions } from './backendClient.js';
export {
  canonicalRequestString,
  createRequestVerifier,
  SIGNATURE_HEADERS,
  signRequest,
  type ReceivedRequest,
} from './requestSigning.js';
export { RecentNonces } from './recentNonces.js';
export { birthDateFromIdNumber, genderFromIdNumber, idNumberCheckCharacter, isValidIdNumber } from './idNumber.js';
export { nextPensionAuthDueDate, pensionAuthStanding } from './pensionAuthCycle.js';
export { addMonthsToDate, monthsInRange } from './calendar.js';
export { createBackendSimulator, type BackendSimulator, type BackendSimulatorOptions } from './simulator/index.js';
