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
    .min(1)
    .max(5),
  printedAt: z.date(),
  onlineVerificationCode: z.string().regex(/^[A-Za-z0-9-]{4,32}$/).optional(),
});

/** Checks a certificate before it is printed; throws a ZodError naming the bad field. */
export function validateCertificateContent(content: CertificateContent): CertificateContent {
  return certificateContentSchema.parse(content) as CertificateContent;
}
