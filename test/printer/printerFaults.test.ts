import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { socatAvailable } from '../../app/core/devices/socatPtyPair.js';
import { encodeCertificate } from '../../printer/certificate/encodeCertificate.js';
import { createPrinterClient } from '../../printer/printerClient.js';
import { PrinterError } from '../../printer/printerError.js';
import type { PrinterEvent } from '../../printer/printerEvents.js';
import { createEscPosDecoder } from '../../printer/simulator/escPosDecoder.js';
import { lineText, type TicketLine } from '../../printer/simulator/ticket.js';
import { TEST_DEADLINE_MS, until } from '../testDeadline.js';
import { eventTypes, KEY_ID, sampleCertificate, signingKeys, startPrinterRig, tempDir, type PrinterRig } from './fixtures/printerFixtures.js';

const keys = signingKeys();
const certificate = encodeCertificate(sampleCertificate(), { privateKey: keys.privateKey, keyId: KEY_ID });

/** What the certificate looks like when nothing goes wrong: the reference for "every line exactly once". */
function referenceLines(): string[] {
  const decoder = createEscPosDecoder();
  decoder.push(certificate.bytes);
  return decoder.tickets()[0]!.lines.map(describeLine);
}

function describeLine(line: TicketLine): string {
  return line.kind === 'qr' ? `QR:${line.payload}` : `${line.kind}:${lineText(line)}`;
}

async function rejection(promise: Promise<unknown>): Promise<PrinterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PrinterError) return error;
    throw error;
  }
  throw new Error('expected the job to fail');
}

