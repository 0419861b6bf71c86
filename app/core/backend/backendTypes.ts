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

/**
 * 正常; 临时挂失 (reported by phone or online, lifted or made formal at a hall); 挂失 (formal loss report); 补卡中 (a
 * replacement is being made); 封存 (sealed, e.g. the bank sealed an account left unused for years: unsealed at the bank).
 */
export const cardStatusSchema = z.enum(['正常', '临时挂失', '挂失', '补卡中', '封存']);
export type CardStatus = z.infer<typeof cardStatusSchema>;

export const socialSecurityCardSchema = z.object({
  citizenId: citizenIdSchema,
  /** "QD*****78": first two and last two characters. */
  cardNumberMasked: z.string().min(4),
  status: cardStatusSchema,
  /** The co-operating bank whose account the card carries. */
  bank: z.string().min(1),
  issuedDate: calendarDateSchema,
  /** China calendar day the card entered its present status (the issue date for a card that has always been 正常). */
  statusSince: calendarDateSchema,
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

/** 社保卡解挂: a card in 挂失 or 临时挂失 that was found works again (正常). */
export const cardLossCancellationResultSchema = z.object({
  /** "JG20250314-0001". */
  cancellationId: z.string().min(1),
  citizenId: citizenIdSchema,
  cardNumberMasked: z.string().min(4),
  /** The status the card had before: 挂失 or 临时挂失. */
  previousStatus: z.enum(['挂失', '临时挂失']),
  status: z.literal('正常'),
  cancelledAt: dateTimeSchema,
  nextSteps: z.string().min(1),
});
export type CardLossCancellationResult = z.infer<typeof cardLossCancellationResultSchema>;

/** A mainland mobile number: 11 digits, 13–19 first. */
export const mobileNumberSchema = z.string().regex(/^1[3-9]\d{9}$/);

/** 联系方式变更: the new mobile number the hall texts (notices, verification codes). */
/** The mobile number, and optionally the 联系地址 ("市南区香港中路10号3单元201", contactAddress.ts's shape). */
export const contactChangeDetailsSchema = z.object({ phone: mobileNumberSchema, address: z.string().min(1).max(100).optional() });
export type ContactChangeDetails = z.infer<typeof contactChangeDetailsSchema>;

export const contactChangeResultSchema = z.object({
  /** "LX20250314-0001". */
  changeId: z.string().min(1),
  citizenId: citizenIdSchema,
  /** The old and new numbers masked the usual way: "138****8000". */
  previousPhoneMasked: z.string().min(4),
  phoneMasked: z.string().min(4),
  /** The new 联系地址 masked after the road ("市南区香港中路****"); null (or absent) when it was not changed. */
  addressMasked: z.string().min(1).nullable().optional(),
  changedAt: dateTimeSchema,
  nextSteps: z.string().min(1),
});
export type ContactChangeResult = z.infer<typeof contactChangeResultSchema>;

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

// ——— Personal queries (聊天查). Every list is ordered as stated; an empty list or null is "no record", never an error. ———

/** 城乡居民基本养老保险: paid yearly by residents without an employer scheme (farmers, the self-employed in villages). */
export const RESIDENT_PENSION = '城乡居民养老';
/** The five employee insurances and the resident pension. */
export const insuranceKindSchema = z.enum(['养老', '医疗', '失业', '工伤', '生育', RESIDENT_PENSION]);
export type InsuranceKind = z.infer<typeof insuranceKindSchema>;
export const yearSchema = z.number().int().min(1900).max(2200);
const countSchema = z.number().int().nonnegative();
/** Where something was submitted. 自助服务机 is a kiosk like this one. */
export const applicationChannelSchema = z.enum(['自助服务机', '服务窗口', '合作银行', '网上办理']);
export type ApplicationChannel = z.infer<typeof applicationChannelSchema>;
const monthSpanSchema = z.object({ from: yearMonthSchema, to: yearMonthSchema });

/** 个人参保信息: each insurance with its status, and who paid when. */
export const insuranceOverviewSchema = z.object({
  citizenId: citizenIdSchema,
  /** Draws an employee pension (then the employee insurances are 终止). */
  isPensioner: z.boolean(),
  /** In the order 养老, 医疗, 失业, 工伤, 生育, 城乡居民养老; only those the citizen was ever enrolled in. */
  insurances: z.array(z.object({
    type: insuranceKindSchema,
    status: enrolmentStatusSchema,
    startPeriod: yearMonthSchema,
    /** Null while contributions continue. */
    endPeriod: yearMonthSchema.nullable(),
    /** Who pays now: the employer, 灵活就业, or 个人 (城乡居民养老); null when nobody is paying. */
    currentPayer: z.string().min(1).nullable(),
  })),
  /** Unbroken runs of months with the same payer (any insurance), oldest first: the employers and flexible spells. */
  employmentPeriods: z.array(z.object({
    payer: z.string().min(1),
    payerKind: z.enum(['单位', '灵活就业']),
    from: yearMonthSchema,
    to: yearMonthSchema,
    months: z.number().int().positive(),
    /** The period runs on (its payer paid the latest month and the insurance is 参保缴费). */
    ongoing: z.boolean(),
  })),
});
export type InsuranceOverview = z.infer<typeof insuranceOverviewSchema>;

/** 累计缴费月数 per insurance, counted by the system. */
export const contributionMonthsSchema = z.object({
  citizenId: citizenIdSchema,
  /** The last month that could have been paid (the month before today: a month is paid at its end). */
  asOfMonth: yearMonthSchema,
  insurances: z.array(z.object({
    type: insuranceKindSchema,
    /** Months with a contribution (城乡居民养老 is paid by the year: each paid year counts 12). */
    paidMonths: countSchema,
    /** 视同缴费: working years before personal accounts began (1996), counted for 养老 only; 0 otherwise. */
    deemedMonths: countSchema,
    /** paidMonths + deemedMonths. */
    totalMonths: countSchema,
    firstMonth: yearMonthSchema.nullable(),
    lastMonth: yearMonthSchema.nullable(),
    /** Interruptions (断缴) between the first and the last month paid, oldest first. */
    gaps: z.array(monthSpanSchema.extend({ months: z.number().int().positive() })),
  })),
});
export type ContributionMonths = z.infer<typeof contributionMonthsSchema>;

export const pensionSchemeSchema = z.enum(['职工养老', RESIDENT_PENSION]);
/** 养老个人账户: one account per scheme the citizen paid into. */
export const pensionAccountSchema = z.object({
  scheme: pensionSchemeSchema,
  balance: yuanSchema,
  /** The day the balance is booked to: the end of the last month credited, or today for a closed account. */
  asOfDate: calendarDateSchema,
  /** The open year: what was credited so far; its interest is booked when the year closes (null until then). */
  thisYear: z.object({ year: yearSchema, creditedAmount: yuanSchema, interest: yuanSchema.nullable() }),
  /** Every closed year, oldest first. */
  years: z.array(z.object({
    year: yearSchema,
    creditedAmount: yuanSchema,
    /** 记账利率 of the year, in percent. */
    interestRatePercent: z.number().nonnegative(),
    interest: yuanSchema,
    /** Paid out as the account part of a pension (after retirement). */
    paidOut: yuanSchema,
    closingBalance: yuanSchema,
  })),
});
export const pensionAccountsSchema = z.object({ citizenId: citizenIdSchema, accounts: z.array(pensionAccountSchema) });
export type PensionAccounts = z.infer<typeof pensionAccountsSchema>;
export type PensionAccount = z.infer<typeof pensionAccountSchema>;

/** 失业保险金: the claims, newest first; remaining months are the current claim's. */
export const unemploymentClaimSchema = z.object({
  claimId: z.string().min(1),
  /** 领取中; 已领完 (every entitled month paid); 已停发 (stopped early, e.g. re-employed: the rest is kept for later). */
  status: z.enum(['领取中', '已领完', '已停发']),
  approvedDate: calendarDateSchema,
  /** Months entitled, from the years of 失业 contributions (12, 18 or 24). */
  entitlementMonths: z.number().int().positive(),
  monthlyAmount: yuanSchema,
  firstMonth: yearMonthSchema,
  /** The last entitled month if paid without a break. */
  lastMonth: yearMonthSchema,
  paidMonths: countSchema,
  remainingMonths: countSchema,
  payments: z.array(z.object({ month: yearMonthSchema, amount: yuanSchema, paidDate: calendarDateSchema })),
});
export const unemploymentBenefitSchema = z.object({ citizenId: citizenIdSchema, claims: z.array(unemploymentClaimSchema) });
export type UnemploymentBenefit = z.infer<typeof unemploymentBenefitSchema>;

export const workInjuryBenefitKindSchema = z.enum([
  '工伤医疗费', '住院伙食补助费', '停工留薪期工资', '一次性伤残补助金', '伤残津贴', '生活护理费', '一次性工伤医疗补助金',
]);
/** 工伤保险待遇: the cases, newest first, each with what was paid. */
export const workInjuryCaseSchema = z.object({
  caseId: z.string().min(1),
  injuryDate: calendarDateSchema,
  employer: z.string().min(1),
  /** 认定中 (recognition pending); 已认定 (recognised as a work injury); 已鉴定 (disability assessed). */
  stage: z.enum(['认定中', '已认定', '已鉴定']),
  recognisedDate: calendarDateSchema.nullable(),
  /** 伤残等级 1 (most severe) to 10; null when not assessed or no disability. */
  disabilityGrade: z.number().int().min(1).max(10).nullable(),
  assessedDate: calendarDateSchema.nullable(),
  benefits: z.array(z.object({
    kind: workInjuryBenefitKindSchema,
    /** Total for the period (or the one-off amount). */
    amount: yuanSchema,
    /** Months covered, for benefits paid per month; null for one-off payments. */
    period: monthSpanSchema.nullable(),
    paidDate: calendarDateSchema.nullable(),
    payer: z.enum(['工伤保险基金', '用人单位']),
  })),
});
export const workInjuryBenefitsSchema = z.object({ citizenId: citizenIdSchema, cases: z.array(workInjuryCaseSchema) });
export type WorkInjuryBenefits = z.infer<typeof workInjuryBenefitsSchema>;

/** 城乡居民养老保险: the chosen grade (档次, yuan a year) of each year paid and the subsidies that came with it. */
export const residentPensionSchema = z.object({
  citizenId: citizenIdSchema,
  enrolment: z.object({ status: enrolmentStatusSchema, startYear: yearSchema, town: z.string().min(1) }).nullable(),
  /** Oldest first. */
  years: z.array(z.object({
    year: yearSchema,
    grade: yuanSchema,
    personalAmount: yuanSchema,
    governmentSubsidy: yuanSchema,
    collectiveSubsidy: yuanSchema,
    paidDate: calendarDateSchema,
  })),
  /** Years since enrolment (up to last year) with nothing paid. */
  missedYears: z.array(yearSchema),
  accountBalance: yuanSchema,
});
export type ResidentPension = z.infer<typeof residentPensionSchema>;

/** 灵活就业: the registration, the level (档次) and what was paid, by year. */
export const flexibleEmploymentStatusSchema = z.object({
  citizenId: citizenIdSchema,
  registration: flexibleEmploymentDetailsSchema.extend({
    registrationId: z.string().min(1),
    registeredAt: dateTimeSchema,
    channel: applicationChannelSchema,
  }).nullable(),
  /** Years with flexible contributions, oldest first. */
  years: z.array(z.object({
    year: yearSchema,
    /** % of the average wage (the highest level of the year if it changed). */
    level: contributionLevelSchema,
    monthlyBase: yuanSchema,
    monthsPaid: z.number().int().min(1).max(12),
    pensionAmount: yuanSchema,
    medicalAmount: yuanSchema,
    total: yuanSchema,
  })),
  lastPaidMonth: yearMonthSchema.nullable(),
  /** Months from the registration's start month to the last payable month with nothing paid (欠缴), oldest first. */
  unpaidMonths: z.array(yearMonthSchema),
});
export type FlexibleEmploymentStatus = z.infer<typeof flexibleEmploymentStatusSchema>;

/** 制卡进度: card applications, newest first. */
export const cardApplicationStageSchema = z.enum(['已受理', '制卡中', '待领取', '已邮寄', '已领取']);
export const cardApplicationSchema = z.object({
  applicationId: z.string().min(1),
  /** 首次申领; 补卡 (after a loss); 换卡 (a new generation or a damaged card). */
  kind: z.enum(['首次申领', '补卡', '换卡']),
  channel: applicationChannelSchema,
  appliedDate: calendarDateSchema,
  stage: cardApplicationStageSchema,
  /** Every stage reached so far with its day, in order; the last is `stage`. */
  stages: z.array(z.object({ stage: cardApplicationStageSchema, date: calendarDateSchema })).min(1),
  /** Where to collect it (待领取), else null. */
  pickup: z.object({ hall: z.string().min(1), window: z.string().min(1) }).nullable(),
  /** How it was sent (已邮寄), else null. */
  delivery: z.object({ carrier: z.string().min(1), trackingNumber: z.string().min(6), mailedDate: calendarDateSchema }).nullable(),
});
export const cardApplicationsSchema = z.object({ citizenId: citizenIdSchema, applications: z.array(cardApplicationSchema) });
export type CardApplications = z.infer<typeof cardApplicationsSchema>;

/** 关系转移接续 (moving insurance between cities or provinces), newest first. */
export const transferStageSchema = z.enum(['已受理', '已发联系函', '转出地已确认', '基金已划转', '已办结']);
export const insuranceTransferSchema = z.object({
  transferId: z.string().min(1),
  insurance: z.enum(['养老', '医疗']),
  direction: z.enum(['转入', '转出']),
  fromRegion: z.string().min(1),
  toRegion: z.string().min(1),
  appliedDate: calendarDateSchema,
  stage: transferStageSchema,
  /** Every stage reached so far with its day, in order; the last is `stage`. */
  stages: z.array(z.object({ stage: transferStageSchema, date: calendarDateSchema })).min(1),
  /** Months carried over, known once the other side confirmed; null before. */
  transferredMonths: countSchema.nullable(),
  completedDate: calendarDateSchema.nullable(),
});
export const insuranceTransfersSchema = z.object({ citizenId: citizenIdSchema, transfers: z.array(insuranceTransferSchema) });
export type InsuranceTransfers = z.infer<typeof insuranceTransfersSchema>;

/** 就业失业登记. */
export const employmentRegistrationSchema = z.object({
  citizenId: citizenIdSchema,
  /** 就业 / 失业 (the open registration); 退休 (draws a pension); 未登记 (no registration on record). */
  status: z.enum(['就业', '失业', '退休', '未登记']),
  since: calendarDateSchema.nullable(),
  /** The employer (or 灵活就业) while 就业; null otherwise. */
  employer: z.string().min(1).nullable(),
  /** The public employment office that holds a 失业 registration; null otherwise. */
  office: z.string().min(1).nullable(),
  /** Oldest first; `to` is null for the open registration. */
  history: z.array(z.object({
    status: z.enum(['就业', '失业']),
    from: calendarDateSchema,
    to: calendarDateSchema.nullable(),
    employer: z.string().min(1).nullable(),
    office: z.string().min(1).nullable(),
  })),
});
export type EmploymentRegistration = z.infer<typeof employmentRegistrationSchema>;

/** 就业创业证; null when none was issued. */
export const employmentCertificateSchema = z.object({
  citizenId: citizenIdSchema,
  certificate: z.object({
    certificateNumber: z.string().min(8),
    issuedDate: calendarDateSchema,
    issuedBy: z.string().min(1),
    status: z.enum(['有效', '已注销']),
  }).nullable(),
});
export type EmploymentCertificate = z.infer<typeof employmentCertificateSchema>;

/** 职业技能等级 (GB/T national occupational skill standard levels). */
export const skillLevelSchema = z.enum(['五级/初级工', '四级/中级工', '三级/高级工', '二级/技师', '一级/高级技师']);
/** 职业技能等级证书: a public lookup by certificate number; the holder's name comes masked (王*兰). */
export const skillCertificateSchema = z.object({
  certificateNumber: z.string().min(8),
  holderNameMasked: z.string().min(1),
  occupation: z.string().min(1),
  level: skillLevelSchema,
  issuedDate: calendarDateSchema,
  issuingBody: z.string().min(1),
  status: z.enum(['有效', '已注销']),
});
export type SkillCertificate = z.infer<typeof skillCertificateSchema>;

/** 业务办理进度: what the citizen submitted (at a kiosk or elsewhere), newest first. */
export const applicationKindSchema = z.enum([
  '社保卡挂失', '灵活就业参保登记', '养老金资格认证', '社保卡申领', '关系转移接续', '失业登记', '失业保险金申领',
  '就业创业证申领',
  '技能提升补贴申领',
]);
export const applicationStateSchema = z.enum(['已受理', '办理中', '已办结', '未通过']);
export const applicationSchema = z.object({
  /** The receipt number the citizen was given (GS…, LH…, RZ…, …). */
  applicationId: z.string().min(1),
  kind: applicationKindSchema,
  channel: applicationChannelSchema,
  submittedAt: dateTimeSchema,
  state: applicationStateSchema,
  /** Where it stands, in the kind's own terms (挂失成功, 制卡中, 转出地已确认, …). */
  stage: z.string().min(1),
  updatedDate: calendarDateSchema,
});
export const applicationListSchema = z.object({ citizenId: citizenIdSchema, applications: z.array(applicationSchema) });
export type ApplicationList = z.infer<typeof applicationListSchema>;
export type ApplicationKind = z.infer<typeof applicationKindSchema>;

/**
 * Whose statutory retirement age applies, from the record: 男职工 (originally 60), 女职工50 (women in worker posts,
 * originally 50), 女职工55 (women in managerial posts and women in flexible employment, originally 55), 城乡居民 (resident
 * pension only: 60).
 */
export const retirementCategorySchema = z.enum(['男职工', '女职工50', '女职工55', '城乡居民']);
export type RetirementCategory = z.infer<typeof retirementCategorySchema>;
/** What 退休年龄测算 needs from the record; the kiosk applies the 2025 gradual rules itself. */
export const retirementProfileSchema = z.object({
  citizenId: citizenIdSchema,
  birthDate: calendarDateSchema,
  sex: z.enum(['男', '女']),
  /** Null when the record cannot tell (no insurance of any kind): ask the citizen. */
  category: retirementCategorySchema.nullable(),
  /** The age before the 2025 reform for that category (60, 55 or 50); null with the category. */
  originalRetirementAge: z.union([z.literal(60), z.literal(55), z.literal(50)]).nullable(),
  /** Set for a citizen already drawing an employee pension. */
  retiredOn: calendarDateSchema.nullable(),
  /** 职工养老 months: paid, deemed (视同缴费) and their sum (the 2025 rules raise the 15-year minimum from 2030). */
  pensionContributionMonths: z.object({ paid: countSchema, deemed: countSchema, total: countSchema }),
  /** 城乡居民养老 years paid, as months (12 a year). */
  residentPensionMonths: countSchema,
});
export type RetirementProfile = z.infer<typeof retirementProfileSchema>;

/**
 * The inputs of a 养老金测算, not the estimate: the kiosk computes it (basic pension = base × (1 + index) / 2 ×
 * years × 1 %, account pension = balance / 计发月数) and says it is an estimate.
 */
export const pensionEstimateInputsSchema = z.object({
  citizenId: citizenIdSchema,
  asOfMonth: yearMonthSchema,
  /** 职工养老 if the citizen ever paid into it, else 城乡居民养老 if enrolled there, else null (nothing to estimate from). */
  scheme: pensionSchemeSchema.nullable(),
  isPensioner: z.boolean(),
  /** 平均缴费工资指数: the months-weighted mean of the yearly indexes (职工养老); null without employee contributions. */
  averageContributionIndex: z.number().nonnegative().nullable(),
  /** Per year: months paid, mean monthly base, the average wage of that year, and base ÷ wage. Oldest first. */
  indexYears: z.array(z.object({
    year: yearSchema,
    months: z.number().int().min(1).max(12),
    averageBase: yuanSchema,
    averageWage: yuanSchema,
    index: z.number().nonnegative(),
  })),
  /** The scheme's personal account balance today. */
  accountBalance: yuanSchema,
  paidMonths: countSchema,
  deemedMonths: countSchema,
  /** The latest published local average monthly wage (城镇单位就业人员平均工资, the 计发基数's basis). */
  localAverageMonthlyWage: z.object({ year: yearSchema, amount: yuanSchema }),
  /** 城乡居民养老 basic pension a month (基础养老金); null for 职工养老. */
  residentBasicPension: yuanSchema.nullable(),
});
export type PensionEstimateInputs = z.infer<typeof pensionEstimateInputsSchema>;

/** Why a demo citizen exists: an English tag for code and a Chinese label for the screen. */
export const demoTagSchema = z.enum([
  'pensioner-due-auth', 'pensioner-overdue-auth', 'pensioner-authenticated', 'not-pensioner',
  'card-active', 'card-lost', 'card-replacing', 'flexible-worker', 'unemployed', 'new-graduate',
  'long-history', 'can-register-flexible',
  'no-insurance-record', 'contribution-gaps', 'several-employers', 'transfer-in-progress', 'receiving-unemployment-benefit',
  'work-injury', 'resident-pension', 'card-temporary-loss', 'card-sealed', 'card-in-production', 'card-ready-for-pickup',
  'card-mailed', 'skill-certificate', 'employment-certificate', 'kiosk-application', 'near-retirement',
  'retirement-female-50', 'retirement-female-55',
  'laid-off-not-registered', 'unemployment-registered', 'resigned',
  'skill-subsidy-eligible',
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
  'INJECTED_FAULT', 'INTERNAL', 'CARD_SEALED', 'INVALID_CERTIFICATE_NUMBER', 'CERTIFICATE_NOT_FOUND',
  'CARD_NOT_LOST', 'CARD_REPLACEMENT_APPLIED', 'INVALID_PHONE', 'PHONE_UNCHANGED',
  // 失业登记 and 失业保险金申领 (unemploymentTypes.ts)
  'STILL_EMPLOYED', 'INVALID_SEPARATION_MONTH', 'NOT_REGISTERED_UNEMPLOYED', 'INSUFFICIENT_CONTRIBUTIONS', 'VOLUNTARY_SEPARATION',
  'SEPARATION_REASON_UNVERIFIED', 'ALREADY_RECEIVING', 'CARD_NOT_USABLE',
  // 补换社保卡 and 就业创业证申领 (cardAndCertificateTypes.ts)
  'CARD_REPLACEMENT_IN_PROGRESS', 'CARD_NOT_REPORTED_LOST', 'CARD_REPORTED_LOST', 'UNKNOWN_PICKUP_HALL', 'INVALID_ADDRESS',
  'ALREADY_HAS_CERTIFICATE', 'CERTIFICATE_NOT_FOR_PENSIONER', 'UNEMPLOYED_BUT_EMPLOYED',
  // 技能提升补贴申领 (skillSubsidyTypes.ts) and 联系方式变更 with an address
  'CERTIFICATE_TOO_OLD', 'CERTIFICATE_REVOKED', 'NOT_ENOUGH_INSURANCE', 'ALREADY_SUBSIDISED', 'LEVEL_NOT_COVERED', 'SUBSIDY_LIMIT_REACHED',
  'CONTACT_UNCHANGED',
] as const;
export type BackendErrorCode = (typeof backendErrorCodes)[number];

/** Request bodies. */
export const lookupCitizenRequestSchema = z.object({ idNumber: z.string() });
export const skillCertificateLookupRequestSchema = z.object({ certificateNumber: z.string().max(64) });
export const flexibleEmploymentRequestSchema = flexibleEmploymentDetailsSchema;
/** The phone is checked by the route itself, so a malformed number is told as INVALID_PHONE, not INVALID_REQUEST. */
export const contactChangeRequestSchema = z.object({ phone: z.string().max(32), address: z.string().max(200).optional() });
export const pensionAuthSubmissionRequestSchema = pensionAuthSubmissionSchema;
/** Enrolment carries the JPEG base64-encoded in JSON (like every other body), not as a raw upload. */
export const referencePhotoEnrolmentRequestSchema = z.object({ jpegBase64: z.base64().min(4) });
