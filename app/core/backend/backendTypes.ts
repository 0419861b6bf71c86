/**
 * Everything that crosses the wire between the kiosk and the hall business system (人社业务系统).
 * The client validates every response against these schemas; the simulator validates every request.
 * Money is in yuan with at most two decimals; months are YYYY-MM; dates are YYYY-MM-DD in China time.
 */
import { z } from 'zod';
import { isValidIdNumber } from './idNumber.js';

export const yearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must look like 2024-05');
export const calendarDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'date must look like 2024-05-31');
export const dateTimeSchema = z.iso.datetime({ offset: true });
/** Yuan, never negative, at most two decimals (the system keeps fen). */
export const yuanSchema = z.number().nonnegative().refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, 'at most two decimals');

/** The business system's own key for a citizen: opaque, safe in a URL, not personal data by itself. */
export const citizenIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** 18-character resident ID number with a valid GB 11643 check character. */
export const idNumberSchema = z.string().regex(/^\d{17}[\dX]$/, 'ID number is 17 digits and a digit or X').refine((value) => isValidIdNumber(value), 'ID number check character is wrong');

export const insuranceTypeSchema = z.enum(['养老', '医疗', '失业', '工伤', '生育']);
export type InsuranceType = z.infer<typeof insuranceTypeSchema>;
export const insuranceTypes: readonly InsuranceType[] = insuranceTypeSchema.options;

export const enrolmentStatusSchema = z.enum(['参保缴费', '暂停缴费', '终止']);

/** Contributions paid by the citizen alone, with no employer, carry this in place of an employer name. */
export const FLEXIBLE_EMPLOYMENT_PAYER = '灵活就业';

export const citizenProfileSchema = z.object({
  id: citizenIdSchema,
  name: z.string().min(1),
  idNumber: idNumberSchema,
  gender: z.enum(['男', '女']),
  birthDate: calendarDateSchema,
  /** "138****5678": the full number never leaves the business system. */
  phoneMasked: z.string().regex(/^1\d{2}\*{4}\d{4}$/),
});
export type CitizenProfile = z.infer<typeof citizenProfileSchema>;

export const insuranceEnrolmentSchema = z.object({
  type: insuranceTypeSchema,
  status: enrolmentStatusSchema,
  startPeriod: yearMonthSchema,
  /** Null while contributions continue. */
  endPeriod: yearMonthSchema.nullable(),
});
export type InsuranceEnrolment = z.infer<typeof insuranceEnrolmentSchema>;

export const contributionRecordSchema = z.object({
  month: yearMonthSchema,
  type: insuranceTypeSchema,
  /** Monthly contribution base (缴费基数). */
  base: yuanSchema,
  personalAmount: yuanSchema,
  employerAmount: yuanSchema,
  /** The paying employer's name, or 灵活就业 when the citizen paid alone. */
  employer: z.string().min(1),
});

/** Contributions whose month lies in [from, to], both included, ordered by month then type. */
export const contributionHistorySchema = z.object({
  citizenId: citizenIdSchema,
  from: yearMonthSchema,
  to: yearMonthSchema,
  records: z.array(contributionRecordSchema),
});
export type ContributionHistory = z.infer<typeof contributionHistorySchema>;

export const contributionBaseYearSchema = z.object({
  year: z.number().int().min(1900),
  /** The 养老 contribution base that applied that year (the highest, if it changed mid-year). */
  base: yuanSchema,
});
export const contributionBaseHistorySchema = z.object({
  citizenId: citizenIdSchema,
  years: z.array(contributionBaseYearSchema),
});
export type ContributionBaseHistory = z.infer<typeof contributionBaseHistorySchema>;

export const pensionPaymentSchema = z.object({
  month: yearMonthSchema,
  amount: yuanSchema,
  paidDate: calendarDateSchema,
});
export const pensionPaymentHistorySchema = z.object({
  citizenId: citizenIdSchema,
  payments: z.array(pensionPaymentSchema),
});
export type PensionPaymentHistory = z.infer<typeof pensionPaymentHistorySchema>;

