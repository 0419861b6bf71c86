/**
 * The kiosk's client for the hall business system (人社业务系统): signed JSON over HTTP, a timeout on every
 * call, responses checked against the wire schemas, and every failure turned into a BackendError.
 */
import type { z } from 'zod';
import { BackendError } from './backendError.js';
import { IDEMPOTENCY_KEY_HEADER, backendPaths, fillPath } from './backendPaths.js';
import {
  applicationListSchema,
  backendErrorBodySchema,
  backendHealthSchema,
  cardApplicationsSchema,
  cardLossCancellationResultSchema,
  cardLossReportResultSchema,
  certificateDataSchema,
  citizenProfileSchema,
  contactChangeResultSchema,
  contributionBaseHistorySchema,
  contributionHistorySchema,
  contributionMonthsSchema,
  demoCitizenListSchema,
  employmentCertificateSchema,
  employmentRegistrationSchema,
  flexibleEmploymentRegistrationSchema,
  flexibleEmploymentStatusSchema,
  insuranceOverviewSchema,
  insuranceTransfersSchema,
  pensionAccountsSchema,
  pensionAuthReceiptSchema,
  pensionAuthStatusSchema,
  pensionEstimateInputsSchema,
  pensionPaymentHistorySchema,
  referencePhotoEnrolmentSchema,
  referencePhotoWireSchema,
  residentPensionSchema,
  retirementProfileSchema,
  skillCertificateSchema,
  socialSecurityCardSchema,
  unemploymentBenefitSchema,
  workInjuryBenefitsSchema,
  type ApplicationList,
  type BackendHealth,
  type CardApplications,
  type CardLossCancellationResult,
  type CardLossReportResult,
  type CertificateData,
  type CitizenProfile,
  type ContactChangeDetails,
  type ContactChangeResult,
  type ContributionBaseHistory,
  type ContributionHistory,
  type ContributionMonths,
  type DemoCitizen,
  type EmploymentCertificate,
  type EmploymentRegistration,
  type FlexibleEmploymentDetails,
  type FlexibleEmploymentRegistration,
  type FlexibleEmploymentStatus,
  type InsuranceOverview,
  type InsuranceTransfers,
  type PensionAccounts,
  type PensionAuthReceipt,
  type PensionAuthStatus,
  type PensionAuthSubmission,
  type PensionEstimateInputs,
  type PensionPaymentHistory,
  type ReferencePhoto,
  type ReferencePhotoEnrolment,
  type ResidentPension,
  type RetirementProfile,
  type SkillCertificate,
  type SocialSecurityCard,
  type UnemploymentBenefit,
  type WorkInjuryBenefits,
} from './backendTypes.js';
import { signRequest } from './requestSigning.js';
import {
  cardReplacementResultSchema,
  employmentCertificateIssuedSchema,
  type CardReplacementDetails,
  type CardReplacementResult,
  type EmploymentCertificateApplication,
  type EmploymentCertificateIssued,
} from './cardAndCertificateTypes.js';
import {
  unemploymentBenefitApplicationResultSchema,
  unemploymentBenefitEligibilitySchema,
  unemploymentRegistrationResultSchema,
  type UnemploymentBenefitApplicationDetails,
  type UnemploymentBenefitApplicationResult,
  type UnemploymentBenefitEligibility,
  type UnemploymentRegistrationDetails,
  type UnemploymentRegistrationResult,
} from './unemploymentTypes.js';
import {
  skillSubsidyApplicationResultSchema,
  skillSubsidyEligibilitySchema,
  type SkillSubsidyApplicationDetails,
  type SkillSubsidyApplicationResult,
  type SkillSubsidyEligibility,
} from './skillSubsidyTypes.js';

export interface BackendClientOptions {
  /** e.g. http://127.0.0.1:8731 or https://rs.example.gov.cn/kiosk-gateway */
  baseUrl: string;
  kioskId: string;
  /** Shared HMAC secret of this kiosk. */
  secret: string;
  /** Per call, covering connection, headers and body. */
  timeoutMs: number;
  /** Injected transport; the global fetch by default. */
  fetch?: typeof fetch;
  /** Clock for request timestamps (a simulated clock in tests). */
  now?: () => number;
}

