import { verify, type KeyObject } from 'node:crypto';
import { decodeCertificatePayload, type CertificateQrFields } from './certificatePayload.js';
import { QR_PREFIX } from './signCertificateQr.js';
import { verificationCodeFor } from './verificationCode.js';

export type CertificateVerificationFailure = 'malformed' | 'unsupported-version' | 'unknown-key' | 'bad-signature' | 'invalid-payload';

export interface CertificateVerification {
  valid: boolean;
  /** What the QR code states; present (but not to be trusted) even when the signature fails, null if unreadable. */
  fields: CertificateQrFields | null;
  reason?: CertificateVerificationFailure;
  keyId?: string;
  /** Must equal the code printed on the certificate. */
  verificationCode?: string;
}

export type PublicKeyRing = ReadonlyMap<string, KeyObject> | Readonly<Record<string, KeyObject>>;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** One text per byte string: a QR that differs from the signed one in any character is not accepted. */
function isCanonicalBase64url(text: string): boolean {
  return BASE64URL.test(text) && Buffer.from(text, 'base64url').toString('base64url') === text;
}

function lookup(keys: PublicKeyRing, keyId: string): KeyObject | undefined {
  if (keys instanceof Map) return keys.get(keyId);
  return Object.prototype.hasOwnProperty.call(keys, keyId) ? (keys as Record<string, KeyObject>)[keyId] : undefined;
}

function signatureMatches(signed: string, signature: Buffer, key: KeyObject): boolean {
  if (signature.length !== 64) return false;
  try {
    return verify(null, Buffer.from(signed, 'ascii'), key, signature);
  } catch {
    return false; // not an Ed25519 public key, or a key of the wrong type
  }
}

/**
 * Checks a scanned certificate QR offline against the issuers' Ed25519 public keys. Never throws: any
 * input yields `{ valid, fields, reason }`.
 */
export function verifyCertificateQr(qrText: string, publicKeys: PublicKeyRing): CertificateVerification {
  if (typeof qrText !== 'string' || qrText.length > 8192) return { valid: false, fields: null, reason: 'malformed' };
  const parts = qrText.trim().split('.');
  if (parts.length !== 4) return { valid: false, fields: null, reason: 'malformed' };
  const [prefix, keyId, payload, signatureText] = parts as [string, string, string, string];
  if (prefix !== QR_PREFIX) return { valid: false, fields: null, reason: prefix.startsWith('RSCERT') ? 'unsupported-version' : 'malformed' };
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(keyId) || !isCanonicalBase64url(payload) || !isCanonicalBase64url(signatureText)) {
    return { valid: false, fields: null, reason: 'malformed' };
  }
  const fields = decodeCertificatePayload(Buffer.from(payload, 'base64url').toString('utf8')) ?? null;
  const signature = Buffer.from(signatureText, 'base64url');
  const verificationCode = verificationCodeFor(signature);
  const key = lookup(publicKeys, keyId);
  if (!key) return { valid: false, fields, reason: 'unknown-key', keyId, verificationCode };
  if (!signatureMatches(`${prefix}.${keyId}.${payload}`, signature, key)) return { valid: false, fields, reason: 'bad-signature', keyId, verificationCode };
  if (!fields) return { valid: false, fields: null, reason: 'invalid-payload', keyId, verificationCode };
  return { valid: true, fields, keyId, verificationCode };
}
