// The chip photo behind an interface: no decoder installed, a decoder module configured (or broken), and the demo
// decoder that turns only the simulator's markers into photos supplied by the test.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkedWltDecoder,
  demoCards,
  demoWltCardId,
  demoWltDecoder,
  encodeDemoWlt,
  loadWltDecoder,
  noWltDecoder,
  photoFormatOf,
  WltDecodeError,
  type WltDecodeErrorKind,
} from '../../idcard/index.js';
import { sharedDataDir } from '../sharedData.js';

async function rejection(promise: Promise<unknown>): Promise<WltDecodeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WltDecodeError) return error;
    throw error;
  }
  throw new Error('expected a WltDecodeError');
}

const kindOf = async (promise: Promise<unknown>): Promise<WltDecodeErrorKind> => (await rejection(promise)).kind;

/** A demo photo: a face from ../shared/data/faces as JPEG when the folder is there, else a generated JPEG. */
async function demoPhoto(face: string, colour: { r: number; g: number; b: number }): Promise<Buffer> {
  const file = path.join(sharedDataDir, 'faces', face);
  const source = existsSync(file) ? sharp(readFileSync(file)) : sharp({ create: { width: 102, height: 126, channels: 3, background: colour } });
  return source.resize(102, 126).jpeg().toBuffer();
}

/** 1024 bytes that are not a demo marker (what a real card's photo looks like to this code: anything else). */
function notAMarker(): Uint8Array {
  const bytes = new Uint8Array(1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) & 0xff;
  return bytes;
}

