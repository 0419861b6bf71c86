// The chip photo on its way to vision/: which decoder the kiosk uses (licensed module, the simulator's demo decoder,
// none — said once in Chinese and English), the demo cards' photos, and BMPs turned into PNGs sharp can read.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../app/core/config/loadConfig.js';
import { chipPhotoForVision, readBmp } from '../../../app/core/devices/chipPhotoImage.js';
import { NO_CHIP_PHOTO_DECODER_LOG, openChipPhotoDecoder } from '../../../app/core/devices/chipPhotoDecoder.js';
import { demoCardPhotoFiles, loadDemoCardPhotos } from '../../../app/core/devices/demoCardPhotos.js';
import { createLogger } from '../../../app/core/log/createLogger.js';
import { demoCards, encodeDemoWlt, WltDecodeError } from '../../../idcard/index.js';
import { sharedDataDir } from '../../sharedData.js';
import { bmp, bmp24, bmp8 } from './bmpFixture.js';

function recordingLog() {
  const lines: string[] = [];
  return { lines, log: createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } }) };
}

const rejection = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e);

describe('idcard configuration', () => {
  it('defaults to the built-in simulator, no licensed decoder, demo photos from the shared faces', () => {
    expect(parseConfig({}).idcard).toEqual({ port: 'simulator', baudRate: 115_200, wltDecoder: null, demoPhotoDir: '../shared/data/faces' });
  });

  it('takes a real port with a SAM rate, "off", and a decoder module; refuses other rates and paths', () => {
    expect(parseConfig({ idcard: { port: '/dev/idcard', baudRate: 57_600, wltDecoder: '/opt/kiosk/wlt-decoder.mjs' } }).idcard).toMatchObject({ port: '/dev/idcard', baudRate: 57_600, wltDecoder: '/opt/kiosk/wlt-decoder.mjs' });
    expect(parseConfig({ idcard: { port: 'off' } }).idcard.port).toBe('off');
    expect(() => parseConfig({ idcard: { baudRate: 4_800 } })).toThrow(/idcard\.baudRate/);
    expect(() => parseConfig({ idcard: { port: 'ttyUSB0' } })).toThrow(/idcard\.port/);
  });
});

describe('which chip-photo decoder the kiosk uses', () => {
  const config = (over: Record<string, unknown>) => parseConfig({ idcard: over }).idcard;

  it('a real reader without a decoder: none, said once at start in Chinese and English; every photo refused as no-decoder', async () => {
    const { lines, log } = recordingLog();
    const chip = await openChipPhotoDecoder(config({ port: '/dev/idcard' }), log);
    expect(chip.kind).toBe('none');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { level: number; msg: string };
    expect(line.level).toBe(40);
    expect(line.msg).toBe(NO_CHIP_PHOTO_DECODER_LOG);
    expect(line.msg).toMatch(/未安装身份证芯片照片（WLT）授权解码库.*idcard\.wltDecoder/);
    expect(line.msg).toMatch(/No WLT decoder is installed/);
    expect(await rejection(chip.decoder.decode(new Uint8Array(1024)))).toMatchObject({ kind: 'no-decoder' });
  });

  it('no reader at all (off): none, and nothing to say', async () => {
    const { lines, log } = recordingLog();
    expect((await openChipPhotoDecoder(config({ port: 'off' }), log)).kind).toBe('none');
    expect(lines).toEqual([]);
  });

  it('a configured module that is not there: failed, the reason in the log, photos refused as decoder-load-failed', async () => {
    const { lines, log } = recordingLog();
    const chip = await openChipPhotoDecoder(config({ port: '/dev/idcard', wltDecoder: '/nonexistent/wlt-decoder.mjs' }), log);
    expect(chip.kind).toBe('failed');
    expect(lines.join('\n')).toMatch(/身份证芯片照片解码模块无法加载.*nonexistent/);
    const error = await rejection(chip.decoder.decode(new Uint8Array(1024)));
    expect(error).toBeInstanceOf(WltDecodeError);
    expect(error).toMatchObject({ kind: 'decoder-load-failed' });
  });

  it('a site module around a licensed decoder: loaded, and used (the simulator is not consulted)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wlt-module-'));
    const jpeg = await sharp({ create: { width: 102, height: 126, channels: 3, background: '#886644' } }).jpeg().toBuffer();
    writeFileSync(path.join(dir, 'photo.jpg'), jpeg);
    writeFileSync(
      path.join(dir, 'wlt-decoder.mjs'),
      `import { readFileSync } from 'node:fs';\nexport function createWltDecoder() { return { name: 'site-test', decode: async () => new Uint8Array(readFileSync(${JSON.stringify(path.join(dir, 'photo.jpg'))})) }; }\n`,
    );
    const { log } = recordingLog();
    const chip = await openChipPhotoDecoder(config({ port: 'simulator', wltDecoder: path.join(dir, 'wlt-decoder.mjs') }), log);
    expect(chip.kind).toBe('licensed');
    expect(Buffer.from(await chip.decoder.decode(new Uint8Array(1024)))).toEqual(jpeg);
  });

  it('the built-in simulator: the demo decoder with each demo card\'s photo (a missing folder leaves the cards without)', async () => {
    const { lines, log } = recordingLog();
    const empty = mkdtempSync(path.join(os.tmpdir(), 'no-faces-'));
    const chip = await openChipPhotoDecoder(config({ port: 'simulator', demoPhotoDir: empty }), log);
    expect(chip.kind).toBe('demo');
    expect(await rejection(chip.decoder.decode(encodeDemoWlt('pensioner')))).toMatchObject({ kind: 'no-demo-photo' });
    expect(lines.join('\n')).toMatch(/without a chip photo/);
    // A real card's photo is never decoded by it.
    expect(await rejection(chip.decoder.decode(new Uint8Array(1024).fill(7)))).toMatchObject({ kind: 'not-demo-photo' });
  });
});

