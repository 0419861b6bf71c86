import { hasValidIdNumberChecksum, isCalendarDate } from './idNumberCheck.js';

// The 256-byte text block of a resident ID card as the SAM returns it: UCS-2 little-endian, each field padded with
// spaces (0x0020) to its width.

export const ID_CARD_TEXT_LENGTH = 256;

/** Byte offsets and widths of the fields, in order. */
export const ID_CARD_TEXT_FIELDS = [
  { field: 'name', offset: 0, bytes: 30 },
  { field: 'genderCode', offset: 30, bytes: 2 },
  { field: 'nationCode', offset: 32, bytes: 4 },
  { field: 'birthDate', offset: 36, bytes: 16 },
  { field: 'address', offset: 52, bytes: 70 },
  { field: 'idNumber', offset: 122, bytes: 36 },
  { field: 'issuer', offset: 158, bytes: 30 },
  { field: 'validFrom', offset: 188, bytes: 16 },
  { field: 'validTo', offset: 204, bytes: 16 },
  // 220–255: reserved on the resident card.
] as const;

export type IdCardTextField = (typeof ID_CARD_TEXT_FIELDS)[number]['field'];

/**
 * Offset of the card-type character inside the reserved bytes: a space on the resident ID card, 'I' on the foreigner's
 * permanent residence card and 'J' on the Hong Kong/Macao/Taiwan residence permit, whose text layouts differ.
 */
export const CARD_TYPE_OFFSET = 248;

/** GB/T 2261.1 sex codes: 0 unknown, 1 male, 2 female, 9 not stated. */
export type GenderCode = '0' | '1' | '2' | '9';

/** The expiry field's value on a card that does not expire (issued to people aged 46 and over). */
export const LONG_TERM = 'long-term';
/** What the chip stores in the expiry field instead of a date for such a card. Matched, never shown. */
const LONG_TERM_ON_CHIP = '长期';

export interface IdCardText {
  name: string;
  genderCode: GenderCode;
  /** GB 3304 two-digit code: 01 汉 … 56 基诺, 97 other, 98 of foreign origin. */
  nationCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  address: string;
  /** 18 characters, the check character verified. */
  idNumber: string;
  issuer: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD, or 'long-term'. */
  validTo: string;
}

export type IdCardTextParse =
  | { ok: true; text: IdCardText }
  | { ok: false; reason: 'length'; length: number }
  | { ok: false; reason: 'card-type'; cardType: string }
  | { ok: false; reason: 'field'; field: IdCardTextField };

function readField(bytes: Uint8Array, offset: number, width: number): string {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset + offset, width).toString('utf16le');
  // Padding is spaces; some writers pad with NULs. Trim both, and any stray whitespace.
  let start = 0;
  let end = raw.length;
  const padding = (c: string) => c === '\u0000' || c.trim() === '';
  while (start < end && padding(raw[start]!)) start++;
  while (end > start && padding(raw[end - 1]!)) end--;
  return raw.slice(start, end);
}

const isoDate = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

/** Parses the text block; never throws. Checks each field's shape, the dates and the ID number's check character. */
export function parseIdCardText(bytes: Uint8Array): IdCardTextParse {
  if (bytes.length !== ID_CARD_TEXT_LENGTH) return { ok: false, reason: 'length', length: bytes.length };
  const cardType = readField(bytes, CARD_TYPE_OFFSET, 2);
  if (cardType !== '') return { ok: false, reason: 'card-type', cardType };
  const f = Object.fromEntries(ID_CARD_TEXT_FIELDS.map(({ field, offset, bytes: width }) => [field, readField(bytes, offset, width)])) as Record<IdCardTextField, string>;
  const bad = (field: IdCardTextField) => ({ ok: false, reason: 'field', field }) as const;
  if (f.name === '') return bad('name');
  if (!/^[0129]$/.test(f.genderCode)) return bad('genderCode');
  if (!/^\d{2}$/.test(f.nationCode)) return bad('nationCode');
  if (!isCalendarDate(f.birthDate)) return bad('birthDate');
  if (f.address === '') return bad('address');
  if (!hasValidIdNumberChecksum(f.idNumber)) return bad('idNumber');
  if (f.issuer === '') return bad('issuer');
  if (!isCalendarDate(f.validFrom)) return bad('validFrom');
  let validTo: string;
  if (f.validTo === LONG_TERM_ON_CHIP) validTo = LONG_TERM;
  else if (isCalendarDate(f.validTo)) validTo = isoDate(f.validTo);
  else return bad('validTo');
  return {
    ok: true,
    text: {
      name: f.name,
      genderCode: f.genderCode as GenderCode,
      nationCode: f.nationCode,
      birthDate: isoDate(f.birthDate),
      address: f.address,
      idNumber: f.idNumber,
      issuer: f.issuer,
      validFrom: isoDate(f.validFrom),
      validTo,
    },
  };
}

/** The chip's form of a field value: dates as YYYYMMDD, 'long-term' as the chip's marker. */
function chipValue(field: IdCardTextField, text: IdCardText): string {
  const value = text[field];
  if (field === 'validTo' && value === LONG_TERM) return LONG_TERM_ON_CHIP;
  if (field === 'birthDate' || field === 'validFrom' || field === 'validTo') return value.replaceAll('-', '');
  return value;
}

/** Builds a text block (the simulator's cards, tests). Throws RangeError when a value does not fit its field. */
export function encodeIdCardText(text: IdCardText): Uint8Array {
  const bytes = Buffer.from(' '.repeat(ID_CARD_TEXT_LENGTH / 2), 'utf16le');
  for (const { field, offset, bytes: width } of ID_CARD_TEXT_FIELDS) {
    const encoded = Buffer.from(chipValue(field, text), 'utf16le');
    if (encoded.length > width) throw new RangeError(`${field} needs ${encoded.length} bytes; the field has ${width}`);
    encoded.copy(bytes, offset);
  }
  return new Uint8Array(bytes);
}

/** Whether the card is within its validity on a day (YYYY-MM-DD; both ends inclusive). */
export function idCardValidOn(text: Pick<IdCardText, 'validFrom' | 'validTo'>, day: string): boolean {
  return text.validFrom <= day && (text.validTo === LONG_TERM || day <= text.validTo);
}
