import { foldPinyinSyllable } from '../nlu/fuzzyPinyin.js';

/**
 * The few words a transaction listens for at every step — yes, no, leave it out, change — in characters (typed, or
 * a recognizer that writes characters) and in toneless pinyin (the development recognizer writes pinyin only, and
 * its homophones: 确认 as "que ren", 对 as "dui").
 */
export interface Reply {
  text: string;
  pinyin: string | null;
}

const YES = /确认|^(对|是|是的|好|好的|行|可以|没错|对的|办吧|办)[啊呀吧的了。！!]*$/;
const NO = /取消|不办|算了|不要了|不用了/;
const CHANGE = /改|修改|不对|错了/;
const SKIP = /不用|不需要|没有|跳过|不填|不改|不要|算了吧?不填/;
const CANCEL_ONLY = /取消|不办/;

const YES_PINYIN = /(^| )que ren( |$)|^(dui|shi|shi de|hao|hao de|xing|ke yi|mei cuo|dui de|ban ba|ban)( (a|ya|ba|de|le))*$/;
const NO_PINYIN = /(^| )(qu xiao|bu ban|suan le|bu yao le|bu yong le)( |$)/;
const CHANGE_PINYIN = /(^| )(gai|xiu gai|bu dui|cuo le)( |$)/;
const SKIP_PINYIN = /(^| )(bu yong|bu xu yao|mei you|tiao guo|bu tian|bu gai|bu yao)( |$)/;
const CANCEL_ONLY_PINYIN = /(^| )(qu xiao|bu ban)( |$)/;

/** The line as folded toneless pinyin: the recognizer's own, or the text when it is already pinyin. */
function pinyinOf(reply: Reply): string | null {
  const raw = reply.pinyin ?? (/^[a-zü\s]+$/i.test(reply.text.trim()) ? reply.text : null);
  if (raw === null) return null;
  return raw.toLowerCase().split(/\s+/).filter(Boolean).map(foldPinyinSyllable).join(' ');
}

function says(reply: Reply, characters: RegExp, pinyin: RegExp): boolean {
  if (characters.test(reply.text.trim())) return true;
  const heard = pinyinOf(reply);
  return heard !== null && pinyin.test(heard);
}

/** The patterns' syllables folded the way heard syllables are (so both sides meet in the same spelling). */
function folded(pattern: RegExp): RegExp {
  return new RegExp(pattern.source.replace(/[a-zü]+/g, (syllable) => foldPinyinSyllable(syllable)));
}

const YES_HEARD = folded(YES_PINYIN);
const NO_HEARD = folded(NO_PINYIN);
const CHANGE_HEARD = folded(CHANGE_PINYIN);
const SKIP_HEARD = folded(SKIP_PINYIN);
const CANCEL_ONLY_HEARD = folded(CANCEL_ONLY_PINYIN);

/** The explicit yes: 确认, or a plain 对/好/可以 as the whole line. */
export const saysYes = (reply: Reply) => says(reply, YES, YES_HEARD);
export const saysNo = (reply: Reply) => says(reply, NO, NO_HEARD);
export const asksToChange = (reply: Reply) => says(reply, CHANGE, CHANGE_HEARD);
/** Leave an optional field out ("不用", "没有", "跳过"); a line that also cancels is a cancel. */
export const saysSkip = (reply: Reply) => says(reply, SKIP, SKIP_HEARD) && !says(reply, CANCEL_ONLY, CANCEL_ONLY_HEARD);