const faces = path.join(sharedDataDir, 'faces');
const noFaces = existsSync(path.join(faces, 'faceapi__amy')) ? null : `the shared face photos are not at ${faces}`;

describe.skipIf(Boolean(noFaces))(`the demo cards' chip photos${noFaces ? ` (skipped: ${noFaces})` : ''}`, () => {
  it('every demo card has a face photo of its citizen, another than the one on file, as a JPEG', async () => {
    expect(Object.keys(demoCardPhotoFiles).sort()).toEqual(demoCards.map((c) => c.id).sort());
    const { photos, missing } = await loadDemoCardPhotos(faces);
    expect(missing).toEqual([]);
    for (const [id, jpeg] of photos) expect([jpeg[0], jpeg[1], jpeg[2]], id).toEqual([0xff, 0xd8, 0xff]);
  });
});

describe('a BMP chip photo becomes a PNG vision/ can read', () => {
  const pixel = (x: number, y: number): [number, number, number] => [x * 40, y * 70, (x + y) * 20];
  const expected = (w: number, h: number) => {
    const out: number[] = [];
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out.push(...pixel(x, y));
    return out;
  };

  it('reads 24-bit (padded rows) and 32-bit, bottom-up and top-down, and 8-bit paletted bitmaps', () => {
    for (const [name, bytes] of [
      ['24 bottom-up', bmp24(5, 3, pixel)],
      ['24 top-down', bmp(5, 3, 24, pixel, true)],
      ['32 bottom-up', bmp(5, 3, 32, pixel)],
    ] as const) {
      const { width, height, rgb } = readBmp(bytes);
      expect([width, height], name).toEqual([5, 3]);
      expect([...rgb], name).toEqual(expected(5, 3));
    }
    const palette: [number, number, number][] = [[0, 0, 0], [255, 10, 20], [1, 2, 3]];
    expect([...readBmp(bmp8(3, 2, palette, (x) => x)).rgb]).toEqual([0, 0, 0, 255, 10, 20, 1, 2, 3, 0, 0, 0, 255, 10, 20, 1, 2, 3]);
  });

  it('a vendor-sized 102 × 126 BMP comes out as a PNG of the same pixels; a JPEG passes as it is', async () => {
    const png = await chipPhotoForVision(bmp24(102, 126, (x, y) => [x, y, 128]));
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([102, 126]);
    expect([...data.subarray((125 * 102 + 101) * 3, (125 * 102 + 101) * 3 + 3)]).toEqual([101, 125, 128]);
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).jpeg().toBuffer();
    expect(await chipPhotoForVision(jpeg)).toBe(jpeg);
  });

  it('refuses what it cannot read: not an image, compressed or 16-bit bitmaps, truncated pixel data', async () => {
    await expect(chipPhotoForVision(Uint8Array.of(1, 2, 3))).rejects.toThrow(/neither a BMP nor a JPEG/);
    const rle = bmp24(4, 4, pixel);
    Buffer.from(rle.buffer).writeUInt32LE(1, 30);
    expect(() => readBmp(rle)).toThrow(/compression 1/);
    const sixteen = bmp24(4, 4, pixel);
    Buffer.from(sixteen.buffer).writeUInt16LE(16, 28);
    expect(() => readBmp(sixteen)).toThrow(/16 bits/);
    expect(() => readBmp(bmp24(40, 40, pixel).subarray(0, 200))).toThrow(/shorter/);
  });
});
