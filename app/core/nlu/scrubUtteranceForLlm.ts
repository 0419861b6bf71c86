import { maskIdLike } from '../privacy/scrubPersonalData.js';

/**
 * What the citizen said, fit to leave the robot for the government LLM: ID numbers, phone numbers, card and account
 * numbers, self-introduced names and the names of people asked about become placeholders. The LLM only has to tell
 * which service is meant (or answer a policy question), and none of these says that. The kiosk's own scrubber (`maskIdLike`) keeps the first and last digits so a log reader can
 * recognise a number; here nothing of a number survives, and the scrubber runs last as a second net.
 */
export function scrubUtteranceForLlm(utterance: string): string {
  // Full-width digits and letters (１２３, Ｘ) as ASCII, the form the patterns below look for; punctuation stays.
  const text = utterance.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return maskIdLike(scrubNames(scrubSpokenNumbers(scrubDigitRuns(text))));
}

/**
 * What the citizen typed or said, fit to be shown back on the screen (where anyone behind them reads it): ID, phone,
 * card and account numbers masked the way the hall masks them (3702**********0422), whether typed in groups, in
 * full-width digits or read out in characters; the rest as they said it.
 */
export function maskNumbersForScreen(utterance: string): string {
  const text = utterance.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const masked = text.replace(DIGIT_RUN, (run) => {
    const compact = run.replace(/[ -]/g, '').toUpperCase();
    return compact.length >= 11 ? maskMiddle(compact) : run;
  });
  return maskIdLike(masked.replace(SPOKEN_HAN_NUMBER, (run) => maskMiddle(run.replace(/[ ，,、]/g, ''))));
}

/** The first four and the last four characters kept, the rest starred (runs shorter than eleven stay). */
function maskMiddle(run: string): string {
  const chars = [...run];
  return chars.length < 11 ? run : `${chars.slice(0, 4).join('')}${'*'.repeat(chars.length - 8)}${chars.slice(-4).join('')}`;
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
const NAME_INTRO = '(?:我|俺|本人)(?:的)?名字(?:叫|是)|(?:我|俺|本人|他|她)叫|名叫|姓名(?:是|叫)?[:：]?|名字(?:叫|是)';
const AFTER_NAME = '[想要来的在是办查问能我俺帮今去身电手，,。.!！?？\\s]';
const HAN_NAME = new RegExp(`(${NAME_INTRO})\\s*(\\p{Script=Han}{1,3}?(?=${AFTER_NAME}|$)|\\p{Script=Han}{2,3})`, 'gu');
const SURNAME_INTRO = /((?:我|俺|本人)姓)\p{Script=Han}/gu;
const PINYIN_INTRO = '(?:wo|an|ben ren)\\s+(?:de\\s+)?ming zi\\s+(?:jiao|shi)|(?:wo|an|ben ren)\\s+jiao|xing ming(?:\\s+(?:shi|jiao))?';
const PINYIN_AFTER_NAME = '(?:xiang|yao|lai|de|zai|shi|ban|cha|wen|neng|wo|an|bang|jin|qu|shen|dian|shou)';
const PINYIN_NAME = new RegExp(
  `\\b(${PINYIN_INTRO})((?:\\s+[a-zü]+){1,3}?(?=\\s+${PINYIN_AFTER_NAME}\\b|\\s*$)|(?:\\s+[a-zü]+){2,3})`,
  'gi',
);

// Someone else's name, as people ask for another's record or claim a relation ("张建国的社保卡", "我是王秀兰的儿子",
// "帮王秀兰查一下", "李志强托我问"): a common family name and one or two characters, right before 的 and something only
// a person has, between 帮/替/给 and what is to be done for them, or before 托我/让我. Words that look like that but are no name stay (高龄, 任何人, 江苏,
// and places: 黄岛区, 石家庄); where one slips through, the LLM only reads a placeholder where a word was.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔';
const OF_A_PERSON = '(?:的|之)(?:儿子|女儿|孩子|父亲|母亲|爸爸|妈妈|爸|妈|老伴|丈夫|妻子|爱人|老公|老婆|家属|社保|养老|缴费|身份证|档案|记录|信息|资料|失业|工伤|医保|退休|个人|账户|待遇|认证)';
const NAME_OF_PERSON = new RegExp(`[${SURNAMES}]\\p{Script=Han}{1,2}?(?=${OF_A_PERSON})`, 'gu');
const NAME_HELPED = new RegExp(`((?:帮|替|给)(?:我的?)?)([${SURNAMES}]\\p{Script=Han}{1,2}?)(?=查|问|办|看|领|交|认证|挂失|补)`, 'gu');
const NAME_SENDING = new RegExp(`[${SURNAMES}]\\p{Script=Han}{1,2}?(?=(?:托|让|叫|请|委托)我)`, 'gu');
const NOT_NAMES = new Set(['高龄', '高校', '高新', '金额', '金融', '任何', '方面', '方式', '方法', '江苏', '江西', '石油', '于是', '余额', '程序', '历史', '马上', '万元']);
const PLACE_OR_GROUP_END = /[区市省县镇乡村街路庄岛港湾山厂司局院校所处部委会队站馆园城业人们]$/u;

function looksLikeName(word: string): boolean {
  return !NOT_NAMES.has(word) && !PLACE_OR_GROUP_END.test(word);
}

function scrubNames(text: string): string {
  return text
    .replace(HAN_NAME, (_m, intro: string) => `${intro}${NAME_PLACEHOLDER}`)
    .replace(SURNAME_INTRO, (_m, intro: string) => `${intro}${NAME_PLACEHOLDER}`)
    .replace(PINYIN_NAME, (_m, intro: string) => `${intro} ${NAME_PLACEHOLDER}`)
    .replace(NAME_OF_PERSON, (word) => (looksLikeName(word) ? NAME_PLACEHOLDER : word))
    .replace(NAME_HELPED, (whole, help: string, word: string) => (looksLikeName(word) ? `${help}${NAME_PLACEHOLDER}` : whole))
    .replace(NAME_SENDING, (word) => (looksLikeName(word) ? NAME_PLACEHOLDER : word));
}
