import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

const cache = new Map<string, string>();

/**
 * sha256 of a file, streamed (the production encoder is 70 MB). Remembered per path, size and modification time,
 * so a model shared by two manifest entries, or checked again by the diagnostics screen, is hashed once.
 */
export async function fileSha256(file: string): Promise<string> {
  const info = await stat(file);
  const key = `${file}\u0000${info.size}\u0000${info.mtimeMs}`;
  const known = cache.get(key);
  if (known) return known;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  const digest = hash.digest('hex');
  cache.set(key, digest);
  return digest;
}
