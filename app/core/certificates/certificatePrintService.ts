import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { encodeCertificate, type PrintJobRecord, type PrintSpooler } from '../../../printer/index.js';
import type { BackendClient } from '../backend/backendClient.js';
import type { CertificateSigningKey } from './certificateSigningKey.js';
import { toCertificateContent } from './toCertificateContent.js';

export interface CertificatePrintService {
  /**
   * Fetches the citizen's certificate data, lays out and signs the 参保证明, puts it in the spooler (sealed,
   * before a byte is sent) and prints it. Resolves with the job's final record (done, failed, unconfirmed).
   */
  print(citizenId: string, onQueued?: (job: PrintJobRecord) => void): Promise<PrintedCertificate>;
}

export interface PrintedCertificate {
  job: PrintJobRecord;
  certificateNumber: string;
  /** What the QR code says: anyone can verify it offline with the hall's public key. */
  qrText: string;
  verificationCode: string;
}

/** QD-20261130-7F3A9C: date for staff, random part so numbers never collide across kiosks. */
export function newCertificateNumber(at: Date): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '');
  return `QD-${day}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

export function createCertificatePrintService(options: {
  backend: BackendClient;
  spooler: PrintSpooler;
  signingKey: CertificateSigningKey;
  log: Logger;
  now?: () => Date;
}): CertificatePrintService {
  const now = options.now ?? (() => new Date());
  // One job at a time through the spooler: a second request waits for the first to finish.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async print(citizenId, onQueued) {
      const data = await options.backend.getCertificateData(citizenId);
      const printedAt = now();
      const content = toCertificateContent(data, { certificateNumber: newCertificateNumber(printedAt), printedAt });
      const encoded = encodeCertificate(content, { privateKey: options.signingKey.privateKey, keyId: options.signingKey.keyId });
      const job = options.spooler.enqueue(encoded.bytes, { kind: 'certificate' });
      options.log.info({ job: job.id }, 'certificate queued');
      onQueued?.(job);
      const run = queue.then(() => options.spooler.printQueued());
      queue = run.catch(() => undefined);
      await run;
      const final = options.spooler.jobStatus(job.id);
      if (!final) throw new Error(`print job ${job.id} vanished from the spooler`);
      options.log.info({ job: final.id, state: final.state }, 'certificate print finished');
      return { job: final, certificateNumber: content.certificateNumber, qrText: encoded.qrText, verificationCode: encoded.verificationCode };
    },
  };
}
