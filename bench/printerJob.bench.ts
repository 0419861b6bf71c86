// Certificate printer figures: encoding a signed 参保证明, a DLE EOT status round trip over a pty, a
// certificate job end to end (client → pty → virtual printer → GS ( H answer), and the virtual printer's
// decode and render time.
import { generateKeyPairSync } from 'node:crypto';
import { openPtyPair } from '../app/core/devices/socatPtyPair.js';
import type { CertificateContent } from '../printer/certificate/certificateContent.js';
import { encodeCertificate } from '../printer/certificate/encodeCertificate.js';
import { createPrinterClient } from '../printer/printerClient.js';
import { createEscPosDecoder } from '../printer/simulator/escPosDecoder.js';
import { renderTicketPng } from '../printer/simulator/renderTicketPng.js';
import { startVirtualPrinter } from '../printer/simulator/virtualPrinter.js';
import { sampleCertificate } from '../test/printer/fixtures/printerFixtures.js';
import { percentile, writeBenchResult } from './benchResult.js';

const round = (x: number) => Math.round(x * 1000) / 1000;

function stats(samples: number[]): { n: number; median: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, median: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] ?? NaN) };
}

async function timeEach(n: number, task: (i: number) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await task(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

const { privateKey } = generateKeyPairSync('ed25519');
const signer = { privateKey, keyId: 'bench-hall' };
const content: CertificateContent = sampleCertificate();

// 1. encoding (validation, Ed25519 signature, layout, GB18030, ESC/POS)
await timeEach(20, () => encodeCertificate(content, signer)); // warm-up
const encodeSamples = await timeEach(300, () => encodeCertificate(content, signer));
const certificate = encodeCertificate(content, signer);

// 2. + 3. over a socat pty pair to the virtual printer
const pair = await openPtyPair({ name: 'bench-printer' });
const printer = await startVirtualPrinter({ path: pair.devicePath });
const client = createPrinterClient({ path: pair.kioskPath, statusTimeoutMs: 1_000, pollMs: 5 });
await timeEach(50, () => client.status());
const statusSamples = await timeEach(1_000, () => client.status());
await timeEach(3, (i) => client.printJob(`warm-${i}`, certificate.bytes));
const jobSamples = await timeEach(50, (i) => client.printJob(`bench-${i}`, certificate.bytes));
const ticketsPrinted = printer.tickets().length;
await client.close();
await printer.close();
await pair.close();

// 4. the virtual printer's decoding and rendering of one certificate
const decodeSamples: number[] = [];
const renderSamples: number[] = [];
const bothSamples: number[] = [];
renderTicketPng((() => {
  const d = createEscPosDecoder();
  d.push(certificate.bytes);
  return d.tickets()[0]!.lines;
})()); // warm-up: font registration
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  const decoder = createEscPosDecoder();
  decoder.push(certificate.bytes);
  const ticket = decoder.tickets()[0]!;
  const t1 = performance.now();
  renderTicketPng(ticket.lines);
  const t2 = performance.now();
  decodeSamples.push(t1 - t0);
  renderSamples.push(t2 - t1);
  bothSamples.push(t2 - t0);
}

writeBenchResult('printer-job', {
  certificate: { bytes: certificate.bytes.length, qrTextChars: certificate.qrText.length },
  certificateEncodeMs: stats(encodeSamples),
  statusRoundTripOverPtyMs: stats(statusSamples),
  certificateJobEndToEndMs: { ...stats(jobSamples), ticketsPrinted },
  virtualPrinterDecodeMs: stats(decodeSamples),
  virtualPrinterRenderPngMs: stats(renderSamples),
  virtualPrinterDecodeAndRenderMs: stats(bothSamples),
  notes: 'status = DLE EOT 1..4 in one write, four bytes back; job = line chunks with a status poll between each, then GS ( H and its answer; pty ignores baud rate, so serial line time is not included',
});
