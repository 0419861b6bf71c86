import { ADDRESS_SHAPE, QINGDAO_DISTRICTS } from '../backend/contactAddress.js';
import { parseSmallNumber } from '../nlu/chineseNumber.js';
import type { FieldReading, TransactionField } from './transactionSpec.js';

const HAN_DIGIT: Record<string, string> = { 零: '0', 〇: '0', 洞: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 拐: '7', 八: '8', 九: '9' };
const HAN_NUMERAL = '[零〇洞一幺二两三四五六七拐八九十百]';
/** What follows a number in an address: the house number (号), the building (号楼, 栋), the entrance, floor and room. */
const UNIT = '(?:号楼|号院|号|栋|幢|座|单元|层|楼|室|户)';

/** "十" → 10, "二十三" → 23, "一百零五" → 105, "二零一" (read digit by digit) → 201; null when it is not a number. */
export function hanNumber(run: string): string | null {
  if (!/[十百]/.test(run)) {
    const digits = [...run].map((c) => HAN_DIGIT[c]);
    return digits.every((d) => d !== undefined) ? digits.join('') : null;
  }
  const hundred = /^([一二两三四五六七八九])百(?:零?(.*))?$/.exec(run);
  if (hundred) {
    const rest = hundred[2] ?? '';
    const tail = rest === '' ? 0 : /^[一二三四五六七八九]$/.test(rest) && !run.includes('零') ? Number(HAN_DIGIT[rest]) * 10 : parseSmallNumber(rest);
    return tail === null ? null : String(Number(HAN_DIGIT[hundred[1]!]) * 100 + tail);
  }
  const small = parseSmallNumber(run);
  return small === null ? null : String(small);
}

/**
 * Numbers said in characters written as digits where an address has them: before 号/单元/室 … ("十号" → "10号",
 * "三单元" → "3单元"), and a room read out digit by digit at the end ("…单元二零一" → "…单元201"). A numeral inside a
 * road name (台东一路, 延安三路) is left as it is.
 */
function withAddressDigits(text: string): string {
  return text
    .replace(new RegExp(`(${HAN_NUMERAL}{1,5})(?=${UNIT})`, 'g'), (run) => hanNumber(run) ?? run)
    .replace(new RegExp(`((?:单元|号楼|楼|层|号|栋|[-—])\\d{0,4})(${HAN_NUMERAL}{2,5})(?=$|室|户)`, 'g'), (whole, before: string, run: string) => {
      const n = hanNumber(run);
      return n === null ? whole : `${before}${n}`;
    });
}

/** Words that come just before an address ("新地址是…", "帮我把地址改成…", "我家搬到了…"): the address starts after the last. */
const LEAD_IN = /地址|住址|改成|改为|换成|改到|搬到|搬家到|住在|是|在|到|为/g;
const DISTRICT = new RegExp(`(?:青岛市)?(?:${QINGDAO_DISTRICTS.join('|')})`);
const ROAD_END = /大街|大道|街道|胡同|路|街|道|巷/;
/** The start of an address found inside a clause; the match is then checked against the whole shape. */
const ADDRESS_AT_START = new RegExp(ADDRESS_SHAPE.source.replace(/\$$/, ''));
/** A road or street said ("我搬到香港中路了"): without a house number, an address attempt missing its number. */
const ROAD_SAID = /[\u4e00-\u9fff\d]{2,14}?(?:大街|大道|街道|路|街|巷|胡同)/;
/** Something of an address said without any road ("市南区10号3单元"): missing the road or street. */
const ADDRESS_PARTS = /\d{1,5}(?:号(?!码)|号楼|单元|栋)|小区/;

/** Where the address in a clause starts: at the district, else after the last lead-in word before the road. */
function addressPart(clause: string): { from: string; district: boolean } {
  const district = DISTRICT.exec(clause);
  if (district) return { from: clause.slice(district.index), district: true };
  const roadEnd = ROAD_END.exec(clause);
  const before = roadEnd ? clause.slice(0, roadEnd.index) : clause;
  let start = 0;
  for (const lead of before.matchAll(LEAD_IN)) start = lead.index + lead[0].length;
  return { from: clause.slice(start).replace(/^[:：了的]+/, ''), district: false };
}

/** The address in one clause, or what is missing from the one the citizen tried to say. */
function readClause(clause: string): FieldReading<string> {
  const { from, district } = addressPart(clause);
  const found = ADDRESS_AT_START.exec(from);
  if (found && ADDRESS_SHAPE.test(found[0])) return { ok: true, value: found[0].replace(/^青岛市/, '') };
  if (ROAD_SAID.test(from)) return { ok: false, problem: '地址要有门牌号，比如“香港中路10号”，请把门牌号也告诉我。' };
  if (district || ADDRESS_PARTS.test(from)) return { ok: false, problem: '地址要有路名或者街道名，比如“市南区香港中路10号3单元201”。' };
  return null;
}

/**
 * An address as the citizen says or types it: [区] + 路/街道 + 门牌 (+ 楼/单元/室), e.g. "市南区香港中路10号3单元201";
 * numbers may be said in characters ("香港中路十号三单元二零一"). Read from the characters only: the toneless pinyin of
 * the small recognizer cannot tell road names apart. A road without a house number, or numbers without a road, is told
 * what is missing; a line with nothing of an address in it is not an answer.
 */
export function readAddress(text: string): FieldReading<string> {
  const clauses = withAddressDigits(text.normalize('NFKC'))
    .split(/[，,。；;！!？?、]/)
    .map((clause) => clause.replace(/\s+/g, ''))
    .filter((clause) => clause.length > 0);
  let problem: FieldReading<string> = null;
  for (const clause of clauses) {
    const reading = readClause(clause);
    if (reading?.ok) return reading;
    problem ??= reading;
  }
  return problem;
}

/** Read back in full, as it will be recorded. */
export function readBackAddress(address: string): string {
  return address;
}

/** A postal address field (联系地址, 居住地址 …); `optional`: asked once and may be left out ("不用", 跳过). */
export function addressField(name: string, label: string, ask: string, options: { optional?: boolean } = {}): TransactionField<string> {
  return {
    name,
    label,
    ask,
    read: (text) => readAddress(text),
    readBack: readBackAddress,
    ...(options.optional ? { optional: true } : {}),
  };
}
