import { describe, expect, it } from 'vitest';
import { processIdRequest, selectAlignment } from '../../printer/escpos/escPosCommands.js';
import { EscPosDocument } from '../../printer/escpos/escPosDocument.js';
import { elementLength, INCOMPLETE } from '../../printer/escpos/escPosElementLength.js';
import { displayWidth, encodeGb18030, fitToWidth, hasCharactersOutsideGbk, wrapToWidth } from '../../printer/escpos/gb18030Text.js';
import { splitIntoLineChunks } from '../../printer/escpos/splitIntoLineChunks.js';
import { createEscPosDecoder } from '../../printer/simulator/escPosDecoder.js';
import { lineText } from '../../printer/simulator/ticket.js';

const hex = (bytes: ArrayLike<number>) => Buffer.from(Array.from(bytes)).toString('hex');
const contains = (haystack: Uint8Array, needle: ArrayLike<number>) => Buffer.from(haystack).includes(Buffer.from(Array.from(needle)));

describe('GB18030 text', () => {
  it('encodes Chinese as GB18030, including characters outside GBK as four bytes', () => {
    expect(hex(encodeGb18030('参保证明'))).toBe('b2ceb1a3d6a4c3f7');
    expect(encodeGb18030('㛃')).toHaveLength(4);
    expect(hasCharactersOutsideGbk('王㛃')).toBe(true);
    expect(hasCharactersOutsideGbk('张秀英 ABC')).toBe(false);
  });

  it('strips control characters so citizen data cannot inject printer commands', () => {
    expect(hex(encodeGb18030('张\x1b@三\x1dV\x01'))).toBe(hex(encodeGb18030('张@三V')));
  });

  it('measures printed columns: half width for ASCII, full width for everything else', () => {
    expect(displayWidth('ID:370202')).toBe(9);
    expect(displayWidth('姓名：张三')).toBe(10);
    expect(wrapToWidth('一二三四五六', 5)).toEqual(['一二', '三四', '五六']);
    expect(fitToWidth('养老保险', 10)).toBe('养老保险  ');
    expect(fitToWidth('190', 6, 'right')).toBe('   190');
  });
});

describe('EscPosDocument', () => {
  const doc = () => new EscPosDocument();

  it('enters Chinese mode after initialising and aligns, emphasises and enlarges lines', () => {
    const bytes = doc().line('社会保险参保证明', { align: 'center', bold: true, size: 2 }).line('左', { align: 'left' }).encode();
    expect(hex(bytes.subarray(0, 2))).toBe('1b40'); // ESC @
    expect(contains(bytes, [0x1c, 0x26])).toBe(true); // FS &
    expect(bytes.indexOf(0x26, 2)).toBeGreaterThan(bytes.indexOf(0x2e)); // FS & comes after the library's FS .
    expect(contains(bytes, [...selectAlignment('center'), 0x1b, 0x45, 0x01, 0x1d, 0x21, 0x11, ...encodeGb18030('社会保险参保证明')])).toBe(true);
    expect(contains(bytes, [...selectAlignment('left')])).toBe(true);
  });

  it('prints a QR code as model 2, module size, error correction M, store and print', () => {
    const bytes = doc().qrCode('RSCERT1.k.abc.def', { moduleSize: 5 }).encode();
    expect(contains(bytes, [0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00])).toBe(true); // model 2
    expect(contains(bytes, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x05])).toBe(true); // size 5
    expect(contains(bytes, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31])).toBe(true); // level M
    const data = Buffer.from('RSCERT1.k.abc.def', 'latin1');
    expect(contains(bytes, [0x1d, 0x28, 0x6b, data.length + 3, 0x00, 0x31, 0x50, 0x30, ...data])).toBe(true); // store
    expect(contains(bytes, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30])).toBe(true); // print
    expect(() => doc().qrCode('含中文')).toThrow(RangeError);
  });

  it('feeds and cuts partially at the end', () => {
    const bytes = doc().line('x').cut().encode();
    const cutAt = Buffer.from(bytes).indexOf(Buffer.from([0x1d, 0x56, 0x01]));
    expect(cutAt).toBeGreaterThan(0);
    expect(Array.from(bytes.subarray(cutAt - 4, cutAt))).toEqual([0x0a, 0x0a, 0x0a, 0x0a]);
  });

  it('prints a line holding characters outside GBK as a raster image the decoder reads as an image', () => {
    const bytes = doc().line('姓名：王㛃').line('其余正常').cut().encode();
    expect(contains(bytes, [0x1d, 0x76, 0x30, 0x00, 72, 0, 24, 0])).toBe(true); // GS v 0, 576 × 24 dots
    const decoder = createEscPosDecoder();
    decoder.push(bytes);
    const [ticket] = decoder.tickets();
    expect(ticket!.lines[0]).toMatchObject({ kind: 'image', widthDots: 576, height: 24 });
    expect(ticket!.lines.map(lineText)).toContain('其余正常');
    const image = ticket!.lines[0] as { data: Uint8Array };
    expect(image.data.some((b) => b !== 0)).toBe(true); // something was drawn
  });

  it('never lets a decoded line wider than the paper through the layout helpers', () => {
    const bytes = doc().line('很长的一行'.repeat(20)).cut().encode();
    const decoder = createEscPosDecoder();
    decoder.push(bytes);
    for (const line of decoder.tickets()[0]!.lines) expect(displayWidth(lineText(line))).toBeLessThanOrEqual(48);
  });
});

