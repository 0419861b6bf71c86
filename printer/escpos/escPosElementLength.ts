// How long the ESC/POS element starting at a byte is: a text run, a control byte, or a command with its
// parameters and data. Shared by the client (to cut jobs at line boundaries without splitting a command)
// and by the virtual printer's decoder. Unknown commands take their introducer and one byte, like most
// printers skip them.

/** More bytes are needed before the element's length is known. */
export const INCOMPLETE = -1;

/** NUL-terminated barcode data (GS k m ≤ 6) longer than this is malformed; skip just the command bytes. */
const MAX_NUL_TERMINATED = 255;

function declared16(buf: Uint8Array, at: number): number {
  return buf[at]! + buf[at + 1]! * 256;
}

/**
 * Length of the element at `offset`, which may exceed the bytes available (a QR store or raster image
 * announces its size up front), or INCOMPLETE. A text run (bytes ≥ 0x20) ends at the first control byte
 * or at the end of the buffer.
 */
export function elementLength(buf: Uint8Array, offset: number): number {
  const available = buf.length - offset;
  if (available <= 0) return INCOMPLETE;
  const first = buf[offset]!;
  if (first >= 0x20) {
    let end = offset + 1;
    while (end < buf.length && buf[end]! >= 0x20) end++;
    return end - offset;
  }
  if (first === 0x1b) return escLength(buf, offset, available);
  if (first === 0x1d) return gsLength(buf, offset, available);
  if (first === 0x1c) return fsLength(buf, offset, available);
  if (first === 0x10) return dleLength(buf, offset, available);
  return 1;
}

function escLength(buf: Uint8Array, o: number, available: number): number {
  if (available < 2) return INCOMPLETE;
  const c = buf[o + 1]!;
  switch (c) {
    case 0x40: // @ initialise
    case 0x32: // 2 default line spacing
    case 0x3c: // < return home
    case 0x69: // i full cut (legacy)
    case 0x6d: // m partial cut (legacy)
    case 0x0c: // FF in page mode
    case 0x4c: // L page mode
    case 0x53: // S standard mode
      return 2;
    case 0x21: case 0x45: case 0x47: case 0x2d: case 0x61: case 0x4d: case 0x74: case 0x64: case 0x4a:
    case 0x33: case 0x52: case 0x56: case 0x7b: case 0x72: case 0x55: case 0x20: case 0x4b: case 0x65:
    case 0x75: case 0x76: case 0x3d: case 0x25: case 0x3f: case 0x54:
      return 3;
    case 0x24: // $ absolute position
    case 0x5c: // \ relative position
      return 4;
    case 0x63: // ESC c 3/4/5 n
      return 4;
    case 0x70: // p m t1 t2 drawer pulse
      return 5;
    case 0x57: // W print area in page mode
      return 10;
    case 0x44: { // D tab positions, NUL-terminated, at most 32
      for (let i = o + 2; i < buf.length && i < o + 2 + 33; i++) if (buf[i] === 0x00) return i - o + 1;
      return available >= 2 + 33 ? 2 : INCOMPLETE;
    }
    case 0x2a: { // * m nL nH d… bit image, 1 byte per column (8-dot) or 3 (24-dot)
      if (available < 5) return INCOMPLETE;
      const m = buf[o + 2]!;
      const columns = declared16(buf, o + 3);
      return 5 + columns * (m === 32 || m === 33 ? 3 : 1);
    }
    case 0x26: return userDefinedCharactersLength(buf, o, available);
    default:
      return 2;
  }
}

// ESC & y c1 c2 [x d1…d(y×x)]… — one block per character code from c1 to c2.
function userDefinedCharactersLength(buf: Uint8Array, o: number, available: number): number {
  if (available < 5) return INCOMPLETE;
  const y = buf[o + 2]!;
  const c1 = buf[o + 3]!;
  const c2 = buf[o + 4]!;
  if (c2 < c1) return 5;
  let length = 5;
  for (let code = c1; code <= c2; code++) {
    if (available < length + 1) return INCOMPLETE;
    length += 1 + y * buf[o + length]!;
  }
  return length;
}

