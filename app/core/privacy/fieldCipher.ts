import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Encrypts personal fields before they are stored (AES-256-GCM, random IV, authenticated). */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

const VERSION = 'v1';

/**
 * The key comes from $KIOSK_DATA_KEY (64 hex chars) when set — the production path, provisioned by the
 * hall's device management — otherwise from a key file created once with owner-only permissions.
 */
export function createFieldCipher(options: { keyFile: string; keyHex?: string | undefined }): FieldCipher {
  const key = loadOrCreateKey(options.keyFile, options.keyHex ?? process.env.KIOSK_DATA_KEY);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed field');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

function loadOrCreateKey(keyFile: string, keyHex: string | undefined): Buffer {
  if (keyHex) {
    if (!/^[0-9a-fA-F]{64}$/.test(keyHex)) throw new Error('KIOSK_DATA_KEY must be 64 hexadecimal characters');
    return Buffer.from(keyHex, 'hex');
  }
  if (existsSync(keyFile)) {
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
    if (key.length !== 32) throw new Error(`data key file ${keyFile} is not a 32-byte hex key`);
    return key;
  }
  mkdirSync(path.dirname(keyFile), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(keyFile, key.toString('hex'), { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  return key;
}
