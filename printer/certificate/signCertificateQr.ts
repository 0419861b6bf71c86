import { sign, type KeyObject } from 'node:crypto';
import type { CertificateContent } from './certificateContent.js';
import { certificateQrFields, encodeCertificatePayload, type CertificateQrFields } from './certificatePayload.js';
import { verificationCodeFor } from './verificationCode.js';

export const QR_PREFIX = 'RSCERT1';

/**
 * Up to this many characters the QR code lists every insurance period (about version 22 at level M,
 * 105 modules: 420 dots at 4 dots a module, easy for a phone). A longer history is summarised per insurance.
 */
export const MAX_DETAILED_QR_TEXT = 1000;

export interface CertificateSigner {
  /** Ed25519 private key of the issuing hall (or its kiosk), held by the caller. */
  privateKey: KeyObject;
  /** Names the public key a verifier must use: letters, digits, '_' and '-', at most 32. */
  keyId: string;
}

export interface SignedCertificateQr {
  qrText: string;
  verificationCode: string;
  fields: CertificateQrFields;
}

/**
 * `RSCERT1.<keyId>.<base64url payload>.<base64url signature>`, where the Ed25519 signature covers the
 * ASCII text before the last dot — prefix, key id and payload together, so none of them can be swapped.
 * A history too long for a comfortable QR code is signed with each insurance's periods summarised.
 */
export function signCertificateQr(content: CertificateContent, signer: CertificateSigner): SignedCertificateQr {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(signer.keyId)) throw new RangeError('keyId must be 1–32 characters of [A-Za-z0-9_-]');
  if (signer.privateKey.asymmetricKeyType !== 'ed25519' || signer.privateKey.type !== 'private') throw new TypeError('certificates are signed with an Ed25519 private key');
  const full = signFields(certificateQrFields(content), signer);
  if (full.qrText.length <= MAX_DETAILED_QR_TEXT) return full;
  return signFields(certificateQrFields(content, { summarizePeriods: true }), signer);
}

function signFields(fields: CertificateQrFields, signer: CertificateSigner): SignedCertificateQr {
  const payload = Buffer.from(encodeCertificatePayload(fields), 'utf8').toString('base64url');
  const signed = `${QR_PREFIX}.${signer.keyId}.${payload}`;
  const signature = sign(null, Buffer.from(signed, 'ascii'), signer.privateKey);
  return { qrText: `${signed}.${signature.toString('base64url')}`, verificationCode: verificationCodeFor(signature), fields };
}