export const cardStatusSchema = z.enum(['正常', '挂失', '补卡中']);
export type CardStatus = z.infer<typeof cardStatusSchema>;

export const socialSecurityCardSchema = z.object({
  citizenId: citizenIdSchema,
  /** "QD*****78": first two and last two characters. */
  cardNumberMasked: z.string().min(4),
  status: cardStatusSchema,
  /** The co-operating bank whose account the card carries. */
  bank: z.string().min(1),
  issuedDate: calendarDateSchema,
});
export type SocialSecurityCard = z.infer<typeof socialSecurityCardSchema>;

export const cardLossReportResultSchema = z.object({
  reportId: z.string().min(1),
  citizenId: citizenIdSchema,
  cardNumberMasked: z.string().min(4),
  status: z.literal('挂失'),
  reportedAt: dateTimeSchema,
  /** What the citizen does next, in plain Chinese. */
  nextSteps: z.string().min(1),
});
export type CardLossReportResult = z.infer<typeof cardLossReportResultSchema>;

export const flexibleEmploymentTypeSchema = z.enum(['个体经营', '非全日制', '新就业形态', '其他灵活就业']);
/** 灵活就业 contributions are chosen as a percentage of the average wage: 60 % to 300 %. */
export const contributionLevelSchema = z.union([z.literal(60), z.literal(80), z.literal(100), z.literal(150), z.literal(200), z.literal(300)]);

export const flexibleEmploymentDetailsSchema = z.object({
  employmentType: flexibleEmploymentTypeSchema,
  /** First month to contribute for. */
  startMonth: yearMonthSchema,
  /** Flexible workers may join 养老 and 医疗 only. */
  insuranceTypes: z.array(z.enum(['养老', '医疗'])).min(1),
  contributionLevel: contributionLevelSchema,
  /** Street or town of residence (街道/镇), where the registration is filed. */
  residenceStreet: z.string().min(2).max(40),
});
export type FlexibleEmploymentDetails = z.infer<typeof flexibleEmploymentDetailsSchema>;

export const flexibleEmploymentRegistrationSchema = flexibleEmploymentDetailsSchema.extend({
  registrationId: z.string().min(1),
  citizenId: citizenIdSchema,
  status: z.literal('已登记'),
  registeredAt: dateTimeSchema,
  nextSteps: z.string().min(1),
});
export type FlexibleEmploymentRegistration = z.infer<typeof flexibleEmploymentRegistrationSchema>;

export const pensionAuthStandingSchema = z.enum(['有效', '即将到期', '已到期', '不适用']);
export const pensionAuthStatusSchema = z.object({
  citizenId: citizenIdSchema,
  isPensioner: z.boolean(),
  /** China calendar day of the last successful authentication. */
  lastAuthenticatedAt: calendarDateSchema.nullable(),
  /** lastAuthenticatedAt + 12 months (see pensionAuthCycle.ts). */
  nextDueDate: calendarDateSchema.nullable(),
  /** 不适用 for citizens who draw no pension. */
  standing: pensionAuthStandingSchema,
});
export type PensionAuthStatus = z.infer<typeof pensionAuthStatusSchema>;

/** How the pensioner was authenticated: at a kiosk, by face verification with action liveness. */
export const pensionAuthMethodSchema = z.enum(['face-kiosk']);

/** What the kiosk reports after a successful 养老认证; the business system records it and restarts the cycle. */
export const pensionAuthSubmissionSchema = z.object({
  /** When the face check passed (not when it was sent: a queued submission may arrive later). */
  authenticatedAt: dateTimeSchema,
  method: pensionAuthMethodSchema,
  /** The kiosk that did the check; must be the kiosk that signed the request. */
  kioskId: z.string().min(1).max(64),
  /** The kiosk's own scores, 0–1, kept for audit; the business system does not re-judge them. */
  scores: z.object({ similarity: z.number().min(0).max(1), liveness: z.number().min(0).max(1) }),
  /** The action-liveness challenges passed, in order (e.g. blink, turnLeft). */
  challenges: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/)).max(10),
});
export type PensionAuthSubmission = z.infer<typeof pensionAuthSubmissionSchema>;

