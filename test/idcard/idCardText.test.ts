// The 256-byte text block (UCS-2 little-endian fields padded with spaces), GB 11643 numbers, the SAM ID, the
// text-and-photo framing inside a read answer, and what each SAM status means to the client.
import { describe, expect, it } from 'vitest';
import {
  demoCards,
  describeSamStatus,
  encodeIdCardText,
  errorKindOfStatus,
  hasValidIdNumberChecksum,
  ID_CARD_TEXT_FIELDS,
  ID_CARD_TEXT_LENGTH,
  idCardValidOn,
  idNumberCheckCharacter,
  joinBaseInfo,
  LONG_TERM,
  parseIdCardText,
  parseSamId,
  SamStatus,
  samUnusable,
  splitBaseInfo,
  type IdCardText,
} from '../../idcard/index.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const spaces = (n: number) => '20 00 '.repeat(n);

/** ASCII digits and letters as UCS-2LE, padded with spaces to `bytes` (written out, not via the encoder). */
function asciiField(text: string, bytes: number): Buffer {
  const out: number[] = [];
  for (const c of text) out.push(c.charCodeAt(0), 0x00);
  while (out.length < bytes) out.push(0x20, 0x00);
  return Buffer.from(out);
}

/** Any text as UCS-2LE padded with spaces (for the long Chinese fields). */
function textField(text: string, bytes: number): Buffer {
  const b = Buffer.from(text, 'utf16le');
  return Buffer.concat([b, hex(spaces((bytes - b.length) / 2))]);
}

/** 刘婷's card written field by field; the short fields as bytes by hand. */
function handWrittenBlock(overrides: Partial<Record<(typeof ID_CARD_TEXT_FIELDS)[number]['field'] | 'reserved', Buffer>> = {}): Buffer {
  const fields = {
    name: hex(`18 52 77 5A ${spaces(13)}`), // 刘 U+5218, 婷 U+5A77
    genderCode: hex('32 00'), // '2'
    nationCode: hex('30 00 31 00'), // '01'
    birthDate: asciiField('19910207', 16),
    address: textField('山东省青岛市崂山区海尔路178号6号楼1单元1202户', 70),
    idNumber: asciiField('370212199102070247', 36),
    issuer: textField('青岛市公安局崂山分局', 30),
    validFrom: asciiField('20170815', 16),
    validTo: asciiField('20370815', 16),
    reserved: hex(spaces(18)),
    ...overrides,
  };
  const block = Buffer.concat([fields.name, fields.genderCode, fields.nationCode, fields.birthDate, fields.address, fields.idNumber, fields.issuer, fields.validFrom, fields.validTo, fields.reserved]);
  expect(block).toHaveLength(ID_CARD_TEXT_LENGTH);
  return block;
}

const youngWorker: IdCardText = {
  name: '刘婷',
  genderCode: '2',
  nationCode: '01',
  birthDate: '1991-02-07',
  address: '山东省青岛市崂山区海尔路178号6号楼1单元1202户',
  idNumber: '370212199102070247',
  issuer: '青岛市公安局崂山分局',
  validFrom: '2017-08-15',
  validTo: '2037-08-15',
};

describe('card text', () => {
  it('parses a block written byte by byte, trimming the space padding', () => {
    expect(parseIdCardText(handWrittenBlock())).toEqual({ ok: true, text: youngWorker });
  });

  it('reads the chip\'s long-term marker (长期, 7F 95 1F 67) as long-term', () => {
    const parsed = parseIdCardText(handWrittenBlock({ validTo: hex(`7F 95 1F 67 ${spaces(6)}`) }));
    expect(parsed).toMatchObject({ ok: true, text: { validTo: LONG_TERM } });
  });

  it('trims NUL padding as well as spaces, and leading padding', () => {
    const name = hex(`00 00 20 00 18 52 77 5A ${'00 00 '.repeat(11)}`);
    expect(parseIdCardText(handWrittenBlock({ name }))).toMatchObject({ ok: true, text: { name: '刘婷' } });
  });

  it('encodes what it parses, for every demo card', () => {
    for (const card of demoCards) {
      const block = encodeIdCardText(card.text);
      expect(block).toHaveLength(ID_CARD_TEXT_LENGTH);
      expect(parseIdCardText(block)).toEqual({ ok: true, text: card.text });
    }
    expect(Buffer.from(encodeIdCardText(youngWorker))).toEqual(handWrittenBlock());
  });

  it('refuses a value wider than its field', () => {
    expect(() => encodeIdCardText({ ...youngWorker, address: '青'.repeat(36) })).toThrow(RangeError);
    expect(() => encodeIdCardText({ ...youngWorker, name: '青'.repeat(15) })).not.toThrow();
  });

  it('reports what is wrong instead of throwing', () => {
    expect(parseIdCardText(new Uint8Array(255))).toEqual({ ok: false, reason: 'length', length: 255 });
    expect(parseIdCardText(handWrittenBlock({ name: hex(spaces(15)) }))).toEqual({ ok: false, reason: 'field', field: 'name' });
    expect(parseIdCardText(handWrittenBlock({ genderCode: hex('33 00') }))).toEqual({ ok: false, reason: 'field', field: 'genderCode' });
    expect(parseIdCardText(handWrittenBlock({ nationCode: hex('30 00 20 00') }))).toEqual({ ok: false, reason: 'field', field: 'nationCode' });
    expect(parseIdCardText(handWrittenBlock({ birthDate: asciiField('19910230', 16) }))).toEqual({ ok: false, reason: 'field', field: 'birthDate' });
    // One digit changed: the check character no longer matches.
    expect(parseIdCardText(handWrittenBlock({ idNumber: asciiField('370212199102070257', 36) }))).toEqual({ ok: false, reason: 'field', field: 'idNumber' });
    expect(parseIdCardText(handWrittenBlock({ validTo: asciiField('forever', 16) }))).toEqual({ ok: false, reason: 'field', field: 'validTo' });
  });

  it('refuses the permits whose layout differs (card type I or J in the reserved bytes)', () => {
    for (const type of ['I', 'J']) {
      const reserved = Buffer.concat([hex(spaces(14)), asciiField(type, 2), hex(spaces(3))]);
      expect(parseIdCardText(handWrittenBlock({ reserved }))).toEqual({ ok: false, reason: 'card-type', cardType: type });
    }
  });

  it('tells a valid card from an expired one, both ends inclusive', () => {
    const byId = (id: string) => demoCards.find((c) => c.id === id)!.text;
    expect(idCardValidOn(byId('young-worker'), '2026-12-07')).toBe(true);
    expect(idCardValidOn(byId('expired'), '2026-12-07')).toBe(false);
    expect(idCardValidOn(byId('expired'), '2018-03-10')).toBe(true);
    expect(idCardValidOn(byId('expired'), '2018-03-11')).toBe(false);
    expect(idCardValidOn(byId('pensioner'), '2099-01-01')).toBe(true);
    expect(idCardValidOn(byId('pensioner'), '2012-06-17')).toBe(false);
  });
});

