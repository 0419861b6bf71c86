/**
 * 失业登记 and 失业保险金申领: what the kiosk sends and what the business system answers (wire schemas, the authority
 * on shapes for backendClient.ts and simulator/unemploymentSubmissions.ts).
 */
import { z } from 'zod';
import { calendarDateSchema, citizenIdSchema, dateTimeSchema, yearMonthSchema, yuanSchema } from './backendTypes.js';

/**
 * Why the last job ended, as the 失业登记 form asks it. Only the first two are 非因本人意愿中断就业 (the condition of
 * 失业保险金); 其他 is checked at the window.
 */
export const separationReasonSchema = z.enum(['单位解除/终止合同', '合同到期', '个人辞职', '其他']);
export type SeparationReason = z.infer<typeof separationReasonSchema>;

/** The public employment services a registered unemployed person can ask for. */
export const jobServiceSchema = z.enum(['职业介绍', '职业培训']);
export type JobService = z.infer<typeof jobServiceSchema>;

export const unemploymentRegistrationDetailsSchema = z.object({
  /** The month the last job ended (the last month the employer paid for). */
  separationMonth: yearMonthSchema,
  reason: separationReasonSchema,
  /** Services asked for; empty when none. */
  jobServices: z.array(jobServiceSchema).max(2),
});
export type UnemploymentRegistrationDetails = z.infer<typeof unemploymentRegistrationDetailsSchema>;

export const unemploymentRegistrationResultSchema = unemploymentRegistrationDetailsSchema.extend({
  registrationId: z.string().min(1),
  citizenId: citizenIdSchema,
  status: z.literal('失业'),
  registeredAt: dateTimeSchema,
  /** The public employment service office the registration is filed with. */
  office: z.string().min(1),
  /** Whether, on this record, 失业保险金 can be applied for next (the application checks again). */
  benefitEligible: z.boolean(),
  nextSteps: z.string().min(1),
});
export type UnemploymentRegistrationResult = z.infer<typeof unemploymentRegistrationResultSchema>;

/** Why 失业保险金 cannot be applied for, one reason each; `message` is the business system's Chinese sentence. */
export const benefitIneligibilityCodeSchema = z.enum([
  'NOT_ELIGIBLE_PENSIONER', 'STILL_EMPLOYED', 'ALREADY_RECEIVING', 'NOT_REGISTERED_UNEMPLOYED',
  'INSUFFICIENT_CONTRIBUTIONS', 'VOLUNTARY_SEPARATION', 'SEPARATION_REASON_UNVERIFIED', 'CARD_NOT_USABLE',
]);
export type BenefitIneligibilityCode = z.infer<typeof benefitIneligibilityCodeSchema>;

/** Where the money goes: the financial account of the citizen's social security card (no other account). */
export const benefitPayoutSchema = z.object({ bank: z.string().min(1), cardNumberMasked: z.string().min(1) });

/** GET …/unemployment-benefit/eligibility: the record checked against every condition, before anything is asked. */
export const unemploymentBenefitEligibilitySchema = z.object({
  citizenId: citizenIdSchema,
  eligible: z.boolean(),
  /** Every condition not met, in the order they are checked; empty when eligible. */
  reasons: z.array(z.object({ code: benefitIneligibilityCodeSchema, message: z.string().min(1) })),
  /** Months of 失业 contributions on record (all employers). */
  contributionMonths: z.number().int().nonnegative(),
  /** What an application would give (0 and null when not eligible). */
  entitlementMonths: z.number().int().nonnegative(),
  monthlyAmount: yuanSchema,
  /** 失业保险金 counts from the 失业登记 (its month); null without one. */
  firstMonth: yearMonthSchema.nullable(),
  registeredOn: calendarDateSchema.nullable(),
  payout: benefitPayoutSchema.nullable(),
});
export type UnemploymentBenefitEligibility = z.infer<typeof unemploymentBenefitEligibilitySchema>;

export const unemploymentBenefitApplicationDetailsSchema = z.object({
  /** The citizen confirmed the card's financial account; the only account the benefit is paid to. */
  payoutAccount: z.literal('社保卡金融账户'),
});
export type UnemploymentBenefitApplicationDetails = z.infer<typeof unemploymentBenefitApplicationDetailsSchema>;

export const unemploymentBenefitApplicationResultSchema = z.object({
  applicationId: z.string().min(1),
  /** The claim as 失业保险金 查询 shows it from now on. */
  claimId: z.string().min(1),
  citizenId: citizenIdSchema,
  status: z.literal('领取中'),
  appliedAt: dateTimeSchema,
  entitlementMonths: z.number().int().positive(),
  monthlyAmount: yuanSchema,
  firstMonth: yearMonthSchema,
  lastMonth: yearMonthSchema,
  /** The day the first payment reaches the account. */
  firstPaymentDate: calendarDateSchema,
  payout: benefitPayoutSchema,
  nextSteps: z.string().min(1),
});
export type UnemploymentBenefitApplicationResult = z.infer<typeof unemploymentBenefitApplicationResultSchema>;
