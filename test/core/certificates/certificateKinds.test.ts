import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CertificateInsurance } from '../../../app/core/backend/backendTypes.js';
import { insuranceInPeriod } from '../../../app/core/certificates/certificateDocument.js';
import type { CertificateContent } from '../../../printer/certificate/certificateContent.js';
import { describeCertificateVerification } from '../../../printer/certificate/describeCertificateVerification.js';
import { encodeCertificate } from '../../../printer/certificate/encodeCertificate.js';
import { verifyCertificateQr } from '../../../printer/certificate/verifyCertificateQr.js';

const keys = generateKeyPairSync('ed25519');
const signer = { privateKey: keys.privateKey, keyId: 'qd-hall-2026' };
const ring = new Map([['qd-hall-2026', keys.publicKey]]);

const base: CertificateContent = {
  certificateNumber: 'QD-20250314-ABCDEF',
  hall: { code: 'QD-SN-01', name: '青岛市市南区人力资源和社会保障局服务大厅' },
  citizen: { name: '李志强', idNumber: '3702**********0177' },
  insurances: [{ type: 'pension', status: 'contributing', periods: [{ from: '2022-04', to: '2025-02' }], contributionMonths: 35 }],
  printedAt: new Date('2025-03-14T02:00:00Z'),
};

const payloadOf = (qrText: string) => JSON.parse(Buffer.from(qrText.split('.')[2]!, 'base64url').toString('utf8')) as Record<string, unknown>;

/** The QR text of a payload signed as the kiosk would: a verifier judges its content, not its signature. */
function signedPayload(payload: Record<string, unknown>): string {
  const signed = `RSCERT1.qd-hall-2026.${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
  return `${signed}.${sign(null, Buffer.from(signed, 'ascii'), keys.privateKey).toString('base64url')}`;
}

describe('certificate kinds on paper and in the QR code', () => {
  it('keeps a 参保证明 of every insurance and the whole record as payload version 1, as before kinds', () => {
    const plain = encodeCertificate(base, signer);
    expect(payloadOf(plain.qrText)).toMatchObject({ v: 1 });
    expect(Object.keys(payloadOf(plain.qrText))).not.toContain('dk');
    const verified = verifyCertificateQr(plain.qrText, ring);
    expect(verified.valid).toBe(true);
    expect(verified.fields).not.toHaveProperty('documentKind');
    expect(describeCertificateVerification(verified)).toContain('证明种类：社会保险参保证明');
  });

  it('signs the kind, one insurance, the months and the payments as version 2, which a version-1 reader cannot mistake', () => {
    const single = encodeCertificate({ ...base, documentKind: 'certificate', scope: 'pension', coverage: { from: '2022-04', to: '2025-03' } }, signer);
    expect(payloadOf(single.qrText)).toMatchObject({ v: 2, sc: '110', cv: '202204-202503' });
    expect(verifyCertificateQr(single.qrText, ring)).toMatchObject({ valid: true, fields: { scope: 'pension', coverage: { from: '2022-04', to: '2025-03' } } });
    expect(describeCertificateVerification(verifyCertificateQr(single.qrText, ring))).toContain('证明种类：养老保险参保证明');

    const none = encodeCertificate({ ...base, insurances: [], documentKind: 'not-insured' }, signer);
    expect(payloadOf(none.qrText)).toMatchObject({ v: 2, dk: 'n', ins: [] });
    expect(describeCertificateVerification(verifyCertificateQr(none.qrText, ring))).toEqual(expect.arrayContaining(['证明种类：未参保证明', '证明时段：全部参保记录', '没有参保缴费记录']));

    // One form per content: kind keys under version 1, or version 2 without them, are not a certificate.
    const { v: _v, ...rest } = payloadOf(none.qrText);
    expect(verifyCertificateQr(signedPayload({ v: 1, ...rest }), ring)).toMatchObject({ valid: false, reason: 'invalid-payload' });
    expect(verifyCertificateQr(signedPayload({ ...payloadOf(encodeCertificate(base, signer).qrText), v: 2 }), ring)).toMatchObject({ valid: false, reason: 'invalid-payload' });
    expect(verifyCertificateQr(signedPayload({ ...payloadOf(none.qrText), dk: 'x' }), ring)).toMatchObject({ valid: false, reason: 'invalid-payload' });
    expect(verifyCertificateQr(signedPayload({ ...payloadOf(single.qrText), pm: [['110', '12', '3.00']] }), ring)).toMatchObject({ valid: false, reason: 'invalid-payload' });

    // Changing the kind in a signed QR breaks its signature.
    const parts = none.qrText.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payloadOf(none.qrText), dk: 'r' }), 'utf8').toString('base64url');
    expect(verifyCertificateQr([parts[0], parts[1], forged, parts[3]].join('.'), ring)).toMatchObject({ valid: false, reason: 'bad-signature' });
  });

  it('refuses to lay out a paper whose contents contradict its kind', () => {
    expect(() => encodeCertificate({ ...base, documentKind: 'not-insured' }, signer)).toThrow(/未参保证明 lists no insurance/);
    expect(() => encodeCertificate({ ...base, insurances: [] }, signer)).toThrow(/at least one insurance/);
    expect(() => encodeCertificate({ ...base, scope: 'medical' }, signer)).toThrow(/only that insurance/);
    expect(() => encodeCertificate({ ...base, payments: [{ type: 'pension', personal: '1.00', employer: '2.00' }] }, signer)).toThrow(/个人权益记录单 only/);
    expect(() => encodeCertificate({ ...base, coverage: { from: '2025-03', to: '2022-04' } }, signer)).toThrow(/coverage/);
  });
});

describe('an insurance in a period', () => {
  const pension: CertificateInsurance = {
    type: '养老',
    status: '参保缴费',
    startPeriod: '2008-07',
    endPeriod: null,
    contributionMonths: 200,
    periods: [
      { from: '2008-07', to: '2015-12', months: 90, payer: '甲公司' },
      { from: '2016-01', to: '2025-02', months: 110, payer: '乙公司' },
    ],
  };

  it('cuts each unbroken run to the period and counts its months there', () => {
    expect(insuranceInPeriod(pension, { label: '2015年到2016年', from: '2015-01', to: '2016-12' }, '2025-03')).toMatchObject({
      contributionMonths: 24,
      periods: [
        { from: '2015-01', to: '2015-12', months: 12, payer: '甲公司' },
        { from: '2016-01', to: '2016-12', months: 12, payer: '乙公司' },
      ],
    });
    expect(insuranceInPeriod(pension, { label: '全部', from: null, to: null }, '2025-03')).toBe(pension);
    expect(insuranceInPeriod(pension, { label: '2000年到2005年', from: '2000-01', to: '2005-12' }, '2025-03')).toBeNull();
  });

  it('shows an enrolment without contributions by its span in the period', () => {
    const fresh: CertificateInsurance = { type: '医疗', status: '参保缴费', startPeriod: '2025-02', endPeriod: null, contributionMonths: 0, periods: [] };
    expect(insuranceInPeriod(fresh, { label: '近一年', from: '2024-04', to: '2025-03' }, '2025-03')).toMatchObject({ startPeriod: '2025-02', endPeriod: '2025-03', contributionMonths: 0 });
    expect(insuranceInPeriod(fresh, { label: '去年', from: '2024-01', to: '2024-12' }, '2025-03')).toBeNull();
  });
});
