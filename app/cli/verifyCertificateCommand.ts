import path from 'node:path';
import { describeCertificateVerification } from '../../printer/certificate/describeCertificateVerification.js';
import { verifyCertificateQr } from '../../printer/certificate/verifyCertificateQr.js';
import { loadTrustedPublicKeys } from '../core/certificates/certificateSigningKey.js';
import { loadConfig, resolveFromRoot } from '../core/config/loadConfig.js';
import { parseCliArgs, UsageError } from './cliOptions.js';

/**
 * `kiosk verify-certificate "<qr text>" [--keys <folder of .pem>]`: checks a 参保证明's QR offline against the
 * published public keys (by default the kiosk's own `certificate-keys/`). Prints {"valid", "fields"}; exit 1 when
 * the signature does not verify.
 */
export async function verifyCertificateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(args, { keys: { type: 'string' } });
  const qrText = positionals.join(' ').trim();
  if (!qrText) throw new UsageError('give the QR text: kiosk verify-certificate "RSCERT1.…"');
  const { config } = loadConfig(values.config ? { file: values.config } : {});
  const keyDir = values.keys ? path.resolve(values.keys) : path.join(resolveFromRoot(config.dataDir), 'certificate-keys');
  const result = verifyCertificateQr(qrText, loadTrustedPublicKeys(keyDir));
  process.stdout.write(`${JSON.stringify({ valid: result.valid, fields: result.fields, ...(result.valid ? {} : { reason: result.reason }) })}\n`);
  for (const line of describeCertificateVerification(result)) process.stderr.write(`${line}\n`);
  return result.valid ? 0 : 1;
}
