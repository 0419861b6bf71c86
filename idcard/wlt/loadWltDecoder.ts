import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkedWltDecoder, noWltDecoder, WltDecodeError, type WltDecoder } from './wltDecoder.js';

/**
 * What a decoder module exports: `createWltDecoder` (named, or as the default export), returning the decoder or a
 * promise of it. The module is the site's own adapter around the vendor's licensed library (a native addon, an FFI
 * binding, a helper process): none ships with the kiosk.
 */
export interface WltDecoderModule {
  createWltDecoder(): WltDecoder | Promise<WltDecoder>;
}

export type WltDecoderLoad =
  /** No module configured: the decoder is noWltDecoder(). */
  | { status: 'none'; decoder: WltDecoder }
  | { status: 'loaded'; decoder: WltDecoder; modulePath: string }
  /** The decoder rejects every photo with `error` (kind 'decoder-load-failed'), so the kiosk runs on without photos. */
  | { status: 'failed'; decoder: WltDecoder; modulePath: string; error: WltDecodeError };

function isDecoder(value: unknown): value is WltDecoder {
  return typeof value === 'object' && value !== null && typeof (value as WltDecoder).decode === 'function';
}

/** Loads the configured decoder module; never throws. The result says what was loaded and, if not, why. */
export async function loadWltDecoder(options: { modulePath?: string | null }): Promise<WltDecoderLoad> {
  const configured = options.modulePath?.trim();
  if (!configured) return { status: 'none', decoder: noWltDecoder() };
  const modulePath = path.resolve(configured);
  const failed = (reason: string, cause?: unknown): WltDecoderLoad => {
    const error = new WltDecodeError('decoder-load-failed', `WLT decoder module ${modulePath} could not be used: ${reason}`, { cause });
    return { status: 'failed', modulePath, error, decoder: { name: 'failed-to-load', decode: () => Promise.reject(error) } };
  };
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(modulePath).href)) as Record<string, unknown>;
  } catch (error) {
    return failed(`import failed (${(error as Error)?.message ?? String(error)})`, error);
  }
  const fallback = loaded['default'] as Record<string, unknown> | ((...args: unknown[]) => unknown) | undefined;
  const create =
    typeof loaded['createWltDecoder'] === 'function'
      ? loaded['createWltDecoder']
      : typeof fallback === 'function'
        ? fallback
        : typeof fallback?.['createWltDecoder'] === 'function'
          ? fallback['createWltDecoder']
          : undefined;
  if (typeof create !== 'function') return failed('it exports no createWltDecoder function');
  let decoder: unknown;
  try {
    decoder = await (create as () => unknown)();
  } catch (error) {
    return failed(`createWltDecoder threw (${(error as Error)?.message ?? String(error)})`, error);
  }
  if (!isDecoder(decoder)) return failed('createWltDecoder returned no object with a decode function');
  return { status: 'loaded', modulePath, decoder: checkedWltDecoder({ name: typeof decoder.name === 'string' ? decoder.name : path.basename(modulePath), decode: (wlt) => decoder.decode(wlt) }) };
}