const tempDirs: string[] = [];
function moduleFile(source: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wlt-decoder-'));
  tempDirs.push(dir);
  const file = path.join(dir, 'decoder.mjs');
  writeFileSync(file, source);
  return file;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

// A 1 × 1 BMP's first bytes are enough for the format check.
const BMP_MODULE = `export function createWltDecoder() {
  return { name: 'test-bmp', decode: async (wlt) => Uint8Array.of(0x42, 0x4d, wlt.length & 0xff, wlt[0]) };
}`;

describe('no decoder installed', () => {
  it('rejects every photo with kind no-decoder and a message that says a licensed decoder must be installed', async () => {
    const error = await rejection(noWltDecoder().decode(encodeDemoWlt('pensioner')));
    expect(error.kind).toBe('no-decoder');
    expect(error.message).toMatch(/licensed/);
    expect(error.message).toMatch(/docs\/idcard\.md/);
    expect(error.message).toMatch(/^[\x20-\x7e]+$/); // English, for logs
  });
});

describe('demo photo markers', () => {
  it('round-trips every demo card id in a 1024-byte field', () => {
    for (const { id } of demoCards) {
      const wlt = encodeDemoWlt(id);
      expect(wlt).toHaveLength(1024);
      expect(demoWltCardId(wlt)).toBe(id);
    }
  });

  it('is recognised only whole: a changed byte, a wrong length or other bytes are not a marker', () => {
    const wlt = encodeDemoWlt('pensioner');
    for (const at of [0, 16, 20, 500, 1023]) {
      const changed = Uint8Array.from(wlt);
      changed[at]! ^= 0x01;
      expect(demoWltCardId(changed), `byte ${at}`).toBeNull();
    }
    expect(demoWltCardId(wlt.subarray(0, 1023))).toBeNull();
    expect(demoWltCardId(notAMarker())).toBeNull();
    expect(() => encodeDemoWlt('')).toThrow(RangeError);
    expect(() => encodeDemoWlt('with space')).toThrow(RangeError);
  });
});

describe('demoWltDecoder', () => {
  it('decodes a demo card\'s marker into the photo supplied for it, and nothing else', async () => {
    const pensioner = await demoPhoto('faceapi__amy/amy1.png', { r: 180, g: 150, b: 130 });
    const worker = await demoPhoto('faceapi__penny/penny1.png', { r: 120, g: 140, b: 170 });
    const decoder = demoWltDecoder(new Map([['pensioner', pensioner], ['young-worker', worker]]));
    const photo = await decoder.decode(encodeDemoWlt('pensioner'));
    expect(photoFormatOf(photo)).toBe('jpeg');
    expect(Buffer.from(photo)).toEqual(pensioner);
    expect(Buffer.from(await decoder.decode(encodeDemoWlt('young-worker')))).toEqual(worker);
    const meta = await sharp(photo).metadata();
    expect([meta.width, meta.height]).toEqual([102, 126]);

    expect(await kindOf(decoder.decode(notAMarker()))).toBe('not-demo-photo');
    expect(await kindOf(decoder.decode(encodeDemoWlt('expired')))).toBe('no-demo-photo');
    expect(await kindOf(decoder.decode(new Uint8Array(10)))).toBe('bad-input');
  });

  it('accepts only BMP or JPEG photos', () => {
    expect(() => demoWltDecoder({ pensioner: Uint8Array.of(0x89, 0x50, 0x4e, 0x47) })).toThrow(RangeError);
    expect(() => demoWltDecoder({ pensioner: Uint8Array.of(0x42, 0x4d, 0, 0) })).not.toThrow();
  });
});

describe('checkedWltDecoder', () => {
  it('turns a decoder\'s exceptions and non-image output into decoder-failed, and passes its own errors through', async () => {
    const wlt = notAMarker();
    const throwing = checkedWltDecoder({ name: 'broken', decode: () => Promise.reject(new Error('segfault avoided')) });
    const error = await rejection(throwing.decode(wlt));
    expect(error.kind).toBe('decoder-failed');
    expect(error.message).toMatch(/broken.*segfault avoided/);
    const garbage = checkedWltDecoder({ name: 'garbage', decode: () => Promise.resolve(Uint8Array.of(1, 2, 3)) });
    expect(await kindOf(garbage.decode(wlt))).toBe('decoder-failed');
    const own = checkedWltDecoder({ name: 'own', decode: () => Promise.reject(new WltDecodeError('no-decoder', 'x')) });
    expect(await kindOf(own.decode(wlt))).toBe('no-decoder');
  });
});

describe('loadWltDecoder', () => {
  it('without a configured module gives noWltDecoder', async () => {
    for (const modulePath of [undefined, null, '', '  ']) {
      const load = await loadWltDecoder({ modulePath });
      expect(load.status).toBe('none');
      expect(await kindOf(load.decoder.decode(notAMarker()))).toBe('no-decoder');
    }
  });

  it('loads a module exporting createWltDecoder and checks what it decodes', async () => {
    const load = await loadWltDecoder({ modulePath: moduleFile(BMP_MODULE) });
    expect(load.status).toBe('loaded');
    expect(load.decoder.name).toBe('test-bmp');
    const image = await load.decoder.decode(notAMarker());
    expect(photoFormatOf(image)).toBe('bmp');
    expect(Array.from(image.subarray(2))).toEqual([0, 7]);
    expect(await kindOf(load.decoder.decode(new Uint8Array(5)))).toBe('bad-input');
  });

  it('accepts createWltDecoder as the default export', async () => {
    const load = await loadWltDecoder({ modulePath: moduleFile(BMP_MODULE.replace('export function createWltDecoder', 'export default function')) });
    expect(load.status).toBe('loaded');
  });

  it.each([
    ['a missing file', null, /import failed/],
    ['a module that throws on import', "throw new Error('licence file not found');", /licence file not found/],
    ['a module without createWltDecoder', 'export const decode = () => null;', /exports no createWltDecoder/],
    ['a createWltDecoder that throws', "export function createWltDecoder() { throw new Error('dongle missing'); }", /dongle missing/],
    ['a createWltDecoder that returns no decoder', 'export function createWltDecoder() { return {}; }', /no object with a decode function/],
  ])('fails clearly for %s, and its decoder rejects with the same error', async (_what, source, reason) => {
    const modulePath = source === null ? path.join(os.tmpdir(), 'no-such-dir-wlt', 'decoder.mjs') : moduleFile(source);
    const load = await loadWltDecoder({ modulePath });
    expect(load.status).toBe('failed');
    if (load.status !== 'failed') return;
    expect(load.error.kind).toBe('decoder-load-failed');
    expect(load.error.message).toContain(modulePath);
    expect(load.error.message).toMatch(reason);
    expect(await rejection(load.decoder.decode(notAMarker()))).toBe(load.error);
  });
});
