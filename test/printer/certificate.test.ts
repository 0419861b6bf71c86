import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeCertificatePayload } from '../../printer/certificate/certificatePayload.js';
import { encodeCertificate } from '../../printer/certificate/encodeCertificate.js';
import { describeCertificateVerification } from '../../printer/certificate/describeCertificateVerification.js';
import { publicKeyPem, publicKeyRingFromPem } from '../../printer/certificate/publicKeyRing.js';
import { signCertificateQr } from '../../printer/certificate/signCertificateQr.js';
import { verifyCertificateQr } from '../../printer/certificate/verifyCertificateQr.js';
import { KEY_ID, sampleCertificate, signingKeys } from './fixtures/printerFixtures.js';

const keys = signingKeys();
const ring = { [KEY_ID]: keys.publicKey };
const signer = { privateKey: keys.privateKey, keyId: KEY_ID };

function replacePayload(qrText: string, mutate: (json: Record<string, unknown>) => void): string {
  const [prefix, kid, payload, signature] = qrText.split('.');
  const json = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  mutate(json);
  return [prefix, kid, Buffer.from(JSON.stringify(json), 'utf8').toString('base64url'), signature].join('.');
}

describe('certificate QR signature', () => {
  const signed = signCertificateQr(sampleCertificate(), signer);

  it('has the documented shape and verifies with the issuer key', () => {
    expect(signed.qrText).toMatch(/^RSCERT1\.qd-hall-2026\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    const result = verifyCertificateQr(signed.qrText, ring);
    expect(result).toMatchObject({ valid: true, keyId: KEY_ID, verificationCode: signed.verificationCode });
    expect(result.fields).toEqual({
      certificateNumber: 'QD370202202605070001',
      hallCode: '370202-01',
      hallName: '青岛市市南区人力资源和社会保障服务大厅',
      citizenName: '张秀英',
      maskedIdNumber: '3702**********1234',
      insurances: sampleCertificate().insurances,
      printedAt: '2026-05-07T14:03:09+08:00',
      periodsSummarized: false,
    });
    expect(signed.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('never puts the full ID number in the QR code', () => {
    expect(Buffer.from(signed.qrText.split('.')[2]!, 'base64url').toString('utf8')).not.toContain('370202199001011234');
  });

  it('rejects a tampered payload and still shows what it claims', () => {
    const tampered = replacePayload(signed.qrText, (json) => {
      (json.ins as unknown[][])[0]![3] = 250; // more contribution months
    });
    const result = verifyCertificateQr(tampered, ring);
    expect(result).toMatchObject({ valid: false, reason: 'bad-signature' });
    expect(result.fields?.insurances[0]?.contributionMonths).toBe(250);
  });

  it('rejects another key, an unknown key id, a swapped key id and garbage', () => {
    const other = generateKeyPairSync('ed25519');
    expect(verifyCertificateQr(signed.qrText, { [KEY_ID]: other.publicKey })).toMatchObject({ valid: false, reason: 'bad-signature' });
    expect(verifyCertificateQr(signed.qrText, new Map())).toMatchObject({ valid: false, reason: 'unknown-key' });
    const swapped = signed.qrText.replace(`.${KEY_ID}.`, '.other-key.');
    expect(verifyCertificateQr(swapped, { 'other-key': keys.publicKey })).toMatchObject({ valid: false, reason: 'bad-signature' });
    expect(verifyCertificateQr('RSCERT2.a.b.c', ring)).toMatchObject({ valid: false, reason: 'unsupported-version', fields: null });
    for (const garbage of ['', 'hello', 'RSCERT1...', 'RSCERT1.k.!!.??', `${signed.qrText}.extra`]) {
      expect(verifyCertificateQr(garbage, ring)).toMatchObject({ valid: false, reason: 'malformed' });
    }
    // An RSA key in the ring does not make verification throw.
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(verifyCertificateQr(signed.qrText, { [KEY_ID]: rsa.publicKey })).toMatchObject({ valid: false, reason: 'bad-signature' });
  });

  it('rejects every single-character change of the QR text', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < signed.qrText.length; i += 3) {
      const original = signed.qrText[i]!;
      const replacement = original === '.' ? 'A' : alphabet[(alphabet.indexOf(original) + 1) % alphabet.length]!;
      const mutated = signed.qrText.slice(0, i) + replacement + signed.qrText.slice(i + 1);
      expect(verifyCertificateQr(mutated, ring).valid, `position ${i}`).toBe(false);
    }
  });

  it('rejects a payload that is well signed but not a certificate', () => {
    const kid = KEY_ID;
    const payload = Buffer.from('{"v":1}', 'utf8').toString('base64url');
    const signedText = `RSCERT1.${kid}.${payload}`;
    const sig = sign(null, Buffer.from(signedText, 'ascii'), keys.privateKey).toString('base64url');
    expect(verifyCertificateQr(`${signedText}.${sig}`, ring)).toMatchObject({ valid: false, reason: 'invalid-payload', fields: null });
  });

  it('uses the compact payload documented in docs/printer.md', () => {
    const json = JSON.parse(encodeCertificatePayload(signed.fields)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['v', 'no', 'hc', 'hn', 'nm', 'id', 'ins', 'at']);
    expect(json.ins).toEqual([
      ['110', 1, '201007-201512,201603-', 190],
      ['310', 1, '201007-', 190],
      ['210', 2, '201007-202001', 115],
      ['410', 1, '201201-', 170],
      ['510', 3, '201007-201912', 114],
    ]);
  });
});

describe('what the business system sends', () => {
  it('accepts an ID number that arrives already masked, and signs the online verification code', () => {
    const content = sampleCertificate({ citizen: { name: '张秀英', idNumber: '3702**********1234' }, onlineVerificationCode: 'QDRS-8F3K-22XQ' });
    const encoded = encodeCertificate(content, signer);
    const result = verifyCertificateQr(encoded.qrText, ring);
    expect(result).toMatchObject({ valid: true, fields: { maskedIdNumber: '3702**********1234', onlineVerificationCode: 'QDRS-8F3K-22XQ' } });
    expect(() => encodeCertificate(sampleCertificate({ citizen: { name: '张秀英', idNumber: '3702*********11234' } }), signer)).toThrow();
  });

  it('summarises a long insurance history in the QR code so it stays easy to scan', () => {
    const periods = Array.from({ length: 24 }, (_, i) => ({ from: `${2000 + i}-01`, to: `${2000 + i}-10` }));
    const content = sampleCertificate({
      insurances: (['pension', 'medical', 'unemployment', 'workInjury', 'maternity'] as const).map((type) => ({ type, status: 'contributing' as const, periods, contributionMonths: 240 })),
    });
    const signed = signCertificateQr(content, signer);
    expect(signed.qrText.length).toBeLessThanOrEqual(1000);
    const result = verifyCertificateQr(signed.qrText, ring);
    expect(result.valid).toBe(true);
    expect(result.fields?.periodsSummarized).toBe(true);
    expect(result.fields?.insurances[0]?.periods).toEqual([{ from: '2000-01', to: '2023-10' }]);
    expect(describeCertificateVerification(result)).toContain('（参保期间为汇总：每个险种只列最早起始与最晚截止年月，明细见纸面）');
    // the short history of the sample certificate is listed in full
    expect(verifyCertificateQr(signCertificateQr(sampleCertificate(), signer).qrText, ring).fields?.periodsSummarized).toBe(false);
  });
});

describe('publishing keys and reporting a check', () => {
  it('verifies with a key ring read back from published PEM text, and refuses non-Ed25519 keys', () => {
    const signed = signCertificateQr(sampleCertificate(), signer);
    const published = { [KEY_ID]: publicKeyPem(keys.privateKey) };
    expect(published[KEY_ID]).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(verifyCertificateQr(signed.qrText, publicKeyRingFromPem(published)).valid).toBe(true);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => publicKeyRingFromPem({ x: publicKeyPem(rsa.publicKey) })).toThrow(TypeError);
  });

  it('describes the result in Chinese, marking unverified content as such', () => {
    const signed = signCertificateQr(sampleCertificate(), signer);
    const ok = describeCertificateVerification(verifyCertificateQr(signed.qrText, ring));
    expect(ok[0]).toBe(`核验通过：证明由密钥 ${KEY_ID} 签发，内容未被改动。`);
    expect(ok).toContain('身份证号：3702**********1234');
    expect(ok).toContain('养老保险：参保缴费，2010-07至2015-12、2016-03至今，缴费 190 个月');
    const forged = describeCertificateVerification(verifyCertificateQr(replacePayload(signed.qrText, (j) => (j.nm = '李四')), ring));
    expect(forged[0]).toBe('核验失败：签名不符：证明内容被改动过或是伪造的。');
    expect(forged).toContain('以下为二维码中声称的内容，不能作为证明：');
    expect(describeCertificateVerification(verifyCertificateQr('nonsense', ring))).toEqual(['核验失败：这不是有效的参保证明二维码。']);
  });
});

describe('certificate content validation', () => {
  it('refuses to print a certificate with a malformed field', () => {
    expect(() => encodeCertificate(sampleCertificate({ citizen: { name: '张三', idNumber: '12345' } }), signer)).toThrow();
    expect(() => encodeCertificate(sampleCertificate({ insurances: [] }), signer)).toThrow();
    const badPeriod = sampleCertificate();
    badPeriod.insurances[0]!.periods[0]!.from = '2010-13';
    expect(() => encodeCertificate(badPeriod, signer)).toThrow();
  });

  it('refuses a key that is not an Ed25519 private key', () => {
    expect(() => signCertificateQr(sampleCertificate(), { privateKey: keys.publicKey, keyId: KEY_ID })).toThrow(TypeError);
    expect(() => signCertificateQr(sampleCertificate(), { ...signer, keyId: 'has.dot' })).toThrow(RangeError);
  });
});
