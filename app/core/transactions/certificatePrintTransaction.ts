import type { Logger } from 'pino';
import { documentTitle, encodeCertificate, type PrintJobRecord, type PrintSpooler, type PrinterClient } from '../../../printer/index.js';
import type { BackendClient } from '../backend/backendClient.js';
import type { CertificateData } from '../backend/backendTypes.js';
import { chinaYearMonthOf } from '../backend/calendar.js';
import { maskName } from '../../../common/maskName.js';
import { certificateDocument, documentContent, paymentMonths, paymentsOf, type CertificateDocument } from '../certificates/certificateDocument.js';
import { certificateKindLabel, certificatePeriodLabel, type CertificateKind, type CertificatePeriod } from '../certificates/certificateKinds.js';
import { certificateJobId, countsAsPrinted, type CertificatePrintLedger, type CertificatePrintRow } from '../certificates/certificatePrintLedger.js';
import { newCertificateNumber } from '../certificates/certificatePrintService.js';
import { certificatePrinterProblem } from '../certificates/certificatePrinterReadiness.js';
import type { CertificateSigningKey } from '../certificates/certificateSigningKey.js';
import { certificateKindField, certificatePeriodField, WHOLE_RECORD } from './certificateFields.js';
import type { TransactionResult, TransactionSpec } from './transactionSpec.js';

export interface CertificatePrintDependencies {
  backend: Pick<BackendClient, 'getCertificateData' | 'getContributions'>;
  /** The kiosk's print spooler (its SQLite file); a job spooled there is printed once. */
  spooler: Pick<PrintSpooler, 'enqueue' | 'printQueued' | 'jobStatus'>;
  /** The certificate printer, asked for its status before anything is asked or spooled; null: the kiosk has none. */
  printer: Pick<PrinterClient, 'status'> | null;
  signingKey: CertificateSigningKey;
  /** The kiosk's record of printed certificates (kiosk SQLite, `certificate_prints`). */
  ledger: CertificatePrintLedger;
  /** At most this many certificates per citizen and China calendar month (`printing.certificatesPerMonth`). */
  perMonth: number;
  now: () => Date;
  log?: Logger;
}

/** What the printer encloses with each certificate job, a label without personal data. */
const JOB_KIND = 'certificate';

const takeIt = '请在屏幕下方出纸口取走您的证明。';

/**
 * 参保证明打印: for the verified citizen themself — the kind (参保证明 of all insurances or one, 个人权益记录单, or a
 * 未参保证明 when nothing is on record) and the months it covers, a preview of what will be on it, then the printout
 * through the kiosk's spooler and where to take it. It is a local act, not a business-system write: no outbox. At most
 * `perMonth` prints per citizen and month, told before anything is asked, like a printer that cannot print.
 * Exactly once: the request is written (kiosk SQLite) before its job is spooled, and the job id comes from the
 * idempotency key, so the same key never spools a second job — also after a restart.
 */
export function certificatePrintTransaction(deps: CertificatePrintDependencies): TransactionSpec {
  /** One submission at a time per key: a repeated submission waits for the first and gets its result. */
  const inFlight = new Map<string, Promise<TransactionResult>>();
  // The record fetched for a citizen belongs to one transaction: every transaction begins with a spec of its own.
  const begin = (): TransactionSpec => oneCertificatePrintTransaction(deps, inFlight, begin);
  return begin();
}

