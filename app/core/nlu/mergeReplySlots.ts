import type { RouteSlots } from './extractSlots.js';
import { extractSlots } from './extractSlots.js';
import { parseBareMonth, parseBirthMonth } from './spokenBirthMonth.js';
import { parseCertificateNumber } from './spokenCertificateNumber.js';
import type { SpokenRetirementCategory } from './spokenRetirementCategory.js';

/**
 * The slots of a query that asked for something, with the citizen's reply folded in. A query that needs what was
 * not said (a certificate number, a birth month, a retirement category) answers empty and asks for exactly that; the
 * reply is then read as the answer: digits alone are the certificate number, "1965年3月" alone the birth month, "三月"
 * the month of the year already said, "女工人" or "干部" the category (or its missing half: "女" then "干部" is 女干部).
 * Whatever else the reply says (a year, a period) is taken as extractSlots reads it. Pure.
 */
export function mergeReplySlots(pending: RouteSlots, reply: string, pinyin?: string): RouteSlots {
  const heard = extractSlots(reply, pinyin);
  const merged: RouteSlots = { ...pending, ...withoutAnswers(heard) };

  const certificateNumber = parseCertificateNumber(reply, pinyin, true);
  if (certificateNumber) merged.certificateNumber = certificateNumber;

  const birth = parseBirthMonth(reply, pinyin, true);
  if (birth) merged.birthYearMonth = birth.month === undefined && pending.birthYearMonth?.year === birth.year ? pending.birthYearMonth : birth;
  else if (pending.birthYearMonth && pending.birthYearMonth.month === undefined) {
    const month = parseBareMonth(reply, pinyin);
    if (month !== null) merged.birthYearMonth = { year: pending.birthYearMonth.year, month };
  }

  const category = combineCategory(pending.retirementCategory, heard.retirementCategory);
  if (category) merged.retirementCategory = category;
  else delete merged.retirementCategory;
  return merged;
}

function withoutAnswers(slots: RouteSlots): RouteSlots {
  const { certificateNumber: _c, birthYearMonth: _b, retirementCategory: _r, ...rest } = slots;
  return rest;
}

const WHOLE = new Set<SpokenRetirementCategory>(['男', '女干部', '女工人']);

/** Two halves make a whole (女 then 干部 → 女干部); a whole said now wins; a man is 男 whatever the post. */
export function combineCategory(before: SpokenRetirementCategory | undefined, now: SpokenRetirementCategory | undefined): SpokenRetirementCategory | undefined {
  if (!now) return before;
  if (WHOLE.has(now) || !before) return now;
  if (before === '男') return now === '女' ? '女' : '男';
  const female = before !== '干部' && before !== '工人';
  const post = now === '女' ? (before === '女干部' || before === '干部' ? '干部' : before === '女工人' || before === '工人' ? '工人' : null) : now;
  if (female || now === '女') return post === '干部' ? '女干部' : post === '工人' ? '女工人' : '女';
  return now;
}
