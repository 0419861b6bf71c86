// The simulator's own CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), bit by bit as firmware often does it, so the
// two ends of the protocol do not share a table that could hide a mistake in both.

export function crc16Bitwise(bytes: ArrayLike<number>, start = 0, end = bytes.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++) {
    crc ^= bytes[i]! << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}
