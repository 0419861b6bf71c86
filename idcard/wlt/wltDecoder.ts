// The chip photo is WLT: a proprietary wavelet compression of a 102 × 126 colour photo in 1024 bytes. Decoding it
// needs the decoder library licensed with the reader (the vendors ship it as a native library that writes a BMP).
// The kiosk talks to it through this interface; without one, it says so clearly and carries on without the photo.

export type WltDecodeErrorKind =
  /** No licensed decoder is installed (noWltDecoder). */
  | 'no-decoder'
  /** A decoder module was configured but could not be loaded. */
  | 'decoder-load-failed'
  /** The decoder threw, or returned something that is not a BMP or JPEG. */
  | 'decoder-failed'
  /** The input is not a 1024-byte WLT block. */
  | 'bad-input'
  /** demoWltDecoder: the block is not a simulator demo marker (a real card's photo needs the licensed decoder). */
  | 'not-demo-photo'
  /** demoWltDecoder: a demo marker for a card no photo was supplied for. */
  | 'no-demo-photo';

export class WltDecodeError extends Error {
  override readonly name = 'WltDecodeError';
  readonly kind: WltDecodeErrorKind;

  constructor(kind: WltDecodeErrorKind, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
  }
}

export interface WltDecoder {
  /** For logs and diagnostics: which decoder this is. */
  readonly name: string;
  /** The photo as BMP or JPEG bytes; rejects with WltDecodeError. */
  decode(wlt: Uint8Array): Promise<Uint8Array>;
}

export const WLT_LENGTH = 1024;

export type PhotoFormat = 'bmp' | 'jpeg';

/** BMP ('BM') or JPEG (FF D8 FF) by their first bytes, or null. */
export function photoFormatOf(bytes: Uint8Array): PhotoFormat | null {
  if (bytes.length >= 2 && bytes[0] === 0x42 && bytes[1] === 0x4d) return 'bmp';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

export const NO_DECODER_MESSAGE =
  'No WLT decoder is installed: the ID card chip photo is WLT-compressed and can only be decoded with the licensed ' +
  'decoder supplied with the reader (ask the reader vendor for it). Configure the path of a module that wraps it ' +
  '(see docs/idcard.md, "Plugging in a real reader"). The card text is read without it; verification against the ' +
  'chip photo is not possible until one is installed.';

/** The decoder the kiosk has when none is installed: every decode rejects with kind 'no-decoder'. */
export function noWltDecoder(): WltDecoder {
  return {
    name: 'none',
    decode: () => Promise.reject(new WltDecodeError('no-decoder', NO_DECODER_MESSAGE)),
  };
}

/**
 * Wraps a decoder so that what the kiosk gets is always a WltDecodeError or a BMP/JPEG: the input is checked to be a
 * WLT block, anything the decoder throws becomes 'decoder-failed' (its WltDecodeErrors pass through), and so does
 * output that is neither BMP nor JPEG.
 */
export function checkedWltDecoder(decoder: WltDecoder): WltDecoder {
  return {
    name: decoder.name,
    async decode(wlt) {
      if (!(wlt instanceof Uint8Array) || wlt.length !== WLT_LENGTH) {
        throw new WltDecodeError('bad-input', `a WLT photo is ${WLT_LENGTH} bytes; got ${wlt instanceof Uint8Array ? wlt.length : typeof wlt}`);
      }
      let image: unknown;
      try {
        image = await decoder.decode(wlt);
      } catch (error) {
        if (error instanceof WltDecodeError) throw error;
        throw new WltDecodeError('decoder-failed', `WLT decoder '${decoder.name}' failed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
      }
      if (!(image instanceof Uint8Array) || photoFormatOf(image) === null) {
        throw new WltDecodeError('decoder-failed', `WLT decoder '${decoder.name}' returned something that is neither a BMP nor a JPEG`);
      }
      return image;
    },
  };
}