function oneCertificatePrintTransaction(deps: CertificatePrintDependencies, inFlight: Map<string, Promise<TransactionResult>>, begin: () => TransactionSpec): TransactionSpec {
  const month = () => chinaYearMonthOf(deps.now().getTime());
  /** The citizen whose eligibility was checked, with their record (this transaction's only): describe() has no citizen of its own. */
  let checked: { citizenId: string; data: CertificateData } | null = null;

  const printedThisMonth = (citizenId: string) => deps.ledger.ofCitizenInMonth(citizenId, month()).filter((row) => countsAsPrinted(deps.spooler.jobStatus(row.jobId))).length;
  const left = (citizenId: string) => Math.max(0, deps.perMonth - printedThisMonth(citizenId));
  const limitLine = (count: number) =>
    `您这个月已经在自助机上打印了${count}次证明，每人每月最多打印${deps.perMonth}次。下个月可以再来打印；着急用的话，请到人工窗口办理。`;

  async function recordOf(citizenId: string): Promise<CertificateData> {
    if (checked?.citizenId === citizenId) return checked.data;
    const data = await deps.backend.getCertificateData(citizenId);
    checked = { citizenId, data };
    return data;
  }

  const valuesOf = (values: Readonly<Record<string, unknown>>) => ({
    kind: values.kind as CertificateKind,
    period: (values.period as CertificatePeriod | undefined) ?? WHOLE_RECORD,
  });

  async function paymentsFor(citizenId: string, data: CertificateData, document: Extract<CertificateDocument, { ok: true }>) {
    if (document.kind.kind !== 'rights-record') return undefined;
    const history = await deps.backend.getContributions(citizenId, paymentMonths(data, document.period, deps.now()));
    return paymentsOf(history, document.insurances);
  }

  /** Keeps the spooler printing until this job is out of the queue (a run that was just ending does not take it). */
  function startPrinting(jobId: string): void {
    void deps.spooler
      .printQueued()
      .then(() => {
        if (deps.spooler.jobStatus(jobId)?.state === 'queued') startPrinting(jobId);
      })
      .catch((error: unknown) => deps.log?.error({ job: jobId, err: error instanceof Error ? error.message : String(error) }, 'certificate: printer run failed'));
  }

  /** Lays out, signs and spools the paper under the request's job id; nothing when that job is already there. */
  async function spool(row: CertificatePrintRow, data: CertificateData, document: Extract<CertificateDocument, { ok: true }>): Promise<PrintJobRecord> {
    const existing = deps.spooler.jobStatus(row.jobId);
    if (existing) return existing;
    const payments = await paymentsFor(row.citizenId, data, document);
    const content = documentContent(data, document, { certificateNumber: row.certificateNumber, printedAt: new Date(row.printedAt), ...(payments ? { payments } : {}) });
    const encoded = encodeCertificate(content, { privateKey: deps.signingKey.privateKey, keyId: deps.signingKey.keyId });
    const again = deps.spooler.jobStatus(row.jobId);
    if (again) return again;
    const job = deps.spooler.enqueue(encoded.bytes, { kind: JOB_KIND, id: row.jobId });
    deps.log?.info({ job: job.id, kind: row.kind.kind }, 'certificate queued');
    startPrinting(job.id);
    return job;
  }

  function submitted(row: CertificatePrintRow): TransactionResult {
    const title = titleOf(row.kind);
    return {
      status: 'submitted',
      reference: row.certificateNumber,
      line: `好的，您的${title}正在打印，证明编号${row.certificateNumber}。打印要十几秒，${takeIt}`,
      printJobId: row.jobId,
      receipt: [`证明种类：${certificateKindLabel(row.kind)}`, `证明时段：${certificatePeriodLabel(row.period)}`, `验证码：${row.verificationCode}`],
    };
  }

  async function submitOnce(citizenId: string, values: Readonly<Record<string, unknown>>, idempotencyKey: string): Promise<TransactionResult> {
    const already = deps.ledger.find(idempotencyKey);
    if (already) {
      // The same request again (a retry, or after a restart): its job, never a second one.
      if (!deps.spooler.jobStatus(already.jobId)) {
        // Written but not spooled (the kiosk stopped in between): nothing of it was printed, so it is spooled now, once.
        const data = await deps.backend.getCertificateData(already.citizenId);
        const document = certificateDocument(data, already.kind, already.period, new Date(already.printedAt));
        if (document.ok) await spool(already, data, document);
      }
      return submitted(already);
    }
    const orphan = deps.spooler.jobStatus(certificateJobId(idempotencyKey));
    if (orphan) {
      // A job under this key with its row lost (a power cut before the row reached the disk): it is not spooled again.
      return { status: 'submitted', reference: orphan.id, line: `您的证明已经交给打印机了，不会重复打印。${takeIt}`, printJobId: orphan.id, receipt: [] };
    }
    const count = printedThisMonth(citizenId);
    if (count >= deps.perMonth) return { status: 'refused', reason: limitLine(count) };
    const problem = await certificatePrinterProblem(deps.printer);
    if (problem) return { status: 'refused', reason: `${problem}请到人工窗口打印。` };
    const { kind, period } = valuesOf(values);
    const data = await deps.backend.getCertificateData(citizenId);
    checked = { citizenId, data };
    const printedAt = deps.now();
    const document = certificateDocument(data, kind, period, printedAt);
    if (!document.ok) return { status: 'refused', reason: document.problem };
    const payments = await paymentsFor(citizenId, data, document);
    const certificateNumber = newCertificateNumber(printedAt);
    const content = documentContent(data, document, { certificateNumber, printedAt, ...(payments ? { payments } : {}) });
    const encoded = encodeCertificate(content, { privateKey: deps.signingKey.privateKey, keyId: deps.signingKey.keyId });
    // Counted again now that nothing awaits between the count and the row: another request of the same citizen
    // cannot have slipped in while the record was fetched.
    const countNow = printedThisMonth(citizenId);
    if (countNow >= deps.perMonth) return { status: 'refused', reason: limitLine(countNow) };
    // Written before the job is spooled: from here on the key names this certificate and its one job.
    const row = deps.ledger.record({
      idempotencyKey,
      citizenId,
      month: chinaYearMonthOf(printedAt.getTime()),
      kind,
      period,
      certificateNumber,
      verificationCode: encoded.verificationCode,
      jobId: certificateJobId(idempotencyKey),
      printedAt: printedAt.toISOString(),
    });
    if (!deps.spooler.jobStatus(row.jobId)) {
      const job = deps.spooler.enqueue(encoded.bytes, { kind: JOB_KIND, id: row.jobId });
      deps.log?.info({ job: job.id, kind: kind.kind }, 'certificate queued');
      startPrinting(job.id);
    }
    return submitted(row);
  }

  return {
    service: 'print_certificate',
    begin,
    title: '参保证明打印',
    fields: [certificateKindField, certificatePeriodField(deps.now)] as TransactionSpec['fields'],

    async checkEligibility({ citizenId }) {
      checked = null;
      const count = printedThisMonth(citizenId);
      if (count >= deps.perMonth) return { eligible: false, line: limitLine(count) };
      const problem = await certificatePrinterProblem(deps.printer);
      if (problem) return { eligible: false, line: `${problem}请稍等，或者到人工窗口打印。`, callStaff: true };
      // The record, once: what can be printed for this citizen (throws when the business system cannot be reached).
      await recordOf(citizenId);
      return { eligible: true };
    },

    describe(values) {
      const { kind, period } = valuesOf(values);
      if (checked) {
        const document = certificateDocument(checked.data, kind, period, deps.now());
        if (!document.ok) return `${document.problem}要换的话请说“改证明种类”或“改证明时段”。`;
      }
      const remaining = checked ? left(checked.citizenId) : null;
      const after = remaining === null ? 0 : Math.max(0, remaining - 1);
      const quota = remaining === null ? '' : `每人每月可以打印${deps.perMonth}次，${after > 0 ? `这次打印以后本月还能打印${after}次。` : '这次打印以后，本月就不能再打印了。'}`;
      const whole = values.period === undefined ? '，内容是您全部的参保记录' : '';
      return `我将为您打印一份${titleOf(kind)}${whole}。证明上有您的姓名、隐藏中间位数的身份证号，和可以核验真伪的二维码，打出来以后请在屏幕下方出纸口取走。${quota}`;
    },

    async preview({ citizenId, values }) {
      const { kind, period } = valuesOf(values);
      const data = await recordOf(citizenId);
      const document = certificateDocument(data, kind, period, deps.now());
      const rows = [`证明种类：${certificateKindLabel(kind)}`, `证明时段：${certificatePeriodLabel(period)}`, `姓名：${maskName(data.citizen.name)}`];
      if (!document.ok) return [...rows, `不能打印：${document.problem}`];
      if (kind.kind === 'not-insured') rows.push('内容：没有参保缴费记录');
      for (const insurance of document.insurances) {
        const runs = insurance.periods.length > 0 ? insurance.periods.map((p) => `${p.from}至${p.to}`) : [`${insurance.startPeriod}至${insurance.endPeriod ?? '今'}`];
        rows.push(`${insurance.type}保险：${insurance.status}，${runs.join('、')}，缴费${insurance.contributionMonths}个月`);
      }
      const payments = await paymentsFor(citizenId, data, document);
      for (const p of payments ?? []) rows.push(`${labelOfType(p.type)}缴费：个人${p.personal}元，单位${p.employer}元`);
      rows.push(`本月还能打印：${left(citizenId)}次（每月最多${deps.perMonth}次）`);
      return rows;
    },

    async submit({ citizenId, values, idempotencyKey }) {
      const running = inFlight.get(idempotencyKey);
      if (running) return running;
      const attempt = submitOnce(citizenId, values, idempotencyKey).finally(() => inFlight.delete(idempotencyKey));
      inFlight.set(idempotencyKey, attempt);
      return attempt;
    },
  };
}

function titleOf(kind: CertificateKind): string {
  switch (kind.kind) {
    case 'rights-record':
      return documentTitle({ documentKind: 'rights-record' });
    case 'not-insured':
      return documentTitle({ documentKind: 'not-insured' });
    case 'single':
      return `${kind.insurance}保险参保证明`;
    case 'all':
      return '参保证明';
  }
}

const TYPE_LABELS: Record<string, string> = { pension: '养老保险', medical: '医疗保险', unemployment: '失业保险', workInjury: '工伤保险', maternity: '生育保险' };
const labelOfType = (type: string) => TYPE_LABELS[type] ?? type;
