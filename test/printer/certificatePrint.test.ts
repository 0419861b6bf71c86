import jsQRModule from 'jsqr';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { socatAvailable } from '../../app/core/devices/socatPtyPair.js';
import { encodeCertificate } from '../../printer/certificate/encodeCertificate.js';
import { verifyCertificateQr } from '../../printer/certificate/verifyCertificateQr.js';
import { lineText } from '../../printer/simulator/ticket.js';
import { until } from '../testDeadline.js';
import { KEY_ID, sampleCertificate, signingKeys, startPrinterRig, tempDir, type PrinterRig } from './fixtures/printerFixtures.js';

// jsqr is CommonJS with an `exports.default`; under NodeNext its default import is the module object.
const jsQR = jsQRModule.default;
const keys = signingKeys();
const ring = new Map([[KEY_ID, keys.publicKey]]);
const signer = { privateKey: keys.privateKey, keyId: KEY_ID };

function decodeQrFromPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(pixels, image.width, image.height)?.data;
}

describe.skipIf(!socatAvailable())(`a certificate printed on the virtual printer and read back${socatAvailable() ? '' : ' (skipped: socat is not installed; apt-get install socat)'}`, () => {
  let rig: PrinterRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('prints every field, the masked ID, the table and a QR code whose signature verifies', async () => {
    const outputDir = tempDir('printer-out-');
    rig = await startPrinterRig({ printer: { outputDir } });
    const certificate = encodeCertificate(sampleCertificate(), signer);

    await expect(rig.client.printJob('cert-1', certificate.bytes)).resolves.toBe('done');
    const [ticket] = rig.printer.tickets();
    expect(rig.printer.tickets()).toHaveLength(1);
    expect(ticket!.cut).toBe('partial');

    const lines = ticket!.lines.map(lineText).map((l) => l.trim());
    for (const expected of [
      '社会保险参保证明',
      '证明编号：QD370202202605070001',
      '姓\u3000\u3000名：张秀英',
      '身份证号：3702**********1234',
      '打印网点：青岛市市南区人力资源和社会保障服务大厅',
      '网点编码：370202-01',
      '打印时间：2026-05-07 14:03',
      `验证码：${certificate.verificationCode}`,
    ]) {
      expect(lines).toContain(expected);
    }
    expect(ticket!.text).not.toContain('370202199001011234');
    // the title is printed bold, double width and height, centred
    const title = ticket!.lines.find((l) => lineText(l) === '社会保险参保证明');
    expect(title).toMatchObject({ kind: 'text', align: 'center', segments: [{ bold: true, widthScale: 2, heightScale: 2 }] });

    const rows = lines.filter((l) => /\d{4}-\d{2}至/.test(l)).map((l) => l.split(/\s+/));
    expect(rows).toEqual([
      ['养老保险', '参保缴费', '2010-07至2015-12', '190'],
      ['2016-03至今'],
      ['医疗保险', '参保缴费', '2010-07至今', '190'],
      ['失业保险', '暂停缴费', '2010-07至2020-01', '115'],
      ['工伤保险', '参保缴费', '2012-01至今', '170'],
      ['生育保险', '终止参保', '2010-07至2019-12', '114'],
    ]);

    // The QR payload as the printer received it (GS ( k store) …
    expect(ticket!.qrPayloads).toEqual([certificate.qrText]);
    const fromBytes = verifyCertificateQr(ticket!.qrPayloads[0]!, ring);
    expect(fromBytes.valid).toBe(true);
    expect(fromBytes.verificationCode).toBe(certificate.verificationCode);
    expect(fromBytes.fields).toMatchObject({ citizenName: '张秀英', maskedIdNumber: '3702**********1234', certificateNumber: 'QD370202202605070001' });

    // … and as a phone would read it off the paper: decoded from the rendered PNG.
    const png = ticket!.png();
    const image = PNG.sync.read(png);
    expect(image.width).toBe(576);
    const scanned = decodeQrFromPng(png);
    expect(scanned).toBe(certificate.qrText);
    expect(verifyCertificateQr(scanned!, ring)).toMatchObject({ valid: true, fields: fromBytes.fields });

    // A tampered copy of what was scanned does not verify.
    const [prefix, kid, payload, signature] = scanned!.split('.');
    const forged = Buffer.from(Buffer.from(payload!, 'base64url').toString('utf8').replace('张秀英', '李秀英')).toString('base64url');
    expect(verifyCertificateQr([prefix, kid, forged, signature].join('.'), ring)).toMatchObject({ valid: false, reason: 'bad-signature' });

    // The printer also wrote the ticket to its output directory (after answering, so a moment later).
    await until(() => existsSync(path.join(outputDir, 'ticket-001.png')), 'the ticket files');
    expect(readFileSync(path.join(outputDir, 'ticket-001.txt'), 'utf8')).toContain('身份证号：3702**********1234');
    expect(existsSync(path.join(outputDir, 'ticket-001.png'))).toBe(true);
  });

  it('prints every period of a long history on paper and a scannable, summarised QR code', async () => {
    rig = await startPrinterRig();
    const periods = Array.from({ length: 24 }, (_, i) => ({ from: `${2000 + i}-01`, to: `${2000 + i}-10` }));
    const content = sampleCertificate({
      insurances: (['pension', 'medical', 'unemployment', 'workInjury', 'maternity'] as const).map((type) => ({ type, status: 'contributing' as const, periods, contributionMonths: 240 })),
    });
    const certificate = encodeCertificate(content, signer);
    await expect(rig.client.printJob('cert-long', certificate.bytes)).resolves.toBe('done');
    const [ticket] = rig.printer.tickets();
    expect(ticket!.lines.filter((l) => /\d{4}-\d{2}至\d{4}-\d{2}/.test(lineText(l)))).toHaveLength(5 * 24);
    const scanned = decodeQrFromPng(ticket!.png());
    expect(verifyCertificateQr(scanned!, ring)).toMatchObject({ valid: true, fields: { periodsSummarized: true } });
  });

  it('prints a name with a character outside GBK as an image line, and the QR still carries the name', async () => {
    rig = await startPrinterRig();
    const certificate = encodeCertificate(sampleCertificate({ citizen: { name: '王㛃', idNumber: '37020219851212002X' } }), signer);
    await expect(rig.client.printJob('cert-rare', certificate.bytes)).resolves.toBe('done');
    const [ticket] = rig.printer.tickets();
    const images = ticket!.lines.filter((l) => l.kind === 'image');
    expect(images).toHaveLength(1);
    expect(ticket!.text).not.toContain('王㛃'); // not as printer-font text …
    expect(ticket!.text).toContain('身份证号：3702**********002X');
    const verified = verifyCertificateQr(decodeQrFromPng(ticket!.png())!, ring);
    expect(verified).toMatchObject({ valid: true, fields: { citizenName: '王㛃' } }); // … but signed and scannable
  });
});
