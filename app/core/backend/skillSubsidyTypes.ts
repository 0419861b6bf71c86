/**
 * 技能提升补贴 (失业保险技能提升补贴) on the wire: what the business system says a citizen can apply for, and the
 * application. Money in yuan; dates YYYY-MM-DD China time (as backendTypes.ts).
 */
import { z } from 'zod';
import { calendarDateSchema, citizenIdSchema, dateTimeSchema, skillLevelSchema, yuanSchema, type SkillCertificate } from './backendTypes.js';

type SkillLevel = SkillCertificate['level'];

/**
 * The subsidy per certificate level. Knowledge base D08 (../shared/kb-sources/D08_skill_upgrade_subsidy.txt, 要点2;
 * data/kb/D08.json `skill-subsidy-amounts`): "初级（五级）不超过1000元，中级（四级）不超过1500元，高级（三级）不超过
 * 2000元" (人社部 2024). The knowledge base has no Qingdao-specific amounts, so the national standard is used; 技师 and
 * 高级技师 (二级, 一级) have no amount there and are not applied for at the kiosk.
 */
export const SKILL_SUBSIDY_YUAN: Readonly<Record<SkillLevel, number | null>> = {
  '五级/初级工': 1000,
  '四级/中级工': 1500,
  '三级/高级工': 2000,
  '二级/技师': null,
  '一级/高级技师': null,
};

/**
 * The rules, from the same source: 参加失业保险1年以上 (要点1: 12 months, relaxed from the earlier 36) or drawing
 * 失业保险金; apply within 12 months of the certificate's issue (要点4, 朝阳 guide: "自证书核发之日起12个月内…逾期不受理");
 * 同一职业（工种）同一等级只能享受一次, and not for a lower level of an occupation already subsidised at a higher one;
 * at most 3 times a year (要点3).
 */
export const SKILL_SUBSIDY_RULES = { minInsuredMonths: 12, applyWithinMonths: 12, maxPerYear: 3 } as const;

/** Why a certificate cannot be applied for (the same codes the application's refusals carry). */
export const skillSubsidyBlockSchema = z.enum(['CERTIFICATE_TOO_OLD', 'CERTIFICATE_REVOKED', 'ALREADY_SUBSIDISED', 'LEVEL_NOT_COVERED', 'SUBSIDY_LIMIT_REACHED']);
export type SkillSubsidyBlock = z.infer<typeof skillSubsidyBlockSchema>;

export const skillSubsidyCertificateSchema = z.object({
  certificateNumber: z.string().min(8),
  occupation: z.string().min(1),
  level: skillLevelSchema,
  issuedDate: calendarDateSchema,
  status: z.enum(['有效', '已注销']),
  /** The subsidy for its level; null for a level without one. */
  amount: yuanSchema.nullable(),
  /** Null: it can be applied for (when the citizen is insured long enough). */
  blockedBy: skillSubsidyBlockSchema.nullable(),
  /** The last day to apply (issue day + 12 months). */
  applyBy: calendarDateSchema,
});
export type SkillSubsidyCertificate = z.infer<typeof skillSubsidyCertificateSchema>;

export const skillSubsidyEligibilitySchema = z.object({
  citizenId: citizenIdSchema,
  /** Months of 失业保险 paid in total (any employer, any time). */
  unemploymentInsuranceMonths: z.number().int().nonnegative(),
  /** Drawing 失业保险金 now (qualifies without the 12 months). */
  receivingUnemploymentBenefit: z.boolean(),
  /** Either of the two: the insurance condition holds. */
  insuranceConditionMet: z.boolean(),
  subsidiesThisYear: z.number().int().nonnegative(),
  /** Every certificate on record, newest first. */
  certificates: z.array(skillSubsidyCertificateSchema),
});
export type SkillSubsidyEligibility = z.infer<typeof skillSubsidyEligibilitySchema>;

export const skillSubsidyApplicationDetailsSchema = z.object({ certificateNumber: z.string().min(8).max(32) });
export type SkillSubsidyApplicationDetails = z.infer<typeof skillSubsidyApplicationDetailsSchema>;
/** The number is checked by the route (CERTIFICATE_NOT_FOUND), not by the schema. */
export const skillSubsidyApplicationRequestSchema = z.object({ certificateNumber: z.string().max(64) });

export const skillSubsidyApplicationResultSchema = z.object({
  /** "JT20250314-0001". */
  applicationId: z.string().min(1),
  citizenId: citizenIdSchema,
  certificateNumber: z.string().min(8),
  occupation: z.string().min(1),
  level: skillLevelSchema,
  amount: yuanSchema,
  /** Where the money goes: the social security card's financial account, the card number masked. */
  paidTo: z.string().min(1),
  status: z.literal('已受理'),
  submittedAt: dateTimeSchema,
  nextSteps: z.string().min(1),
});
export type SkillSubsidyApplicationResult = z.infer<typeof skillSubsidyApplicationResultSchema>;