export interface IdempotentWrite {
  /** Same key → the system does the write once and answers every retry with the first result. */
  idempotencyKey: string;
}

/** A reference photo to enrol: JPEG bytes (sent base64-encoded in the JSON body). */
export interface ReferencePhotoUpload {
  jpeg: Uint8Array;
}

export interface MonthRange {
  /** YYYY-MM, included. */
  from: string;
  /** YYYY-MM, included. */
  to: string;
}

export interface BackendClient {
  /** The ID number goes in the POST body, never in the URL. */
  lookupCitizen(idNumber: string): Promise<CitizenProfile>;
  getContributions(citizenId: string, range: MonthRange): Promise<ContributionHistory>;
  getContributionBase(citizenId: string): Promise<ContributionBaseHistory>;
  getPensionPayments(citizenId: string): Promise<PensionPaymentHistory>;
  getCard(citizenId: string): Promise<SocialSecurityCard>;
  reportCardLoss(citizenId: string, write: IdempotentWrite): Promise<CardLossReportResult>;
  /**
   * 社保卡解挂: a card in 挂失 or 临时挂失 works again. Refused (rejected) while a replacement is being made
   * (CARD_BEING_REPLACED), for a card that is not reported lost (CARD_NOT_LOST) or sealed (CARD_SEALED).
   */
  cancelCardLoss(citizenId: string, write: IdempotentWrite): Promise<CardLossCancellationResult>;
  /** 联系方式变更: the new mobile number. Refused for a number that is not a mobile (INVALID_PHONE) or the same one (PHONE_UNCHANGED). */
  changeContact(citizenId: string, change: ContactChangeDetails & IdempotentWrite): Promise<ContactChangeResult>;
  registerFlexibleEmployment(citizenId: string, registration: FlexibleEmploymentDetails & IdempotentWrite): Promise<FlexibleEmploymentRegistration>;
  /**
   * 补换社保卡: the card becomes 补卡中 and a card application appears in getCardApplications. Refused (rejected) for a card
   * already being replaced (CARD_REPLACEMENT_IN_PROGRESS) or sealed (CARD_SEALED), 挂失后补卡 for a card not reported lost
   * (CARD_NOT_REPORTED_LOST), 换卡 for a card reported lost (CARD_REPORTED_LOST), an unknown hall or an address without a door.
   */
  replaceCard(citizenId: string, replacement: CardReplacementDetails & IdempotentWrite): Promise<CardReplacementResult>;
  /**
   * 就业创业证申领: a number at once (电子证 valid now; 纸质证 collected at the street's office). Refused for someone holding
   * a valid one (ALREADY_HAS_CERTIFICATE), a pensioner (CERTIFICATE_NOT_FOR_PENSIONER), or 失业人员 while an employer
   * pays (UNEMPLOYED_BUT_EMPLOYED).
   */
  applyForEmploymentCertificate(citizenId: string, application: EmploymentCertificateApplication & IdempotentWrite): Promise<EmploymentCertificateIssued>;
  /**
   * 失业登记: the employment registration becomes 失业. Refused (rejected) while an employer still pays (STILL_EMPLOYED),
   * for a pensioner (NOT_ELIGIBLE_PENSIONER), when already registered (ALREADY_REGISTERED) or for a month that does not fit
   * the record (INVALID_SEPARATION_MONTH).
   */
  registerUnemployment(citizenId: string, registration: UnemploymentRegistrationDetails & IdempotentWrite): Promise<UnemploymentRegistrationResult>;
  /** 失业保险金: every condition checked against the record, each one not met with its reason (never an error for "no"). */
  getUnemploymentBenefitEligibility(citizenId: string): Promise<UnemploymentBenefitEligibility>;
  /** 失业保险金申领: checks everything again; a condition not met is rejected with its code (ALREADY_RECEIVING …). */
  applyForUnemploymentBenefit(citizenId: string, application: UnemploymentBenefitApplicationDetails & IdempotentWrite): Promise<UnemploymentBenefitApplicationResult>;
  /** 技能提升补贴: the insurance condition and each certificate on record with whether it can be applied for (never an error for "no"). */
  getSkillSubsidyEligibility(citizenId: string): Promise<SkillSubsidyEligibility>;
  /**
   * 技能提升补贴申领 for one certificate: the amount by level, paid to the social security card. Refused (rejected) for a
   * certificate not the citizen's (CERTIFICATE_NOT_FOUND), revoked (CERTIFICATE_REVOKED), issued more than 12 months ago
   * (CERTIFICATE_TOO_OLD), of a level without a subsidy (LEVEL_NOT_COVERED), under 12 months of 失业保险
   * (NOT_ENOUGH_INSURANCE), already subsidised (ALREADY_SUBSIDISED) or over 3 a year (SUBSIDY_LIMIT_REACHED).
   */
  applySkillSubsidy(citizenId: string, application: SkillSubsidyApplicationDetails & IdempotentWrite): Promise<SkillSubsidyApplicationResult>;
  getPensionAuthStatus(citizenId: string): Promise<PensionAuthStatus>;
  /**
   * Record a passed 养老认证 and restart the 12-month cycle from its day. Same key → recorded once, same answer;
   * a citizen who draws no pension is refused (rejected, NOT_PENSIONER).
   */
  submitPensionAuth(citizenId: string, submission: PensionAuthSubmission & IdempotentWrite): Promise<PensionAuthReceipt>;
  /**
   * The photo the citizen's face is compared with, exactly as stored (JPEG or PNG). A photo enrolled at a kiosk
   * wins over the one on file; with neither, not-found (REFERENCE_PHOTO_NOT_FOUND).
   */
  getReferencePhoto(citizenId: string): Promise<ReferencePhoto>;
  /** Simulator only (staff, demo): store a JPEG (at most 2 MiB) as the citizen's reference photo. */
  enrollReferencePhoto(citizenId: string, upload: ReferencePhotoUpload & IdempotentWrite): Promise<ReferencePhotoEnrolment>;
  getCertificateData(citizenId: string): Promise<CertificateData>;