describe('GB 11643 ID numbers', () => {
  it('computes the ISO 7064 MOD 11-2 check character (the standard\'s own example ends in X)', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(hasValidIdNumberChecksum('11010519491231002X')).toBe(true);
    expect(hasValidIdNumberChecksum('11010519491231002x')).toBe(false); // the chip stores upper case
    expect(hasValidIdNumberChecksum('110105194912310021')).toBe(false);
    expect(hasValidIdNumberChecksum('110105194902300020')).toBe(false); // 30 February
    expect(() => idNumberCheckCharacter('1101051949')).toThrow(RangeError);
  });

  it('gives the demo cards valid Qingdao numbers that agree with their birth date and gender', () => {
    expect(demoCards.length).toBeGreaterThanOrEqual(3);
    for (const { text } of demoCards) {
      expect(hasValidIdNumberChecksum(text.idNumber), text.idNumber).toBe(true);
      expect(text.idNumber.startsWith('3702'), text.idNumber).toBe(true);
      expect(text.idNumber.slice(6, 14)).toBe(text.birthDate.replaceAll('-', ''));
      expect(Number(text.idNumber[16]) % 2 === 1 ? '1' : '2').toBe(text.genderCode);
    }
  });
});

describe('SAM ID and the read answer\'s data', () => {
  it('renders the 16-byte management information the way vendor tools show it', () => {
    const id = parseSamId(hex('05 00 01 00 E4 D8 34 01 2A 00 00 00 D2 02 96 49'));
    expect(id?.text).toBe('05.01-20240612-0000000042-1234567890');
    expect(parseSamId(new Uint8Array(15))).toBeNull();
  });

  it('splits text and photo by the lengths in front, and refuses lengths that do not add up', () => {
    const text = new Uint8Array(256).fill(1);
    const wlt = new Uint8Array(1024).fill(2);
    const data = joinBaseInfo({ text, wlt });
    expect(Buffer.from(data.subarray(0, 4))).toEqual(hex('01 00 04 00'));
    expect(splitBaseInfo(data)).toEqual({ text, wlt });
    expect(splitBaseInfo(data.subarray(0, data.length - 1))).toBeNull();
    expect(splitBaseInfo(new Uint8Array(3))).toBeNull();
  });
});

describe('SAM statuses', () => {
  it('maps each status the SAM sends to an error kind', () => {
    const kinds: Record<number, string> = {
      0x80: 'no-card',
      0x81: 'select-failed',
      0x41: 'read-failed',
      0x47: 'read-failed',
      0x31: 'card-rejected',
      0x32: 'card-rejected',
      0x33: 'card-rejected',
      0x40: 'unsupported-card',
      0x91: 'no-content',
      0x10: 'checksum',
      0x11: 'command-rejected',
      0x21: 'command-rejected',
      0x23: 'command-rejected',
      0x24: 'sam-fault',
      0x60: 'sam-fault',
      0x66: 'sam-fault',
      0x90: 'bad-response',
      0x9f: 'bad-response',
      0x77: 'sam-fault',
    };
    for (const [status, kind] of Object.entries(kinds)) expect(errorKindOfStatus(Number(status)), status).toBe(kind);
  });

  it('describes statuses in English for logs and marks the ones that leave the SAM unusable', () => {
    for (const code of Object.values(SamStatus)) expect(describeSamStatus(code)).toMatch(/^[\x20-\x7e]+$/);
    expect(describeSamStatus(0x77)).toBe('unknown SAM status 0x77');
    expect(Object.values(SamStatus).filter(samUnusable)).toEqual([0x60, 0x66]);
  });
});