/** The answer to a recorded authentication: the new cycle. */
export const pensionAuthReceiptSchema = z.object({
  accepted: z.literal(true),
  /** "RZ20250314-0001": the receipt number staff can look up. */
  submissionId: z.string().min(1),
  citizenId: citizenIdSchema,
  /** China calendar day of the latest authentication on record (never moved back by a late, older submission). */
  lastAuthenticatedAt: calendarDateSchema,
  /** lastAuthenticatedAt + 12 months. */
  nextDueDate: calendarDateSchema,
  standing: pensionAuthStandingSchema.exclude(['不适用']),
});
export type PensionAuthReceipt = z.infer<typeof pensionAuthReceiptSchema>;

/** Enrolled photos are JPEG; photos on file may also be PNG. Served as stored: the kiosk decodes them. */
export const referencePhotoContentTypeSchema = z.enum(['image/jpeg', 'image/png']);
export type ReferencePhotoContentType = z.infer<typeof referencePhotoContentTypeSchema>;
/** `on-file`: the photo in the citizen's records (ID-card / social-security-card style); `enrolled`: taken by staff at a kiosk. */
export const referencePhotoSourceSchema = z.enum(['on-file', 'enrolled']);
export type ReferencePhotoSource = z.infer<typeof referencePhotoSourceSchema>;

/** The largest reference photo the system accepts for enrolment, in bytes of JPEG. */
export const MAX_REFERENCE_PHOTO_BYTES = 2 * 1024 * 1024;

/** A reference photo on the wire: the image bytes travel base64-encoded inside the JSON answer. */
export const referencePhotoWireSchema = z.object({
  citizenId: citizenIdSchema,
  contentType: referencePhotoContentTypeSchema,
  source: referencePhotoSourceSchema,
  /** China calendar day the photo was taken; null when unknown. */
  capturedAt: calendarDateSchema.nullable(),
  imageBase64: z.base64().min(4),
});

/** A reference photo as the client hands it to the kiosk. */
export interface ReferencePhoto {
  citizenId: string;
  contentType: ReferencePhotoContentType;
  /** The image exactly as stored. */
  bytes: Uint8Array;
  source: ReferencePhotoSource;
  capturedAt: string | null;
}

/** The answer to a reference-photo enrolment. The photo itself is not echoed back. */
export const referencePhotoEnrolmentSchema = z.object({
  citizenId: citizenIdSchema,
  contentType: z.literal('image/jpeg'),
  source: z.literal('enrolled'),
  byteLength: z.number().int().positive(),
  /** hex SHA-256 of the stored JPEG, so the kiosk can confirm what was kept. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  enrolledAt: dateTimeSchema,
});
export type ReferencePhotoEnrolment = z.infer<typeof referencePhotoEnrolmentSchema>;

export const contributionPeriodSchema = z.object({
  from: yearMonthSchema,
  to: yearMonthSchema,
  months: z.number().int().positive(),
  /** Employer name or 灵活就业. */
  payer: z.string().min(1),
});
export const certificateInsuranceSchema = insuranceEnrolmentSchema.extend({
  /** Months with a contribution of this type. */
  contributionMonths: z.number().int().nonnegative(),
  /** Unbroken runs of contributions with the same payer. */
  periods: z.array(contributionPeriodSchema),
});
export const issuingHallSchema = z.object({ code: z.string().min(1), name: z.string().min(1) });
export type IssuingHall = z.infer<typeof issuingHallSchema>;

