import path from 'node:path';
import { createPrintSpooler, createPrinterClient, type PrinterStatus } from '../../printer/index.js';
import { connectHallBackend } from '../core/backend/connectHallBackend.js';
import { createCertificatePrintService } from '../core/certificates/certificatePrintService.js';
import { loadOrCreateSigningKey } from '../core/certificates/certificateSigningKey.js';
import { loadConfig, resolveFromRoot } from '../core/config/loadConfig.js';
import { printFailureLine } from '../core/devices/printerWording.js';
import { createLogger } from '../core/log/createLogger.js';
import { createFieldCipher } from '../core/privacy/fieldCipher.js';
import { staffJobUpdate } from '../core/staff/staffPrintJobStates.js';
import { parseCliArgs, UsageError } from './cliOptions.js';

/** Why the printer cannot take a job right now, in plain Chinese; null when it can. */
export function printerNotReady(status: PrinterStatus): string | null {
  if (status.paperOut) return '打印机缺纸，请装入80毫米热敏纸后重试。';
  if (status.coverOpen) return '打印机仓盖没有关好，请合上仓盖后重试。';
  if (!status.online) return '打印机离线，请检查电源和连接线后重试。';
  if (status.unrecoverableError) return '打印机出现不可恢复的故障，请联系技术人员。';
  return null;
}

/**
 * `kiosk print-certificate [--citizen <id>] --port <device path>`: prints a 参保证明 for a demo citizen of the
 * business-system simulator (the first one when none is named). Exit 0 only when the printer reported the job done.
 */
export async function printCertificateCommand(args: string[]): Promise<number> {
  const { values } = parseCliArgs(args, { citizen: { type: 'string' }, port: { type: 'string' }, wait: { type: 'string' } }, false);
  if (!values.port) throw new UsageError('give the printer port: kiosk print-certificate --port /dev/ttyUSB0 [--citizen QD0001]');
  const waitS = values.wait === undefined ? 30 : Number(values.wait);
  if (!Number.isFinite(waitS) || waitS < 1) throw new UsageError('--wait takes the seconds to wait for paper or a closed cover (≥ 1)');
  const { config } = loadConfig(values.config ? { file: values.config } : {});
  const log = createLogger({ level: process.env.KIOSK_LOG_LEVEL ?? 'warn' });
  const dataDir = resolveFromRoot(config.dataDir);

  const backend = await connectHallBackend(config.backend, dataDir);
  const printer = createPrinterClient({ path: values.port, recoveryTimeoutMs: waitS * 1000 });
  const cipher = createFieldCipher({ keyFile: path.join(dataDir, 'data.key') });
  // Its own spool file: the running kiosk's spooler owns the kiosk's, and opening one runs its crash recovery.
  const spooler = createPrintSpooler({
    databasePath: path.join(dataDir, 'cli-print-spool.sqlite'),
    seal: (t) => cipher.encrypt(t),
    unseal: (t) => cipher.decrypt(t),
    printer,
    onEvent: (event) => {
      // The operator reads what the staff panel would show while the job waits and when it goes on; how it
      // ended is said once, below.
      const update = staffJobUpdate(event);
      if (update?.state === 'paused' || update?.state === 'printing') process.stderr.write(`${update.message}\n`);
    },
  });
  try {
    let citizenId = values.citizen;
    if (!citizenId) {
      if (config.backend.mode !== 'simulator') throw new UsageError('name the citizen with --citizen (demo citizens exist only in the simulator)');
      citizenId = (await backend.client.listDemoCitizens())[0]!.citizenId;
    }
    const status = await printer.status().catch((error: unknown) => {
      throw Object.assign(new Error('no answer'), { citizenMessage: `打印机没有响应（${values.port}），请检查端口和连接线。`, cause: error });
    });
    const notReady = printerNotReady(status);
    if (notReady) {
      process.stderr.write(`${notReady}\n`);
      process.stdout.write(`${JSON.stringify({ state: 'not-printed', reason: notReady, status })}\n`);
      return 3;
    }
    const service = createCertificatePrintService({ backend: backend.client, spooler, signingKey: loadOrCreateSigningKey(dataDir), log });
    const printed = await service.print(citizenId);
    const { job } = printed;
    process.stdout.write(
      `${JSON.stringify({ jobId: job.id, state: job.state, citizen: citizenId, certificateNumber: printed.certificateNumber, verificationCode: printed.verificationCode, qrText: printed.qrText, ...(job.lastError ? { error: job.lastError } : {}) })}\n`,
    );
    if (job.state === 'done') {
      process.stderr.write('参保证明已打印完成。\n');
      return 0;
    }
    process.stderr.write(`${printFailureLine(job.lastError?.kind ?? 'internal')}\n`);
    return 4;
  } catch (error) {
    const message = (error as { citizenMessage?: string }).citizenMessage;
    if (!message) throw error;
    process.stderr.write(`${message}\n`);
    return 5;
  } finally {
    spooler.close();
    await printer.close();
    await backend.close();
  }
}
