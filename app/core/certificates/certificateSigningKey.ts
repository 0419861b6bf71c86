import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CertificateSigningKey {
  /** Short id printed in the QR so a verifier knows which public key to use. */
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** The key id: the first 8 bytes of the SHA-256 of the public key's DER form, hex. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/**
 * The hall's Ed25519 certificate-signing key, created once in the kiosk's data folder (private key readable
 * by the owner only). Its public key is also written to `certificate-keys/<keyId>.pem`, the folder of keys
 * `kiosk verify-certificate` trusts; a hall publishes the same PEM files so anyone can verify offline.
 */
export function loadOrCreateSigningKey(dataDir: string): CertificateSigningKey {
  const privateFile = path.join(dataDir, 'certificate-signing.key');
  let privateKey: KeyObject;
  if (existsSync(privateFile)) {
    privateKey = createPrivateKey(readFileSync(privateFile, 'utf8'));
  } else {
    mkdirSync(dataDir, { recursive: true });
    privateKey = generateKeyPairSync('ed25519').privateKey;
    writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    chmodSync(privateFile, 0o600);
  }
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  const publicDir = path.join(dataDir, 'certificate-keys');
  const publicFile = path.join(publicDir, `${keyId}.pem`);
  if (!existsSync(publicFile)) {
    mkdirSync(publicDir, { recursive: true });
    writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  }
  return { keyId, privateKey, publicKey };
}

/** Public keys trusted for verification: every `*.pem` in the folder, by key id. */
export function loadTrustedPublicKeys(dir: string): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  if (!existsSync(dir)) return keys;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.pem'))) {
    const key = createPublicKey(readFileSync(path.join(dir, file), 'utf8'));
    keys.set(keyIdOf(key), key);
  }
  return keys;
}
