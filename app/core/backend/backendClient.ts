/**
 * The kiosk's client for the hall business system (人社业务系统): signed JSON over HTTP, a timeout on every
 * call, responses checked against the wire schemas, and every failure turned into a BackendError.
 */
import type { z } from 'zod';
import { BackendError } from './backendError.js';
import { IDEMPOTENCY_KEY_HEADER, backendPaths, fillPath } from './backendPaths.js';
import {
  backendErrorBodySchema,
  backendHealthSchema,
  cardLossReportResultSchema,
  certificateDataSchema,
  citizenProfileSchema,
  contributionBaseHistorySchema,
  contributionHistorySchema,
  demoCitizenListSchema,
  flexibleEmploymentRegistrationSchema,
  pensionAuthReceiptSchema,
  pensionAuthStatusSchema,
  pensionPaymentHistorySchema,
  referencePhotoEnrolmentSchema,
  referencePhotoWireSchema,
  socialSecurityCardSchema,
  type BackendHealth,
  type CardLossReportResult,
  type CertificateData,
  type CitizenProfile,
  type ContributionBaseHistory,
  type ContributionHistory,
  type DemoCitizen,
  type FlexibleEmploymentDetails,
  type FlexibleEmploymentRegistration,
  type PensionAuthReceipt,
  type PensionAuthStatus,
  type PensionAuthSubmission,
  type PensionPaymentHistory,
  type ReferencePhoto,
  type ReferencePhotoEnrolment,
  type SocialSecurityCard,
} from './backendTypes.js';
import { signRequest } from './requestSigning.js';

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
  registerFlexibleEmployment(citizenId: string, registration: FlexibleEmploymentDetails & IdempotentWrite): Promise<FlexibleEmploymentRegistration>;
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
    registerFlexibleEmployment: async (citizenId, { idempotencyKey, ...details }) =>
      call({ method: 'POST', pattern: backendPaths.flexibleEmployment, params: { citizenId }, body: details, idempotencyKey: requireIdempotencyKey(idempotencyKey) }, flexibleEmploymentRegistrationSchema),
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
    listDemoCitizens: async () =>
      (await call({ method: 'GET', pattern: backendPaths.demoCitizens }, demoCitizenListSchema)).citizens,
    health: () => call({ method: 'GET', pattern: backendPaths.health }, backendHealthSchema),
  };
}
