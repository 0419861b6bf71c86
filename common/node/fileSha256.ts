import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

const known = new Map<string, string>();

/**
 * sha256 of a file, streamed (a speech encoder is 70 MB). Remembered per path, size and modification time, so a
 * model shared by two manifest entries, or checked again by the diagnostics screen, is hashed once.
 */
export async function fileSha256(file: string): Promise<string> {
  const info = await stat(file);
  const key = `${file}\u0000${info.size}\u0000${info.mtimeMs}`;
  const cached = known.get(key);
  if (cached) return cached;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  const digest = hash.digest('hex');
  known.set(key, digest);
  return digest;
}
