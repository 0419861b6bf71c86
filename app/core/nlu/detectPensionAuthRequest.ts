import { looksLikePinyin, normalizeText } from './normalizeText.js';

// "我要做养老认证" is a request to do it here; "养老认证多久一次" is a policy question for the knowledge base.
const REQUEST = /(我要|我想|我来|帮我|给我|来|要)(做|办|搞|进行|刷)?(一下|个)?(养老金?|退休金)?(待遇)?(资格)?(认证|刷脸|年审)/;
const QUESTION = /(怎么|怎样|如何|多久|多长|什么|啥|哪|吗|几|为什么|能不能|可不可以|是不是|要不要)/;
const REQUEST_PINYIN = /\b(wo yao|wo xiang|bang wo|gei wo)\b.*\b(ren zhen|ren zheng|shua lian|nian shen)\b/;
const QUESTION_PINYIN = /\b(zen me|duo jiu|shen me|na li|ma|wei shen me|neng bu neng)\b/;

/** True when the citizen asks to do the pension qualification authentication now. */
export function detectPensionAuthRequest(text: string): boolean {
  const t = normalizeText(text);
  if (looksLikePinyin(t)) return REQUEST_PINYIN.test(t) && !QUESTION_PINYIN.test(t);
  return REQUEST.test(t) && !QUESTION.test(t);
}
