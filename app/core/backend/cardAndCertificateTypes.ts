/**
 * 补换社保卡 and 就业创业证申领 as they cross the wire, with the business system's published rules the kiosk tells
 * before the yes (the halls a card can be collected at, the 工本费, how long making a card takes). The simulator
 * applies the same rules, so what the robot says and what the system does cannot drift apart.
 */
import { z } from 'zod';
import { calendarDateSchema, cardStatusSchema, citizenIdSchema, dateTimeSchema, yuanSchema } from './backendTypes.js';

// ── 补换社保卡 ──────────────────────────────────────────────────────────────────────────────────────────────

/** Why a new card is needed: 补卡 after a loss, 换卡 for a card still in hand. */
export const cardReplacementReasonSchema = z.enum(['挂失后补卡', '卡损坏', '卡过期换卡', '信息变更换卡']);
export type CardReplacementReason = z.infer<typeof cardReplacementReasonSchema>;
export const CARD_REPLACEMENT_REASONS: readonly CardReplacementReason[] = cardReplacementReasonSchema.options;

/** The halls of the city where a new card can be collected (the business system's list). */
export interface CardPickupHall {
  code: string;
  /** Short, as on a button and in speech: 市南区人社服务大厅. */
  label: string;
  /** Full name, as in 制卡进度. */
  name: string;
  /** Words a citizen uses for it. */
  says: readonly string[];
}

export const CARD_PICKUP_HALLS: readonly CardPickupHall[] = [
  { code: 'QD-SN-01', label: '市南区人社服务大厅', name: '青岛市市南区人力资源和社会保障局服务大厅', says: ['市南'] },
  { code: 'QD-SB-01', label: '市北区人社服务大厅', name: '青岛市市北区人力资源和社会保障局服务大厅', says: ['市北'] },
  { code: 'QD-LC-01', label: '李沧区人社服务大厅', name: '青岛市李沧区人力资源和社会保障局服务大厅', says: ['李沧'] },
  { code: 'QD-LS-01', label: '崂山区人社服务大厅', name: '青岛市崂山区人力资源和社会保障局服务大厅', says: ['崂山'] },
  { code: 'QD-CY-01', label: '城阳区人社服务大厅', name: '青岛市城阳区人力资源和社会保障局服务大厅', says: ['城阳'] },
  { code: 'QD-HD-01', label: '黄岛区人社服务大厅', name: '青岛市黄岛区人力资源和社会保障局服务大厅', says: ['黄岛', '西海岸'] },
  { code: 'QD-JM-01', label: '即墨区人社服务大厅', name: '青岛市即墨区人力资源和社会保障局服务大厅', says: ['即墨'] },
];

export function cardPickupHall(code: string): CardPickupHall | undefined {
  return CARD_PICKUP_HALLS.find((hall) => hall.code === code);
}

/** 工本费 (yuan): a card lost is made again at the citizen's cost; a damaged, expired or outdated card is replaced free. */
export const CARD_REPLACEMENT_FEE_YUAN: Readonly<Record<CardReplacementReason, number>> = { 挂失后补卡: 20, 卡损坏: 0, 卡过期换卡: 0, 信息变更换卡: 0 };

/** Working days (Monday to Friday) from the application until the card can be collected, or until it reaches the address. */
export const CARD_PRODUCTION_WORKING_DAYS = { pickup: 10, mail: 15 } as const;

/**
 * A mailing address in the city: 街道 (or 镇), 小区 (or road), 门牌 (building, unit, room), as the citizen says it.
 * The business system keeps it whole; receipts show it masked (maskMailingAddress).
 */
export const mailingAddressSchema = z.string().min(6).max(80);

export const cardCollectionSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('pickup'), hallCode: z.string().min(1) }),
  z.object({ method: z.literal('mail'), address: mailingAddressSchema }),
]);
export type CardCollection = z.infer<typeof cardCollectionSchema>;

export const cardReplacementDetailsSchema = z.object({ reason: cardReplacementReasonSchema, collection: cardCollectionSchema });
export type CardReplacementDetails = z.infer<typeof cardReplacementDetailsSchema>;

