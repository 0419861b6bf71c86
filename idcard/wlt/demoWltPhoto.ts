// The simulator's demo cards cannot carry a real WLT photo (it can only be made with the licensed encoder), and a
// JPEG does not fit in 1024 bytes. So their photo field holds a marker instead:
//   0..15   "KIOSK-DEMO-WLT" NUL 0x01 (version)
//   16      length n of the card id (1..64)
//   17..    the card id, ASCII
//   rest    zero, except the last byte: XOR of bytes 0..1022
// demoWltDecoder turns a marker into the photo supplied for that card id; nothing else decodes it, and it decodes
// nothing else.

import { WLT_LENGTH } from './wltDecoder.js';

const MAGIC = Buffer.from('KIOSK-DEMO-WLT\u0000\u0001', 'latin1');
const MAX_ID_LENGTH = 64;

export function encodeDemoWlt(cardId: string): Uint8Array {
  if (!/^[\x21-\x7e]{1,64}$/.test(cardId)) throw new RangeError(`demo card id must be 1–${MAX_ID_LENGTH} printable ASCII characters`);
  const bytes = new Uint8Array(WLT_LENGTH);
  bytes.set(MAGIC, 0);
  bytes[MAGIC.length] = cardId.length;
  bytes.set(Buffer.from(cardId, 'latin1'), MAGIC.length + 1);
  let check = 0;
  for (let i = 0; i < WLT_LENGTH - 1; i++) check ^= bytes[i]!;
  bytes[WLT_LENGTH - 1] = check;
  return bytes;
}

/** The card id of a demo marker, or null when the block is not one (a real WLT photo, or anything else). */
export function demoWltCardId(bytes: Uint8Array): string | null {
  if (bytes.length !== WLT_LENGTH) return null;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return null;
  const n = bytes[MAGIC.length]!;
  if (n < 1 || n > MAX_ID_LENGTH) return null;
  let check = 0;
  for (let i = 0; i < WLT_LENGTH - 1; i++) check ^= bytes[i]!;
  if (check !== bytes[WLT_LENGTH - 1]) return null;
  for (let i = MAGIC.length + 1 + n; i < WLT_LENGTH - 1; i++) if (bytes[i] !== 0) return null;
  const id = Buffer.from(bytes.subarray(MAGIC.length + 1, MAGIC.length + 1 + n)).toString('latin1');
  return /^[\x21-\x7e]+$/.test(id) ? id : null;
}
