import { createHash } from 'node:crypto';

// Crockford base32: no I, L, O, U — nothing a person can misread when typing the code.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The short code printed above the QR (`XXXX-XXXX-XXXX`): 60 bits of SHA-256 over the signature, so the
 * printed code and the QR code vouch for each other and the code can be quoted over the phone.
 */
export function verificationCodeFor(signature: Uint8Array): string {
  const digest = createHash('sha256').update(signature).digest();
  let bits = 0n;
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(digest[i]!);
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[Number((bits >> BigInt(64 - 5 * (i + 1))) & 31n)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
