import { maskIdNumber } from '../../common/maskIdNumber.js';
import { isoChinaTime } from './chinaTime.js';
import {
  documentKinds,
  insuranceCodes,
  insuranceStatuses,
  insuranceTypes,
  type CertificateContent,
  type DocumentKind,
  type InsurancePayments,
  type InsurancePeriod,
  type InsuranceStatus,
  type InsuranceType,
} from './certificateContent.js';

/** What the QR code attests, readable by anyone who scans it (the ID number only masked). */
export interface CertificateQrFields {
  certificateNumber: string;
  hallCode: string;
  hallName: string;
  citizenName: string;
  maskedIdNumber: string;
  insurances: { type: InsuranceType; status: InsuranceStatus; periods: InsurancePeriod[]; contributionMonths: number }[];
  /** ISO 8601 in Beijing time, e.g. 2026-05-07T14:03:09+08:00. */
  printedAt: string;
  /** The business system's 网上核验码, when the certificate carries one. */
  onlineVerificationCode?: string;
  /**
   * True when each insurance's periods are given as one span (earliest start to latest end) because the
   * full list would make the QR code too dense; the paper lists every period.
   */
  periodsSummarized: boolean;
  /** 个人权益记录单 or 未参保证明; absent for a 参保证明 (as on every certificate signed before kinds existed). */
  documentKind?: Exclude<DocumentKind, 'certificate'>;
  /** A 参保证明 of this one insurance. */
  scope?: InsuranceType;
  /** The months the paper covers (`YYYY-MM`); absent: the whole record. */
  coverage?: { from: string; to: string };
  /** 个人权益记录单: paid per insurance in those months. */
  payments?: InsurancePayments[];
}

/**
 * Compact JSON, short keys to keep the QR code small (see docs/printer.md):
 * `{"v":1,"no":…,"hc":…,"hn":…,"nm":…,"id":masked,"ins":[[code,status,"YYYYMM-YYYYMM,YYYYMM-",months]…],"at":…[,"vc":…][,"ps":1]}`
 * with status 1 参保缴费, 2 暂停缴费, 3 终止参保 and an empty period end meaning 至今. Optional since kinds:
 * `"dk":"r"` 个人权益记录单 / `"dk":"n"` 未参保证明 (absent: 参保证明), `"sc":code` one insurance only,
 * `"cv":"YYYYMM-YYYYMM"` the months covered, `"pm":[[code,"personal","employer"]…]` what was paid (yuan).
 */
export const PAYLOAD_VERSION = 1;
/**
 * A payload that names a kind, one insurance, the months covered or payments is version 2, so a verifier that only
 * knows version 1 rejects it (invalid payload) instead of showing a 未参保证明 or a 个人权益记录单 as a plain 参保证明.
 * A 参保证明 of every insurance and the whole record stays version 1, byte for byte as before.
 */
export const KINDS_PAYLOAD_VERSION = 2;

const hasKindKeys = (fields: Pick<CertificateQrFields, 'documentKind' | 'scope' | 'coverage' | 'payments'>) =>
  fields.documentKind !== undefined || fields.scope !== undefined || fields.coverage !== undefined || fields.payments !== undefined;

const statusCode: Record<InsuranceStatus, number> = { contributing: 1, suspended: 2, terminated: 3 };
const typeByCode = new Map(insuranceTypes.map((t) => [insuranceCodes[t], t]));

const compactMonth = (ym: string) => ym.replace('-', '');
const expandMonth = (yyyymm: string) => `${yyyymm.slice(0, 4)}-${yyyymm.slice(4)}`;

/** One span from the earliest start to the latest end (null, 至今, if any period is still running). */
function summarize(periods: readonly InsurancePeriod[]): InsurancePeriod[] {
  const from = periods.map((p) => p.from).sort()[0]!;
  const to = periods.some((p) => p.to === null) ? null : periods.map((p) => p.to!).sort().at(-1)!;
  return [{ from, to }];
}

export function certificateQrFields(content: CertificateContent, options: { summarizePeriods?: boolean } = {}): CertificateQrFields {
  const summarizePeriods = options.summarizePeriods ?? false;
  return {
    certificateNumber: content.certificateNumber,
    hallCode: content.hall.code,
    hallName: content.hall.name,
    citizenName: content.citizen.name,
    maskedIdNumber: maskIdNumber(content.citizen.idNumber),
    insurances: content.insurances.map((i) => ({
      type: i.type,
      status: i.status,
      periods: summarizePeriods ? summarize(i.periods) : i.periods.map((p) => ({ ...p })),
      contributionMonths: i.contributionMonths,
    })),
    printedAt: isoChinaTime(content.printedAt),
    ...(content.onlineVerificationCode === undefined ? {} : { onlineVerificationCode: content.onlineVerificationCode }),
    periodsSummarized: summarizePeriods,
    ...(content.documentKind === undefined || content.documentKind === 'certificate' ? {} : { documentKind: content.documentKind }),
    ...(content.scope === undefined ? {} : { scope: content.scope }),
    ...(content.coverage === undefined ? {} : { coverage: { ...content.coverage } }),
    ...(content.payments === undefined ? {} : { payments: content.payments.map((p) => ({ ...p })) }),
  };
}

const kindCode: Record<DocumentKind, string | undefined> = { certificate: undefined, 'rights-record': 'r', 'not-insured': 'n' };
const kindByCode = new Map(documentKinds.map((k) => [kindCode[k], k]));