describe('element lengths and line chunks', () => {
  it('knows the length of commands with parameters and declared data', () => {
    expect(elementLength(Uint8Array.of(0x1b, 0x40), 0)).toBe(2);
    expect(elementLength(Uint8Array.of(0x1b, 0x61, 1), 0)).toBe(3);
    expect(elementLength(Uint8Array.of(0x1d, 0x28, 0x6b, 0x10, 0x00), 0)).toBe(5 + 16);
    expect(elementLength(Uint8Array.of(0x1d, 0x76, 0x30, 0, 2, 0, 3, 0), 0)).toBe(8 + 6);
    expect(elementLength(processIdRequest('AB2D'), 0)).toBe(11);
    expect(elementLength(Uint8Array.of(0x10, 0x04, 0x01), 0)).toBe(3);
    expect(elementLength(Uint8Array.of(0x1d), 0)).toBe(INCOMPLETE);
    expect(elementLength(Uint8Array.of(0x1d, 0x28, 0x6b), 0)).toBe(INCOMPLETE);
    expect(elementLength(Uint8Array.of(0xb2, 0xce, 0x41, 0x0a), 0)).toBe(3);
  });

  it('cuts a job after each printed line and never inside a command, even when QR data holds line feeds', () => {
    // 7 data bytes make the QR store command's length byte 7 + 3 = 0x0a: a line-feed byte inside a command.
    const bytes = new EscPosDocument()
      .line('第一行')
      .qrCode('ABxxxxx')
      .line('第二行')
      .cut()
      .encode();
    const chunks = splitIntoLineChunks(bytes);
    expect(Buffer.concat(chunks.map((c) => Buffer.from(c)))).toEqual(Buffer.from(bytes));
    const qrChunk = chunks.find((c) => contains(c, [0x31, 0x50, 0x30]))!;
    expect(contains(qrChunk, [0x31, 0x51, 0x30])).toBe(true); // store and print travel together
    // Every chunk decodes on its own boundary: feeding them one by one gives the same lines as the whole.
    const whole = createEscPosDecoder();
    whole.push(bytes);
    const chunked = createEscPosDecoder();
    for (const c of chunks) chunked.push(c);
    expect(chunked.tickets()[0]!.text).toBe(whole.tickets()[0]!.text);
    for (const c of chunks.slice(0, -1)) {
      const last = c[c.length - 1];
      expect([0x0a, 0x30, 0x01]).toContain(last); // LF, QR print (…51 30) or the cut (GS V 1)
    }
  });
});