export const cardReplacementResultSchema = z.object({
  /** The card application's number, as 制卡进度 shows it: "ZK20250314-0001". */
  applicationId: z.string().min(1),
  citizenId: citizenIdSchema,
  kind: z.enum(['补卡', '换卡']),
  reason: cardReplacementReasonSchema,
  /** The old card's number, masked ("QD*****72"). */
  cardNumberMasked: z.string().min(4),
  previousStatus: cardStatusSchema,
  status: z.literal('补卡中'),
  collection: z.discriminatedUnion('method', [
    z.object({ method: z.literal('pickup'), hallCode: z.string().min(1), hallName: z.string().min(1) }),
    /** The address masked past the street ("台东街道****"). */
    z.object({ method: z.literal('mail'), addressMasked: z.string().min(1) }),
  ]),
  /** 工本费, paid when the card is collected or handed over by the courier; 0 when free. */
  fee: yuanSchema,
  /** The day the card is expected at the hall, or at the address. */
  expectedReadyDate: calendarDateSchema,
  appliedAt: dateTimeSchema,
  nextSteps: z.string().min(1),
});
export type CardReplacementResult = z.infer<typeof cardReplacementResultSchema>;

// ── 就业创业证申领 ─────────────────────────────────────────────────────────────────────────────────────────

export const employmentSituationSchema = z.enum(['失业人员', '灵活就业', '自主创业', '高校毕业生']);
export type EmploymentSituation = z.infer<typeof employmentSituationSchema>;
export const EMPLOYMENT_SITUATIONS: readonly EmploymentSituation[] = employmentSituationSchema.options;

/** 电子证: issued at once; 纸质证: collected at the street's 人社服务站. */
export const certificateFormSchema = z.enum(['电子证', '纸质证']);
export type CertificateForm = z.infer<typeof certificateFormSchema>;

/** Working days until a paper certificate can be collected at the street's 人社服务站. */
export const PAPER_CERTIFICATE_WORKING_DAYS = 5;

export const employmentCertificateApplicationSchema = z.object({
  situation: employmentSituationSchema,
  /** 户籍或常住地所在街道 (or 镇): the office that keeps the registration and hands out the paper certificate. */
  street: z.string().regex(/^[^\s]{2,12}(街道|镇)$/),
  form: certificateFormSchema,
});
export type EmploymentCertificateApplication = z.infer<typeof employmentCertificateApplicationSchema>;

export const employmentCertificateIssuedSchema = z.object({
  /** "JC20250314-0001". */
  applicationId: z.string().min(1),
  citizenId: citizenIdSchema,
  certificateNumber: z.string().min(8),
  form: certificateFormSchema,
  issuedDate: calendarDateSchema,
  issuedBy: z.string().min(1),
  /** Where and from which day the paper certificate can be collected; null for 电子证. */
  pickup: z.object({ place: z.string().min(1), fromDate: calendarDateSchema }).nullable(),
  nextSteps: z.string().min(1),
});
export type EmploymentCertificateIssued = z.infer<typeof employmentCertificateIssuedSchema>;

// ── Shared helpers ─────────────────────────────────────────────────────────────────────────────────────────

/** "2025-03-14" + 10 working days (Monday to Friday; public holidays are not known here) → "2025-03-28". */
export function addWorkingDays(date: string, days: number): string {
  let t = Date.parse(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    t += 86_400_000;
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(t).toISOString().slice(0, 10);
}

/** An address shown on a receipt or a screen others can see: up to its 街道/镇 (or road), the rest hidden. */
export function maskMailingAddress(address: string): string {
  const street = /^.*?(街道|镇|路|街)/.exec(address)?.[0];
  return `${street ?? [...address].slice(0, 3).join('')}****`;
}

/** A certificate number spoken or printed where others can see: "3702142016000218" → "3702********0218". */
export function maskCertificateNumber(number: string): string {
  if (number.length <= 8) return `${number.slice(0, 2)}****`;
  return `${number.slice(0, 4)}${'*'.repeat(number.length - 8)}${number.slice(-4)}`;
}
