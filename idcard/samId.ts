// The SAM's management information (读 SAM 管理信息, 0x12 0xFF): 16 bytes, little-endian
//   u16 a | u16 b | u32 date (decimal YYYYMMDD) | u32 serial | u32 serial
// shown by the vendors' tools as "aa.bb-YYYYMMDD-nnnnnnnnnn-nnnnnnnnnn".

export const SAM_ID_LENGTH = 16;

export interface SamId {
  /** "05.01-20120312-0012345678-0987654321" */
  text: string;
  bytes: Uint8Array;
}

export function parseSamId(bytes: Uint8Array): SamId | null {
  if (bytes.length !== SAM_ID_LENGTH) return null;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const text = `${pad(b.readUInt16LE(0), 2)}.${pad(b.readUInt16LE(2), 2)}-${pad(b.readUInt32LE(4), 8)}-${pad(b.readUInt32LE(8), 10)}-${pad(b.readUInt32LE(12), 10)}`;
  return { text, bytes: Uint8Array.from(bytes) };
}

/** The inverse of parseSamId's fields (the simulator's SAM). */
export function encodeSamId(fields: { a: number; b: number; date: number; serial1: number; serial2: number }): Uint8Array {
  const b = Buffer.alloc(SAM_ID_LENGTH);
  b.writeUInt16LE(fields.a, 0);
  b.writeUInt16LE(fields.b, 2);
  b.writeUInt32LE(fields.date, 4);
  b.writeUInt32LE(fields.serial1, 8);
  b.writeUInt32LE(fields.serial2, 12);
  return new Uint8Array(b);
}
