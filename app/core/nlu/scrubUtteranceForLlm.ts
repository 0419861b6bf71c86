import { maskIdLike } from '../privacy/scrubPersonalData.js';

/**
 * What the citizen said, fit to leave the robot for the government LLM: ID numbers, phone numbers, card and account
 * numbers and self-introduced names become placeholders. The LLM only has to tell which service is meant, and none
 * of these says that. The kiosk's own scrubber (`maskIdLike`) keeps the first and last digits so a log reader can
 * recognise a number; here nothing of a number survives, and the scrubber runs last as a second net.
 */
export function scrubUtteranceForLlm(utterance: string): string {
  // Full-width digits and letters (１２３, Ｘ) as ASCII, the form the patterns below look for; punctuation stays.
  const text = utterance.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return maskIdLike(scrubNames(scrubSpokenNumbers(scrubDigitRuns(text))));
}

export const ID_NUMBER_PLACEHOLDER = '[身份证号]';
export const PHONE_PLACEHOLDER = '[手机号]';
export const NUMBER_PLACEHOLDER = '[号码]';
export const NAME_PLACEHOLDER = '[姓名]';

/**
 * Runs of digits, possibly written in groups ("3702 0219 …", "138-1234-5678"), long enough to identify someone.
 * Years (2019), amounts (2300) and window numbers stay: they are what the citizen is asking about.
 */
const DIGIT_RUN = /(?<!\d)\d(?:[ -]?\d){6,}(?:[ -]?[Xx])?(?!\d)/g;

function scrubDigitRuns(text: string): string {
  return text.replace(DIGIT_RUN, (run) => {
    const compact = run.replace(/[ -]/g, '').toUpperCase();
    if (/^\d{17}[\dX]$/.test(compact) || /^\d{15}$/.test(compact)) return ID_NUMBER_PLACEHOLDER;
    if (/^1[3-9]\d{9}$/.test(compact)) return PHONE_PLACEHOLDER;
    // Two years side by side ("2019-2022") are a period, not a number that identifies anyone.
    return /^(?:19|20)\d{2}[ -]?(?:19|20)\d{2}$/.test(run) ? run : NUMBER_PLACEHOLDER;
  });
}

// Digits read out in characters (三七零二…, 幺 and 洞 as numbers are read aloud) or toneless pinyin.
const HAN_DIGIT = '[零〇洞一幺二两三四五六七拐八九叉]';
const SPOKEN_HAN_NUMBER = new RegExp(`${HAN_DIGIT}(?:[ ，,、]?${HAN_DIGIT}){6,}`, 'g');
const PINYIN_DIGIT = '(?:ling|dong|yi|yao|er|liang|san|si|wu|liu|qi|guai|ba|jiu|gou|cha|x)';
const SPOKEN_PINYIN_NUMBER = new RegExp(`\\b${PINYIN_DIGIT}(?:\\s+${PINYIN_DIGIT}){6,}\\b`, 'gi');

/** Seven or more digits read out in a row: no service name is spelled like that, an ID or phone number is. */
function scrubSpokenNumbers(text: string): string {
  return text.replace(SPOKEN_HAN_NUMBER, NUMBER_PLACEHOLDER).replace(SPOKEN_PINYIN_NUMBER, NUMBER_PLACEHOLDER);
}

// "我叫王秀兰", "俺叫…", "我的名字是…", "姓名：…", "本人…". Chinese names are one to three characters after the
// surname; where the name ends is unknown, so it ends at the first word that usually follows one, else after three.
const NAME_INTRO = '(?:我|俺|本人)(?:的)?名字(?:叫|是)|(?:我|俺|本人)叫|姓名(?:是|叫)?[:：]?|名字(?:叫|是)';
const AFTER_NAME = '[想要来的在是办查问能我俺帮今去身电手，,。.!！?？\\s]';
const HAN_NAME = new RegExp(`(${NAME_INTRO})\\s*(\\p{Script=Han}{1,3}?(?=${AFTER_NAME}|$)|\\p{Script=Han}{2,3})`, 'gu');
const SURNAME_INTRO = /((?:我|俺|本人)姓)\p{Script=Han}/gu;
const PINYIN_INTRO = '(?:wo|an|ben ren)\\s+(?:de\\s+)?ming zi\\s+(?:jiao|shi)|(?:wo|an|ben ren)\\s+jiao|xing ming(?:\\s+(?:shi|jiao))?';
const PINYIN_AFTER_NAME = '(?:xiang|yao|lai|de|zai|shi|ban|cha|wen|neng|wo|an|bang|jin|qu|shen|dian|shou)';
const PINYIN_NAME = new RegExp(
  `\\b(${PINYIN_INTRO})((?:\\s+[a-zü]+){1,3}?(?=\\s+${PINYIN_AFTER_NAME}\\b|\\s*$)|(?:\\s+[a-zü]+){2,3})`,
  'gi',
);

function scrubNames(text: string): string {
  return text
    .replace(HAN_NAME, (_m, intro: string) => `${intro}${NAME_PLACEHOLDER}`)
    .replace(SURNAME_INTRO, (_m, intro: string) => `${intro}${NAME_PLACEHOLDER}`)
    .replace(PINYIN_NAME, (_m, intro: string) => `${intro} ${NAME_PLACEHOLDER}`);
}
