import { createPublicKey, type KeyObject } from 'node:crypto';

/**
 * The issuers' verification keys as the 人社 bureau publishes them: `{ "<keyId>": "<PEM public key>" }`.
 * Only Ed25519 keys are accepted, so a wrong file fails here rather than as "bad signature" later.
 */
export function publicKeyRingFromPem(keys: Readonly<Record<string, string>>): Map<string, KeyObject> {
  const ring = new Map<string, KeyObject>();
  for (const [keyId, pem] of Object.entries(keys)) {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new TypeError(`key ${keyId} is ${key.asymmetricKeyType}, not Ed25519`);
    ring.set(keyId, key);
  }
  return ring;
}

/** The PEM (SPKI) text to publish for a hall's signing key. */
export function publicKeyPem(key: KeyObject): string {
  return (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'pem' }).toString();
}
