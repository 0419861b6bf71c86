// The data of a successful 0x30 0x01 answer: text length (u16 BE) | photo length (u16 BE) | text | photo.
// On a resident ID card the text is 256 bytes and the photo, WLT-compressed, 1024.

export const WLT_PHOTO_LENGTH = 1024;

export interface BaseInfoBlocks {
  text: Uint8Array;
  wlt: Uint8Array;
}

export function splitBaseInfo(data: Uint8Array): BaseInfoBlocks | null {
  if (data.length < 4) return null;
  const textLength = (data[0]! << 8) | data[1]!;
  const photoLength = (data[2]! << 8) | data[3]!;
  if (data.length !== 4 + textLength + photoLength) return null;
  return { text: data.slice(4, 4 + textLength), wlt: data.slice(4 + textLength) };
}

export function joinBaseInfo(blocks: BaseInfoBlocks): Uint8Array {
  const out = new Uint8Array(4 + blocks.text.length + blocks.wlt.length);
  out[0] = blocks.text.length >> 8;
  out[1] = blocks.text.length & 0xff;
  out[2] = blocks.wlt.length >> 8;
  out[3] = blocks.wlt.length & 0xff;
  out.set(blocks.text, 4);
  out.set(blocks.wlt, 4 + blocks.text.length);
  return out;
}