function gsLength(buf: Uint8Array, o: number, available: number): number {
  if (available < 2) return INCOMPLETE;
  const c = buf[o + 1]!;
  switch (c) {
    case 0x21: case 0x42: case 0x48: case 0x68: case 0x77: case 0x66: case 0x61: case 0x72: case 0x49:
    case 0x62: case 0x45: case 0x54: case 0x2f: case 0x63:
      return 3;
    case 0x3a: // : macro
      return 2;
    case 0x4c: case 0x57: case 0x50: case 0x24: case 0x5c: case 0x5e:
      return 4;
    case 0x56: { // V m [n] cut
      if (available < 3) return INCOMPLETE;
      const m = buf[o + 2]!;
      return m === 65 || m === 66 || m === 97 || m === 98 || m === 103 || m === 104 ? 4 : 3;
    }
    case 0x6b: { // k barcode
      if (available < 3) return INCOMPLETE;
      const m = buf[o + 2]!;
      if (m <= 6) {
        for (let i = o + 3; i < buf.length && i <= o + 3 + MAX_NUL_TERMINATED; i++) if (buf[i] === 0x00) return i - o + 1;
        return available > 3 + MAX_NUL_TERMINATED ? 3 : INCOMPLETE;
      }
      if (m >= 65 && m <= 79) return available < 4 ? INCOMPLETE : 4 + buf[o + 3]!;
      return 3;
    }
    case 0x76: { // v 0 m xL xH yL yH d… raster image
      if (available < 8) return INCOMPLETE;
      if (buf[o + 2] !== 0x30) return 3;
      return 8 + declared16(buf, o + 4) * declared16(buf, o + 6);
    }
    case 0x2a: { // * x y d… downloaded bit image
      if (available < 4) return INCOMPLETE;
      return 4 + buf[o + 2]! * buf[o + 3]! * 8;
    }
    case 0x28: { // ( fn pL pH … — every GS ( function announces its parameter length
      if (available < 5) return INCOMPLETE;
      return 5 + declared16(buf, o + 3);
    }
    case 0x38: { // 8 fn p1 p2 p3 p4 … — the long form of GS ( L / GS ( D
      if (available < 7) return INCOMPLETE;
      return 7 + buf[o + 3]! + buf[o + 4]! * 0x100 + buf[o + 5]! * 0x10000 + buf[o + 6]! * 0x1000000;
    }
    default:
      return 2;
  }
}

function fsLength(buf: Uint8Array, o: number, available: number): number {
  if (available < 2) return INCOMPLETE;
  const c = buf[o + 1]!;
  switch (c) {
    case 0x26: case 0x2e: // & . enter / leave Chinese mode
      return 2;
    case 0x21: case 0x2d: case 0x43: case 0x57: case 0x3f:
      return 3;
    case 0x53: case 0x70:
      return 4;
    case 0x32: // 2 c1 c2 + 72 bytes: one user-defined 24×24 character
      return 4 + 72;
    case 0x28: // ( fn pL pH …
      if (available < 5) return INCOMPLETE;
      return 5 + declared16(buf, o + 3);
    default:
      return 2;
  }
}

function dleLength(buf: Uint8Array, o: number, available: number): number {
  if (available < 2) return INCOMPLETE;
  const c = buf[o + 1]!;
  if (c === 0x04) {
    if (available < 3) return INCOMPLETE;
    const n = buf[o + 2]!;
    return n === 7 || n === 8 ? 4 : 3;
  }
  if (c === 0x05) return 3;
  if (c === 0x14) {
    if (available < 3) return INCOMPLETE;
    const fn = buf[o + 2]!;
    if (fn === 1 || fn === 2) return 5;
    if (fn === 7) return 4;
    if (fn === 8) return 10;
    return 3;
  }
  // A lone DLE is not a command: skip it and read what follows normally.
  return 1;
}