/** What a 参保证明 (certificate of insurance) needs. The ID number comes masked: it is printed on paper. */
export const certificateDataSchema = z.object({
  citizen: z.object({ id: citizenIdSchema, name: z.string().min(1), gender: z.enum(['男', '女']), idNumberMasked: z.string().length(18) }),
  insurances: z.array(certificateInsuranceSchema),
  issuingHall: issuingHallSchema,
  issuedAt: dateTimeSchema,
  /** Lets anyone check the paper against the system (printed as text and QR code). */
  verificationCode: z.string().min(8),
});
export type CertificateData = z.infer<typeof certificateDataSchema>;
export type CertificateInsurance = z.infer<typeof certificateInsuranceSchema>;

/** Why a demo citizen exists: an English tag for code and a Chinese label for the screen. */
export const demoTagSchema = z.enum([
  'pensioner-due-auth', 'pensioner-overdue-auth', 'pensioner-authenticated', 'not-pensioner',
  'card-active', 'card-lost', 'card-replacing', 'flexible-worker', 'unemployed', 'new-graduate',
  'long-history', 'can-register-flexible',
]);
export type DemoTag = z.infer<typeof demoTagSchema>;

/** A simulator citizen as `kiosk citizens` lists it. Fictional people: the full ID number is shown on purpose. */
export const demoCitizenSchema = z.object({
  citizenId: citizenIdSchema,
  name: z.string().min(1),
  idNumber: idNumberSchema,
  gender: z.enum(['男', '女']),
  birthDate: calendarDateSchema,
  usefulFor: z.array(z.object({ tag: demoTagSchema, label: z.string().min(1) })),
  /** Relative to the shared data folder, e.g. faces/faceapi__amy/amy1.png; null when none is on file. */
  referencePhoto: z.string().nullable(),
});
export const demoCitizenListSchema = z.object({ citizens: z.array(demoCitizenSchema) });
export type DemoCitizen = z.infer<typeof demoCitizenSchema>;

export const backendHealthSchema = z.object({ status: z.literal('ok'), service: z.string(), time: dateTimeSchema });
export type BackendHealth = z.infer<typeof backendHealthSchema>;

/** The error body of every non-2xx response. `message` is Chinese and safe to show a citizen. */
export const backendErrorBodySchema = z.object({ code: z.string().min(1), message: z.string().min(1) });

/** Codes the simulator sends; a real system may send others, which the client treats by HTTP status. */
export const backendErrorCodes = [
  'MISSING_SIGNATURE', 'UNKNOWN_KIOSK', 'BAD_SIGNATURE', 'CLOCK_SKEW', 'REPLAYED_NONCE',
  'INVALID_REQUEST', 'INVALID_ID_NUMBER', 'MISSING_IDEMPOTENCY_KEY', 'IDEMPOTENCY_KEY_REUSED',
  'ROUTE_NOT_FOUND', 'METHOD_NOT_ALLOWED', 'BODY_TOO_LARGE', 'CITIZEN_NOT_FOUND', 'CARD_NOT_FOUND',
  'CARD_ALREADY_LOST', 'CARD_BEING_REPLACED', 'ALREADY_REGISTERED', 'NOT_ELIGIBLE_PENSIONER',
  'NOT_ELIGIBLE_EMPLOYED', 'NOT_PENSIONER', 'REFERENCE_PHOTO_NOT_FOUND', 'INVALID_PHOTO', 'PHOTO_TOO_LARGE',
  'INJECTED_FAULT', 'INTERNAL',
] as const;
export type BackendErrorCode = (typeof backendErrorCodes)[number];

/** Request bodies. */
export const lookupCitizenRequestSchema = z.object({ idNumber: z.string() });
export const flexibleEmploymentRequestSchema = flexibleEmploymentDetailsSchema;
export const pensionAuthSubmissionRequestSchema = pensionAuthSubmissionSchema;
/** Enrolment carries the JPEG base64-encoded in JSON (like every other body), not as a raw upload. */
export const referencePhotoEnrolmentRequestSchema = z.object({ jpegBase64: z.base64().min(4) });