  // Personal queries (聊天查). Each answers "no record" with an empty list or null, never an error; an unknown
  // citizen id is not-found (CITIZEN_NOT_FOUND).
  /** 个人参保信息: each insurance (养老 … 生育, 城乡居民养老) with its status and current payer, and the employment periods. */
  getInsuranceOverview(citizenId: string): Promise<InsuranceOverview>;
  /** 累计缴费月数 per insurance: paid, deemed (视同缴费, 养老), total, first and last month, and the gaps (断缴). */
  getContributionMonths(citizenId: string): Promise<ContributionMonths>;
  /** 养老个人账户: balance, as-of day, this year's credits (interest booked at year end) and every closed year. */
  getPensionAccounts(citizenId: string): Promise<PensionAccounts>;
  /** 失业保险金: the claims with their payments and the months remaining. */
  getUnemploymentBenefit(citizenId: string): Promise<UnemploymentBenefit>;
  /** 工伤保险待遇: the cases with their stage, disability grade and what was paid (kind, amount, period). */
  getWorkInjuryBenefits(citizenId: string): Promise<WorkInjuryBenefits>;
  /** 城乡居民养老保险: grade and subsidies of each year paid, the years missed, the account balance. */
  getResidentPension(citizenId: string): Promise<ResidentPension>;
  /** 灵活就业: the registration, the level (档次) and amounts by year, and unpaid months since it started. */
  getFlexibleEmployment(citizenId: string): Promise<FlexibleEmploymentStatus>;
  /** 制卡进度: card applications with their stages, where to collect the card or how it was mailed. */
  getCardApplications(citizenId: string): Promise<CardApplications>;
  /** 关系转移接续进度: transfers in and out with their stages. */
  getTransfers(citizenId: string): Promise<InsuranceTransfers>;
  /** 就业失业登记 status and history. */
  getEmploymentRegistration(citizenId: string): Promise<EmploymentRegistration>;
  /** 就业创业证 (null when none was issued). */
  getEmploymentCertificate(citizenId: string): Promise<EmploymentCertificate>;
  /** 业务办理进度: the citizen's applications (at this kiosk or elsewhere) with their state, newest first. */
  getApplications(citizenId: string): Promise<ApplicationList>;
  /** 退休年龄测算 inputs: birth date, sex, category (original retirement age), contribution months. */
  getRetirementProfile(citizenId: string): Promise<RetirementProfile>;
  /** 养老金测算 inputs: average contribution index by year, account balance, months, the local average wage. */
  getPensionEstimateInputs(citizenId: string): Promise<PensionEstimateInputs>;
  /**
   * 职业技能等级证书 by its number: a public lookup that needs no citizen (the number goes in the POST body).
   * Unknown number → not-found (CERTIFICATE_NOT_FOUND); malformed → rejected (INVALID_CERTIFICATE_NUMBER).
   */
  lookupSkillCertificate(certificateNumber: string): Promise<SkillCertificate>;

