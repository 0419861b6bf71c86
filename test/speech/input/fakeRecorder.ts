import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes an executable named like a recorder (arecord by default) into `dir`: a small node script that streams a
 * 16 kHz mono 16-bit WAV's samples to stdout as raw PCM, 20 ms every 20 ms, then silence until it is killed, as a
 * microphone would. It records its arguments to `<dir>/<name>.args.json`. FAKE_RECORDER_MODE:
 * - "stream" (default);
 * - "die-once": the first run streams FAKE_RECORDER_DIE_AFTER_MS (default 1000) and exits with code 1 and an
 *   ALSA-like message; later runs stream;
 * - "hang": writes nothing and never exits.
 */
export function installFakeRecorder(dir: string, name = 'arecord'): string {
  const file = path.join(dir, name);
  const script = `#!${process.execPath}
const fs = require('node:fs');
const path = require('node:path');
const dir = ${JSON.stringify(dir)};
fs.writeFileSync(path.join(dir, ${JSON.stringify(`${name}.args.json`)}), JSON.stringify(process.argv.slice(2)));
const mode = process.env.FAKE_RECORDER_MODE || 'stream';
if (mode === 'hang') { setInterval(() => {}, 1000); return; }
const wav = fs.readFileSync(process.env.FAKE_RECORDER_WAV);
let at = 12, pcm = Buffer.alloc(0);
while (at + 8 <= wav.length) {
  const id = wav.toString('ascii', at, at + 4), size = wav.readUInt32LE(at + 4);
  if (id === 'data') { pcm = wav.subarray(at + 8, Math.min(wav.length, at + 8 + size)); break; }
  at += 8 + size + (size % 2);
}
const marker = path.join(dir, 'died-once');
const dieAfter = mode === 'die-once' && !fs.existsSync(marker) ? 32 * Number(process.env.FAKE_RECORDER_DIE_AFTER_MS || 1000) : Infinity;
const chunk = 640; // 20 ms
const started = Date.now();
let sent = 0;
function tick() {
  const due = Math.floor((Date.now() - started) / 20) + 1;
  while (sent / chunk < due) {
    if (sent >= dieAfter) {
      fs.writeFileSync(marker, '');
      process.stderr.write('arecord: pcm_read:2221: read error: Input/output error\\n');
      process.exit(1);
    }
    const piece = sent < pcm.length ? pcm.subarray(sent, sent + chunk) : Buffer.alloc(chunk);
    process.stdout.write(piece.length === chunk ? piece : Buffer.concat([piece, Buffer.alloc(chunk - piece.length)]));
    sent += chunk;
  }
  setTimeout(tick, 20 - ((Date.now() - started) % 20));
}
process.on('SIGTERM', () => process.exit(0));
tick();
`;
  writeFileSync(file, script);
  chmodSync(file, 0o755);
  return file;
}
