import { z } from 'zod';

export const insuranceTypes = ['pension', 'medical', 'unemployment', 'workInjury', 'maternity'] as const;
export type InsuranceType = (typeof insuranceTypes)[number];

export const insuranceLabels: Readonly<Record<InsuranceType, string>> = {
  pension: '养老保险',
  medical: '医疗保险',
  unemployment: '失业保险',
  workInjury: '工伤保险',
  maternity: '生育保险',
};

/** 险种代码 as the social-insurance systems number them; the QR payload uses these. */
export const insuranceCodes: Readonly<Record<InsuranceType, string>> = {
  pension: '110',
  unemployment: '210',
  medical: '310',
  workInjury: '410',
  maternity: '510',
};

export const insuranceStatuses = ['contributing', 'suspended', 'terminated'] as const;
export type InsuranceStatus = (typeof insuranceStatuses)[number];

export const insuranceStatusLabels: Readonly<Record<InsuranceStatus, string>> = {
  contributing: '参保缴费',
  suspended: '暂停缴费',
  terminated: '终止参保',
};

/** A continuous stretch of insured months, `YYYY-MM`; `to: null` means up to now (至今). */
export interface InsurancePeriod {
  from: string;
  to: string | null;
}

export interface InsuranceRecord {
  type: InsuranceType;
  status: InsuranceStatus;
  periods: InsurancePeriod[];
  /** Months with contributions paid, as the business system counts them. */
  contributionMonths: number;
}

/**
 * What the paper is: a 参保证明 (all insurances, or one when `scope` names it), a 个人权益记录单 (the insurances with
 * what was paid), or a 未参保证明 (no insurance on record: `insurances` is empty).
 */
export const documentKinds = ['certificate', 'rights-record', 'not-insured'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const CERTIFICATE_TITLE = '社会保险参保证明';
export const RIGHTS_RECORD_TITLE = '社会保险个人权益记录单';
export const NOT_INSURED_TITLE = '未参保证明';

/** The title a paper of that kind carries (also what a verifier shows). */
export function documentTitle(content: { documentKind?: DocumentKind | undefined; scope?: InsuranceType | undefined }): string {
  if (content.documentKind === 'rights-record') return RIGHTS_RECORD_TITLE;
  if (content.documentKind === 'not-insured') return NOT_INSURED_TITLE;
  return content.scope ? `${insuranceLabels[content.scope]}参保证明` : CERTIFICATE_TITLE;
}

/** Money paid in the certificate's months for one insurance (个人权益记录单), yuan with two decimals. */
export interface InsurancePayments {
  type: InsuranceType;
  personal: string;
  employer: string;
}

/**
 * Everything a 参保证明 states. The ID number may be the full number or already masked (the business
 * system sends it masked); either way only the first 4 and last 4 characters are ever printed or signed.
 */
export interface CertificateContent {
  certificateNumber: string;
  hall: { code: string; name: string };
  citizen: { name: string; idNumber: string };
  insurances: InsuranceRecord[];
  printedAt: Date;
  /** The business system's own check code (网上核验码), printed and signed when given. */
  onlineVerificationCode?: string;
  /** Absent: a 参保证明 of every insurance on record (what every certificate was before kinds). */
  documentKind?: DocumentKind;
  /** A 参保证明 of one insurance only. */
  scope?: InsuranceType;
  /** The months the paper covers, `YYYY-MM` both included; absent: the whole record. */
  coverage?: { from: string; to: string };
  /** 个人权益记录单: what was paid per insurance in those months. */
  payments?: InsurancePayments[];
}

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const certificateContentSchema = z.object({
  certificateNumber: z.string().regex(/^[A-Za-z0-9-]{4,40}$/),
  hall: z.object({ code: z.string().regex(/^[A-Za-z0-9-]{1,20}$/), name: z.string().min(1).max(60) }),
  citizen: z.object({
    name: z.string().min(1).max(40),
    idNumber: z.string().regex(/^(\d{17}|\d{4}\*{10}\d{3})[\dX]$/, '18-character resident ID number, full or masked 4+4'),
  }),
  insurances: z
    .array(
      z.object({
        type: z.enum(insuranceTypes),
        status: z.enum(insuranceStatuses),
        periods: z.array(z.object({ from: yearMonth, to: yearMonth.nullable() })).min(1).max(60),
        contributionMonths: z.number().int().min(0).max(1200),
      }),
    )
    .max(5),
  printedAt: z.date(),
  onlineVerificationCode: z.string().regex(/^[A-Za-z0-9-]{4,32}$/).optional(),
  documentKind: z.enum(documentKinds).optional(),
  scope: z.enum(insuranceTypes).optional(),
  coverage: z.object({ from: yearMonth, to: yearMonth }).refine((c) => c.from <= c.to, 'coverage from must not be after to').optional(),
  payments: z
    .array(z.object({ type: z.enum(insuranceTypes), personal: z.string().regex(/^\d{1,9}\.\d{2}$/), employer: z.string().regex(/^\d{1,9}\.\d{2}$/) }))
    .max(5)
    .optional(),
}).superRefine((content, ctx) => {
  // A 未参保证明 states that nothing is on record; every other paper lists at least one insurance.
  const notInsured = content.documentKind === 'not-insured';
  if (notInsured && content.insurances.length > 0) ctx.addIssue({ code: 'custom', path: ['insurances'], message: 'a 未参保证明 lists no insurance' });
  if (!notInsured && content.insurances.length === 0) ctx.addIssue({ code: 'custom', path: ['insurances'], message: 'at least one insurance' });
  if (content.scope && (content.documentKind ?? 'certificate') !== 'certificate') ctx.addIssue({ code: 'custom', path: ['scope'], message: 'only a 参保证明 has one insurance as scope' });
  if (content.scope && content.insurances.some((i) => i.type !== content.scope)) ctx.addIssue({ code: 'custom', path: ['insurances'], message: 'a one-insurance certificate lists only that insurance' });
  if (content.payments && content.documentKind !== 'rights-record') ctx.addIssue({ code: 'custom', path: ['payments'], message: 'payments are on a 个人权益记录单 only' });
});

/** Checks a certificate before it is printed; throws a ZodError naming the bad field. */
export function validateCertificateContent(content: CertificateContent): CertificateContent {
  return certificateContentSchema.parse(content) as CertificateContent;
}