  /** Simulator only: the fictional demo citizens, for `kiosk citizens`. */
  listDemoCitizens(): Promise<DemoCitizen[]>;
  health(): Promise<BackendHealth>;
}

interface CallSpec {
  method: 'GET' | 'POST';
  /** The path pattern, used in error messages so logs group by endpoint and carry no identifiers. */
  pattern: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  idempotencyKey?: string;
}

const IDEMPOTENCY_KEY_SHAPE = /^[A-Za-z0-9._:-]{8,128}$/;

function requireIdempotencyKey(key: string): string {
  if (!IDEMPOTENCY_KEY_SHAPE.test(key)) throw new TypeError('idempotencyKey must be 8–128 characters of A-Z a-z 0-9 . _ : -');
  return key;
}

function transportError(error: unknown, endpoint: string, timeoutMs: number): BackendError {
  const name = error instanceof Error ? error.name : '';
  // AbortSignal.timeout rejects with a TimeoutError; no other abort source exists in this client.
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new BackendError({ kind: 'timeout', status: null, code: 'TIMEOUT', message: `${endpoint}: no answer within ${timeoutMs} ms`, cause: error });
  }
  const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return new BackendError({ kind: 'unreachable', status: null, code: 'UNREACHABLE', message: `${endpoint}: ${reason}`, cause: error });
}

function errorFromStatus(status: number, text: string, endpoint: string): BackendError {
  let code = `HTTP_${status}`;
  let serverMessage = '';
  try {
    const parsed = backendErrorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) ({ code, message: serverMessage } = parsed.data);
  } catch {
    // A proxy's HTML error page: the status alone decides.
  }
  const message = `${endpoint}: HTTP ${status} ${code}${serverMessage ? ` (${serverMessage})` : ''}`;
  if (status === 404) return new BackendError({ kind: 'not-found', status, code, message });
  if (status >= 500) return new BackendError({ kind: 'server', status, code, message });
  if (status >= 400) return new BackendError({ kind: 'rejected', status, code, message });
  return new BackendError({ kind: 'invalid-response', status, code: 'INVALID_RESPONSE', message });
}

