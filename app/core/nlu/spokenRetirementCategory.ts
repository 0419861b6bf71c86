import { hasHan, normalizeText } from './normalizeText.js';

/**
 * Whose retirement age applies, as far as the citizen said it: 男 (men retire at the same age whatever the post),
 * 女干部 (women originally retiring at 55: managerial and technical posts, and women in flexible employment), 女工人
 * (women originally retiring at 50: worker posts). When only half was said: 女 (a woman, post not said), 干部 or 工人
 * (the post, not whether a man or a woman).
 */
export type SpokenRetirementCategory = '男' | '女干部' | '女工人' | '女' | '干部' | '工人';

const MAN = /男的|男同志|男职工|男性|男人|男士|男工|我是男|俺是男|老头|爷们|老爷们|男干部/;
const WOMAN = /女的|女同志|女职工|女性|女人|女士|女工|我是女|俺是女|妇女|老太太|老婆子|娘们|女干部/;
/** Original age stated outright: 原来55岁退休 is the 女干部 rule, 原来50岁退休 the 女工人 one. */
const WAS_55 = /(?:55|五十五)\s*岁?\s*(?:退休|退)/;
const WAS_50 = /(?:50|五十)\s*岁?\s*(?:退休|退)/;
const CADRE = /干部|管理岗|管理人员|管理岗位|技术岗|专业技术|技术人员|坐办公室/;
/** Women in flexible employment keep the 55 rule; said of a man it changes nothing. */
const FLEXIBLE = /灵活就业|个体户|打零工|自由职业/;
const WORKER = /工人|女工|车间|一线工|生产岗|生产线|工勤|操作工|流水线|纺织工/;

const PINYIN_MAN = /\b(nan de|nan tong zhi|nan zhi gong|nan ren|nan xing)\b/;
const PINYIN_WOMAN = /\b((?:nü|nv|nu) (?:de|tong zhi|zhi gong|ren|xing|gong|gan bu))\b/;
const PINYIN_CADRE = /\b(gan bu|guan li gang|ji shu gang|zhuan ye ji shu)\b/;
const PINYIN_WORKER = /\b(gong ren|che jian|sheng chan xian|(?:nü|nv|nu) gong)\b/;

/** The retirement category the citizen stated, whole or in part; undefined when nothing of it was said. */
export function parseRetirementCategory(text: string, pinyin?: string): SpokenRetirementCategory | undefined {
  const t = normalizeText(text);
  if (hasHan(t)) {
    const woman = WOMAN.test(t) || WAS_55.test(t) || WAS_50.test(t);
    const cadre = WAS_55.test(t) || ((CADRE.test(t) || (woman && FLEXIBLE.test(t))) && !WAS_50.test(t));
    return decide(MAN.test(t), woman, cadre, WAS_50.test(t) || (WORKER.test(t) && !WAS_55.test(t)));
  }
  const p = pinyin ? `${t} ${normalizeText(pinyin)}` : t;
  return decide(PINYIN_MAN.test(p), PINYIN_WOMAN.test(p), PINYIN_CADRE.test(p), PINYIN_WORKER.test(p));
}

function decide(man: boolean, woman: boolean, cadre: boolean, worker: boolean): SpokenRetirementCategory | undefined {
  // "男的" said outright wins over a post: men retire at the same age in any post.
  if (man && !woman) return '男';
  if (woman) {
    if (cadre && !worker) return '女干部';
    if (worker && !cadre) return '女工人';
    return '女';
  }
  if (cadre && !worker) return '干部';
  if (worker && !cadre) return '工人';
  return undefined;
}
