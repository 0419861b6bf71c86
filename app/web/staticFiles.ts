import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/** Only these kinds of files are served; anything else in the folder stays private. */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.task': 'application/octet-stream',
};

export type StaticLookup =
  | { status: 200; file: string; contentType: string; size: number }
  | { status: 403 | 404; reason: string };

/** Maps a request path to a file inside `rootDir`, refusing anything that would leave it. */
export async function lookUpStaticFile(rootDir: string, requestUrl: string): Promise<StaticLookup> {
  const pathname = new URL(requestUrl, 'http://kiosk.invalid').pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 404, reason: 'bad escape' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 403, reason: 'forbidden character' };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return { status: 403, reason: 'outside the renderer folder' };
  if (path.relative(root, file).split(path.sep).some((part) => part.startsWith('.'))) return { status: 403, reason: 'hidden file' };
  const contentType = contentTypes[path.extname(file).toLowerCase()];
  if (!contentType) return { status: 404, reason: 'type not served' };
  try {
    const info = await stat(file);
    if (!info.isFile()) return { status: 404, reason: 'not a file' };
    return { status: 200, file, contentType, size: info.size };
  } catch {
    return { status: 404, reason: 'no such file' };
  }
}

export function sendStaticFile(
  found: Extract<StaticLookup, { status: 200 }>,
  request: IncomingMessage,
  response: ServerResponse,
  extraHeaders: Record<string, string> = {},
): void {
  response.writeHead(200, { ...extraHeaders, 'Content-Type': found.contentType, 'Content-Length': String(found.size) });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(found.file)
    .on('error', () => response.destroy())
    .pipe(response);
}