export function createBackendClient(options: BackendClientOptions): BackendClient {
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const credentials = { kioskId: options.kioskId, secret: options.secret };

  async function call<S extends z.ZodType>(spec: CallSpec, schema: S): Promise<z.infer<S>> {
    const endpoint = `${spec.method} ${spec.pattern}`;
    const url = new URL(baseUrl + fillPath(spec.pattern, spec.params ?? {}));
    for (const [name, value] of Object.entries(spec.query ?? {})) url.searchParams.set(name, value);
    const body = spec.body === undefined ? '' : JSON.stringify(spec.body);

    const headers: Record<string, string> = {
      accept: 'application/json',
      // Sign exactly what goes on the wire: the path (with any base prefix) and the query string.
      ...signRequest({ method: spec.method, path: url.pathname + url.search, body }, credentials, { now: now() }),
    };
    if (spec.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    if (spec.idempotencyKey !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = spec.idempotencyKey;

    let status: number;
    let text: string;
    try {
      const response = await fetchImpl(url, {
        method: spec.method,
        headers,
        body: spec.method === 'GET' ? undefined : body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw transportError(error, endpoint, options.timeoutMs);
    }

    if (status < 200 || status > 299) throw errorFromStatus(status, text, endpoint);

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new BackendError({ kind: 'invalid-response', status, code: 'INVALID_RESPONSE', message: `${endpoint}: response is not JSON`, cause: error });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      // Field paths and rule messages only: the received values may be personal data.
      const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
      throw new BackendError({ kind: 'invalid-response', status, code: 'INVALID_RESPONSE', message: `${endpoint}: ${problems.join('; ')}` });
    }
    return parsed.data;
  }

  return {
    lookupCitizen: (idNumber) =>
      call({ method: 'POST', pattern: backendPaths.lookupCitizen, body: { idNumber } }, citizenProfileSchema),
    getContributions: (citizenId, range) =>
      call({ method: 'GET', pattern: backendPaths.contributions, params: { citizenId }, query: { from: range.from, to: range.to } }, contributionHistorySchema),
    getContributionBase: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.contributionBase, params: { citizenId } }, contributionBaseHistorySchema),
    getPensionPayments: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.pensionPayments, params: { citizenId } }, pensionPaymentHistorySchema),
    getCard: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.card, params: { citizenId } }, socialSecurityCardSchema),
    reportCardLoss: async (citizenId, write) =>
      call({ method: 'POST', pattern: backendPaths.cardLossReport, params: { citizenId }, body: {}, idempotencyKey: requireIdempotencyKey(write.idempotencyKey) }, cardLossReportResultSchema),
    cancelCardLoss: async (citizenId, write) =>
      call({ method: 'POST', pattern: backendPaths.cardLossCancellation, params: { citizenId }, body: {}, idempotencyKey: requireIdempotencyKey(write.idempotencyKey) }, cardLossCancellationResultSchema),
    changeContact: async (citizenId, { idempotencyKey, ...change }) =>
      call({ method: 'POST', pattern: backendPaths.contactChange, params: { citizenId }, body: change, idempotencyKey: requireIdempotencyKey(idempotencyKey) }, contactChangeResultSchema),
    registerFlexibleEmployment: async (citizenId, { idempotencyKey, ...details }) =>
      call({ method: 'POST', pattern: backendPaths.flexibleEmployment, params: { citizenId }, body: details, idempotencyKey: requireIdempotencyKey(idempotencyKey) }, flexibleEmploymentRegistrationSchema),
    replaceCard: async (citizenId, { idempotencyKey, ...details }) =>
      call({ method: 'POST', pattern: backendPaths.cardReplacement, params: { citizenId }, body: details, idempotencyKey: requireIdempotencyKey(idempotencyKey) }, cardReplacementResultSchema),
    applyForEmploymentCertificate: async (citizenId, { idempotencyKey, ...application }) =>
      call({ method: 'POST', pattern: backendPaths.employmentCertificateApplication, params: { citizenId }, body: application, idempotencyKey: requireIdempotencyKey(idempotencyKey) }, employmentCertificateIssuedSchema),
    registerUnemployment: async (citizenId, { idempotencyKey, ...details }) =>
      call({ method: 'POST', pattern: backendPaths.unemploymentRegistration, params: { citizenId }, body: details, idempotencyKey: requireIdempotencyKey(idempotencyKey) }, unemploymentRegistrationResultSchema),
    getUnemploymentBenefitEligibility: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.unemploymentBenefitEligibility, params: { citizenId } }, unemploymentBenefitEligibilitySchema),
    applyForUnemploymentBenefit: async (citizenId, { idempotencyKey, ...details }) =>
      call({ method: 'POST', pattern: backendPaths.unemploymentBenefitApplications, params: { citizenId }, body: details, idempotencyKey: requireIdempotencyKey(idempotencyKey) }, unemploymentBenefitApplicationResultSchema),
    getSkillSubsidyEligibility: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.skillSubsidyEligibility, params: { citizenId } }, skillSubsidyEligibilitySchema),
    applySkillSubsidy: async (citizenId, { idempotencyKey, ...application }) =>
      call({ method: 'POST', pattern: backendPaths.skillSubsidyApplications, params: { citizenId }, body: application, idempotencyKey: requireIdempotencyKey(idempotencyKey) }, skillSubsidyApplicationResultSchema),
    getPensionAuthStatus: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.pensionAuth, params: { citizenId } }, pensionAuthStatusSchema),
    submitPensionAuth: async (citizenId, { idempotencyKey, ...submission }) =>
      call({ method: 'POST', pattern: backendPaths.pensionAuthSubmissions, params: { citizenId }, body: submission, idempotencyKey: requireIdempotencyKey(idempotencyKey) }, pensionAuthReceiptSchema),
    getReferencePhoto: async (citizenId) => {
      const { imageBase64, ...photo } = await call({ method: 'GET', pattern: backendPaths.referencePhoto, params: { citizenId } }, referencePhotoWireSchema);
      // A copy, so callers get a plain Uint8Array that does not share Node's Buffer pool.
      return { ...photo, bytes: new Uint8Array(Buffer.from(imageBase64, 'base64')) };
    },
    enrollReferencePhoto: async (citizenId, { jpeg, idempotencyKey }) => {
      const key = requireIdempotencyKey(idempotencyKey);
      const jpegBase64 = Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength).toString('base64');
      return call({ method: 'POST', pattern: backendPaths.demoReferencePhotoEnrolment, params: { citizenId }, body: { jpegBase64 }, idempotencyKey: key }, referencePhotoEnrolmentSchema);
    },
    getCertificateData: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.certificateData, params: { citizenId } }, certificateDataSchema),
    getInsuranceOverview: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.insuranceOverview, params: { citizenId } }, insuranceOverviewSchema),
    getContributionMonths: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.contributionMonths, params: { citizenId } }, contributionMonthsSchema),
    getPensionAccounts: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.pensionAccounts, params: { citizenId } }, pensionAccountsSchema),
    getUnemploymentBenefit: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.unemploymentBenefit, params: { citizenId } }, unemploymentBenefitSchema),
    getWorkInjuryBenefits: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.workInjury, params: { citizenId } }, workInjuryBenefitsSchema),
    getResidentPension: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.residentPension, params: { citizenId } }, residentPensionSchema),
    getFlexibleEmployment: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.flexibleEmployment, params: { citizenId } }, flexibleEmploymentStatusSchema),
    getCardApplications: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.cardApplications, params: { citizenId } }, cardApplicationsSchema),
    getTransfers: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.transfers, params: { citizenId } }, insuranceTransfersSchema),
    getEmploymentRegistration: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.employmentRegistration, params: { citizenId } }, employmentRegistrationSchema),
    getEmploymentCertificate: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.employmentCertificate, params: { citizenId } }, employmentCertificateSchema),
    getApplications: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.applications, params: { citizenId } }, applicationListSchema),
    getRetirementProfile: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.retirementProfile, params: { citizenId } }, retirementProfileSchema),
    getPensionEstimateInputs: (citizenId) =>
      call({ method: 'GET', pattern: backendPaths.pensionEstimateInputs, params: { citizenId } }, pensionEstimateInputsSchema),
    lookupSkillCertificate: (certificateNumber) =>
      call({ method: 'POST', pattern: backendPaths.skillCertificateLookup, body: { certificateNumber } }, skillCertificateSchema),
    listDemoCitizens: async () =>
      (await call({ method: 'GET', pattern: backendPaths.demoCitizens }, demoCitizenListSchema)).citizens,
    health: () => call({ method: 'GET', pattern: backendPaths.health }, backendHealthSchema),
  };
}