export function encodeCertificatePayload(fields: CertificateQrFields): string {
  return JSON.stringify({
    v: hasKindKeys(fields) ? KINDS_PAYLOAD_VERSION : PAYLOAD_VERSION,
    no: fields.certificateNumber,
    hc: fields.hallCode,
    hn: fields.hallName,
    nm: fields.citizenName,
    id: fields.maskedIdNumber,
    ins: fields.insurances.map((i) => [
      insuranceCodes[i.type],
      statusCode[i.status],
      i.periods.map((p) => `${compactMonth(p.from)}-${p.to === null ? '' : compactMonth(p.to)}`).join(','),
      i.contributionMonths,
    ]),
    at: fields.printedAt,
    ...(fields.onlineVerificationCode === undefined ? {} : { vc: fields.onlineVerificationCode }),
    ...(fields.periodsSummarized ? { ps: 1 } : {}),
    ...(fields.documentKind === undefined ? {} : { dk: kindCode[fields.documentKind] }),
    ...(fields.scope === undefined ? {} : { sc: insuranceCodes[fields.scope] }),
    ...(fields.coverage === undefined ? {} : { cv: `${compactMonth(fields.coverage.from)}-${compactMonth(fields.coverage.to)}` }),
    ...(fields.payments === undefined ? {} : { pm: fields.payments.map((p) => [insuranceCodes[p.type], p.personal, p.employer]) }),
  });
}

const MONEY = /^\d{1,9}\.\d{2}$/;

/** The optional kind keys of a payload; undefined when one is there but malformed. */
function decodeKindKeys(r: Record<string, unknown>): Pick<CertificateQrFields, 'documentKind' | 'scope' | 'coverage' | 'payments'> | undefined {
  const out: Pick<CertificateQrFields, 'documentKind' | 'scope' | 'coverage' | 'payments'> = {};
  if (r.dk !== undefined) {
    const documentKind = isString(r.dk) ? kindByCode.get(r.dk) : undefined;
    if (!documentKind || documentKind === 'certificate') return undefined;
    out.documentKind = documentKind;
  }
  if (r.sc !== undefined) {
    const scope = isString(r.sc) ? typeByCode.get(r.sc) : undefined;
    if (!scope) return undefined;
    out.scope = scope;
  }
  if (r.cv !== undefined) {
    const m = isString(r.cv) ? /^(\d{6})-(\d{6})$/.exec(r.cv) : null;
    if (!m) return undefined;
    out.coverage = { from: expandMonth(m[1]!), to: expandMonth(m[2]!) };
  }
  if (r.pm !== undefined) {
    if (!Array.isArray(r.pm)) return undefined;
    const payments: InsurancePayments[] = [];
    for (const entry of r.pm as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 3) return undefined;
      const [code, personal, employer] = entry as unknown[];
      const type = isString(code) ? typeByCode.get(code) : undefined;
      if (!type || !isString(personal) || !isString(employer) || !MONEY.test(personal) || !MONEY.test(employer)) return undefined;
      payments.push({ type, personal, employer });
    }
    out.payments = payments;
  }
  return out;
}

const isString = (x: unknown): x is string => typeof x === 'string';

/** The inverse of encodeCertificatePayload; undefined for anything that is not a well-formed payload. */
export function decodeCertificatePayload(json: string): CertificateQrFields | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if ((r.v !== PAYLOAD_VERSION && r.v !== KINDS_PAYLOAD_VERSION) || !isString(r.no) || !isString(r.hc) || !isString(r.hn) || !isString(r.nm) || !isString(r.id) || !isString(r.at)) return undefined;
  if (!Array.isArray(r.ins)) return undefined;
  const insurances: CertificateQrFields['insurances'] = [];
  for (const entry of r.ins as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 4) return undefined;
    const [code, status, periods, months] = entry as unknown[];
    const type = isString(code) ? typeByCode.get(code) : undefined;
    const statusName = typeof status === 'number' ? insuranceStatuses[status - 1] : undefined;
    if (!type || !statusName || !isString(periods) || typeof months !== 'number' || !Number.isInteger(months)) return undefined;
    const parsedPeriods: InsurancePeriod[] = [];
    for (const p of periods.split(',')) {
      const m = /^(\d{6})-(\d{6})?$/.exec(p);
      if (!m) return undefined;
      parsedPeriods.push({ from: expandMonth(m[1]!), to: m[2] === undefined ? null : expandMonth(m[2]) });
    }
    insurances.push({ type, status: statusName, periods: parsedPeriods, contributionMonths: months });
  }
  if (r.vc !== undefined && !isString(r.vc)) return undefined;
  if (r.ps !== undefined && r.ps !== 1) return undefined;
  const kind = decodeKindKeys(r);
  // One form per content: the kind keys come with version 2 and only with it.
  if (!kind || hasKindKeys(kind) !== (r.v === KINDS_PAYLOAD_VERSION)) return undefined;
  return {
    certificateNumber: r.no,
    hallCode: r.hc,
    hallName: r.hn,
    citizenName: r.nm,
    maskedIdNumber: r.id,
    insurances,
    printedAt: r.at,
    ...(r.vc === undefined ? {} : { onlineVerificationCode: r.vc }),
    periodsSummarized: r.ps === 1,
    ...kind,
  };
}