describe.skipIf(!socatAvailable())(`printer faults during a certificate job${socatAvailable() ? '' : ' (skipped: socat is not installed; apt-get install socat)'}`, () => {
  let rig: PrinterRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('pauses on paper-out mid-certificate, tells the kiosk, and resumes with every line exactly once', async () => {
    // A small receive buffer: a client that kept sending while the printer is out of paper would lose lines.
    rig = await startPrinterRig({ printer: { receiveBufferBytes: 1024 } });
    const { printer, client } = rig;
    printer.paperOut({ afterLines: 9 });
    const events: PrinterEvent[] = [];
    const job = client.printJob('cert-paper', certificate.bytes, { onEvent: (e) => events.push(e) });

    await until(() => events.some((e) => e.type === 'printer.paperOut'), 'the paper-out event');
    // A kind and a job id, no wording: what anyone is told about it is app/core's.
    expect(events[0]).toEqual({ type: 'printer.paperOut', jobId: 'cert-paper' });
    // While paused the kiosk sends status queries only: nothing more to print.
    const queued = printer.stats().queuedBytes;
    const received = printer.stats().bytesReceived;
    await new Promise((r) => setTimeout(r, 150));
    const statusBytes = printer.stats().bytesReceived - received;
    expect(statusBytes % 12).toBe(0); // whole DLE EOT 1-4 rounds
    expect(printer.stats().queuedBytes).toBe(queued);
    expect(printer.tickets()).toHaveLength(0);

    printer.loadPaper();
    await expect(job).resolves.toBe('done');
    expect(eventTypes(events)).toEqual(['printer.paperOut', 'printer.paperRestored']);
    expect(printer.stats().overflowBytes).toBe(0);
    const [ticket] = printer.tickets();
    expect(ticket!.lines.map(describeLine)).toEqual(referenceLines());
  });

  it('would lose lines if a client ignored the paper-out (the check above can fail)', async () => {
    rig = await startPrinterRig({ printer: { receiveBufferBytes: 1024 } });
    rig.printer.paperOut({ afterLines: 9 });
    const raw = new SerialPort({ path: rig.pair.kioskPath, baudRate: 115_200 });
    await new Promise((r) => raw.once('open', r));
    raw.write(Buffer.from(certificate.bytes));
    await new Promise((r) => raw.drain(r));
    await until(() => rig!.printer.stats().bytesReceived >= certificate.bytes.length, 'all bytes');
    rig.printer.loadPaper();
    await new Promise((r) => raw.close(r));
    expect(rig.printer.stats().overflowBytes).toBeGreaterThan(0);
    const printed = rig.printer.tickets()[0]?.lines.map(describeLine) ?? [];
    expect(printed).not.toEqual(referenceLines());
  });

  it('pauses while the cover is open and resumes when it is closed', async () => {
    rig = await startPrinterRig();
    const { printer, client } = rig;
    printer.openCover();
    const events: PrinterEvent[] = [];
    const job = client.printJob('cert-cover', certificate.bytes, { onEvent: (e) => events.push(e) });
    await until(() => events.length > 0, 'the cover event');
    expect(printer.stats().bytesReceived % 12).toBe(0); // nothing but status queries went out
    printer.closeCover();
    await expect(job).resolves.toBe('done');
    expect(eventTypes(events)).toEqual(['printer.coverOpen', 'printer.coverClosed']);
    expect(printer.tickets()[0]!.lines.map(describeLine)).toEqual(referenceLines());
  });

  it('pauses while the printer is offline and resumes when it is back', async () => {
    rig = await startPrinterRig({ printer: { receiveBufferBytes: 1024 } });
    const { printer, client } = rig;
    printer.paperOut({ afterLines: 4 });
    const events: PrinterEvent[] = [];
    const job = client.printJob('cert-offline', certificate.bytes, { onEvent: (e) => events.push(e) });
    await until(() => events.length > 0, 'a pause');
    printer.setOffline(true);
    printer.loadPaper();
    await until(() => events.some((e) => e.type === 'printer.offline'), 'the offline event');
    printer.setOffline(false);
    await expect(job).resolves.toBe('done');
    expect(eventTypes(events)).toEqual(['printer.paperOut', 'printer.paperRestored', 'printer.offline', 'printer.online']);
    expect(printer.stats().overflowBytes).toBe(0);
    expect(printer.tickets()[0]!.lines.map(describeLine)).toEqual(referenceLines());
  });

  it('fails the job on an unrecoverable error, marking that part of it may be printed', async () => {
    rig = await startPrinterRig();
    const { printer, client } = rig;
    printer.paperOut({ afterLines: 6 });
    const events: PrinterEvent[] = [];
    const job = client.printJob('cert-broken', certificate.bytes, { onEvent: (e) => events.push(e) });
    await until(() => events.length > 0, 'the pause');
    printer.failUnrecoverably();
    const error = await rejection(job);
    expect(error).toMatchObject({ kind: 'unrecoverable', jobId: 'cert-broken' });
    expect(error.mayHavePrinted).toBe(true);
    expect(error.chunksSent).toBeLessThan(error.totalChunks);
    expect(printer.tickets()).toHaveLength(0);
  });

  it('gives up after the recovery timeout, having sent nothing when the paper was out from the start', async () => {
    rig = await startPrinterRig({ client: { recoveryTimeoutMs: 150 } });
    rig.printer.paperOut();
    const error = await rejection(rig.client.printJob('cert-nopaper', certificate.bytes));
    expect(error).toMatchObject({ kind: 'paper-out-timeout', bytesSent: 0, chunksSent: 0 });
    expect(error.mayHavePrinted).toBe(false);
  });

  it('reports a timeout when the printer never confirms the job', async () => {
    rig = await startPrinterRig({ client: { completionTimeoutMs: 150 } });
    rig.printer.holdCompletionAnswers(true);
    const error = await rejection(rig.client.printJob('cert-silent', certificate.bytes));
    expect(error).toMatchObject({ kind: 'timeout', bytesSent: certificate.bytes.length });
    // It did print — which is why such a job is "unconfirmed", not "failed".
    expect(await rig.printer.waitForTickets(1, TEST_DEADLINE_MS)).toHaveLength(1);
  });

  it('mentions a nearly empty roll without pausing', async () => {
    rig = await startPrinterRig();
    rig.printer.setPaperNearEnd(true);
    const events: PrinterEvent[] = [];
    await expect(rig.client.printJob('cert-low', certificate.bytes, { onEvent: (e) => events.push(e) })).resolves.toBe('done');
    expect(eventTypes(events)).toEqual(['printer.paperNearEnd']);
  });

  it('reports a silent port as a timeout and a missing one as disconnected', async () => {
    rig = await startPrinterRig({ client: { statusTimeoutMs: 100 } });
    await rig.printer.close(); // nobody answers on the far end
    await expect(rig.client.status()).rejects.toMatchObject({ kind: 'timeout' });
    const nowhere = createPrinterClient({ path: `${tempDir('no-printer-')}/ttyUSB9` });
    await expect(nowhere.status()).rejects.toMatchObject({ kind: 'disconnected' });
    await expect(nowhere.printJob('x', certificate.bytes)).rejects.toMatchObject({ kind: 'disconnected', bytesSent: 0 });
  });
});
