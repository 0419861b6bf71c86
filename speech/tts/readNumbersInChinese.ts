// Rewrites Arabic numerals as the Chinese words a hall clerk would say, because the pinyin converter leaves
// digits alone and espeak-ng's pinyin voice would then read them in English.

const DIGIT_WORDS = '零一二三四五六七八九';
const GROUP_UNITS = ['', '万', '亿'];
const PLACE_UNITS = ['', '十', '百', '千'];

/** Characters after a long digit run that make it a quantity (一万五千元) rather than an identifier (一二三三三). */
const QUANTITY_AFTER = /^(?:元|块|万|亿|人|名|位|个|次|岁|天|户|笔|米|平方|公斤|千克|公里|小时|分钟|年(?!度)|多)/;
/** Measure words after which a lone 2 is read 两 (两个, 两天) — but 二月, 二号, 第二 keep 二. */
const LIANG_BEFORE = /^(?:个|位|次|天|张|份|种|项|本|名|岁|周|小时|分钟|年|件|条|步|倍|千|万|亿)/;

/** Reads each digit: 12333 → 一二三三三. */
export function digitsToChinese(digits: string): string {
  return [...digits].map((d) => DIGIT_WORDS[Number(d)] ?? d).join('');
}

function readGroup(value: number): string {
  let words = '';
  let zeroPending = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(value / 10 ** place) % 10;
    if (digit === 0) {
      if (words !== '') zeroPending = true;
      continue;
    }
    if (zeroPending) words += '零';
    zeroPending = false;
    words += DIGIT_WORDS[digit]! + PLACE_UNITS[place]!;
  }
  return words;
}

/** Reads an integer as a quantity: 45 → 四十五, 1005 → 一千零五, 20000 → 两万. Longer than 12 digits: digit by digit. */
export function integerToChinese(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  if (trimmed.length > 12) return digitsToChinese(trimmed);
  if (/^0+$/.test(trimmed)) return '零';
  const groups: number[] = [];
  for (let end = trimmed.length; end > 0; end -= 4) groups.unshift(Number(trimmed.slice(Math.max(0, end - 4), end)));
  let words = '';
  let zeroPending = false;
  groups.forEach((group, i) => {
    const unit = GROUP_UNITS[groups.length - 1 - i]!;
    if (group === 0) {
      if (words !== '') zeroPending = true;
      return;
    }
    if (words !== '' && (group < 1000 || zeroPending)) words += '零';
    zeroPending = false;
    words += readGroup(group) + unit;
  });
  return words
    .replace(/^一十/, '十') // 十五, not 一十五
    .replace(/^二(?=[百千万亿])/, '两')
    .replace(/二千/g, '两千');
}

function decimalToChinese(integerPart: string, fraction: string): string {
  return `${integerToChinese(integerPart)}点${digitsToChinese(fraction)}`;
}

function timeToChinese(hours: string, minutes: string): string {
  const minute = Number(minutes);
  if (minute === 0) return `${integerToChinese(hours)}点`;
  return `${integerToChinese(hours)}点${minute < 10 ? '零' : ''}${integerToChinese(minutes)}分`;
}

function readInteger(digits: string, before: string, after: string): string {
  const isYear = digits.length === 4 && after.startsWith('年');
  const isIdentifier = (digits.length >= 5 && !QUANTITY_AFTER.test(after)) || (digits.length > 1 && digits.startsWith('0'));
  if (isYear || isIdentifier) return digitsToChinese(digits);
  if (digits === '2' && before !== '第' && LIANG_BEFORE.test(after)) return '两';
  return integerToChinese(digits);
}

const NUMBER_TOKEN =
  /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)|(\d{1,2})[:：](\d{2})(?!\d)|(\d+)(?:\.(\d+))?[%％]|(\d+)\.(\d+)|(\d+)/g;

/**
 * Replaces every number in the text by its spoken Chinese form:
 * years and identifiers digit by digit (2025年 → 二零二五年, 12333 → 一二三三三), quantities as numbers
 * (45天 → 四十五天, 1500元 → 一千五百元, 2个 → 两个), plus dates, clock times, decimals and percentages.
 */
export function readNumbersInChinese(text: string): string {
  const normalized = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1') // 15,000 → 15000
    .replace(/(\d{1,2}[:：]\d{2})\s*[-–~～]\s*(?=\d{1,2}[:：]\d{2})/g, '$1至'); // 8:30-17:00 → 8:30至17:00
  return normalized.replace(
    NUMBER_TOKEN,
    (match, year, month, day, hours, minutes, percentInt, percentFrac, decInt, decFrac, integer, offset: number, whole: string) => {
      if (year !== undefined) return `${digitsToChinese(year)}年${integerToChinese(month)}月${integerToChinese(day)}日`;
      if (hours !== undefined) return timeToChinese(hours, minutes);
      if (percentInt !== undefined) {
        return `百分之${percentFrac === undefined ? integerToChinese(percentInt) : decimalToChinese(percentInt, percentFrac)}`;
      }
      if (decInt !== undefined) return decimalToChinese(decInt, decFrac);
      const before = whole.slice(Math.max(0, offset - 1), offset);
      const after = whole.slice(offset + match.length, offset + match.length + 3);
      return readInteger(integer as string, before, after);
    },
  );
}
