import { pinyin } from 'pinyin-pro';
import { readNumbersInChinese } from './readNumbersInChinese.js';

// Sentence punctuation becomes an ASCII full stop and clause punctuation a comma, so espeak-ng pauses where a
// clerk would; capitals are spelled letter by letter (ABC → A B C); any other symbol is a plain word break.
const PINYIN_SYLLABLE = /^[a-zü]+[0-5]$/;

function spokenPunctuation(token: string): string {
  return token
    .replace(/[。！？!?；;…]+/g, '.')
    .replace(/[，,、：:—]+/g, ',')
    .replace(/([A-Z])(?=[A-Z])/g, '$1 ')
    .replace(/[^A-Za-z.,]+/g, ' ');
}

/**
 * Chinese text → numbered pinyin for espeak-ng's cmn-latn-pinyin voice (the recipe in
 * shared/data/speech/espeak-synth/README.txt): numbers are first spelled out in Chinese, the neutral tone is
 * written 5, and tone sandhi (一个 yi2 ge4, 不是 bu2 shi4) is applied by pinyin-pro.
 * "请拨打12333。" → "qing3 bo1 da3 yi1 er4 san1 san1 san1."
 */
export function toNumberedPinyin(text: string): string {
  const tokens = pinyin(readNumbersInChinese(text), { toneType: 'num', type: 'array', nonZh: 'consecutive' });
  let spoken = '';
  for (const token of tokens) {
    if (PINYIN_SYLLABLE.test(token)) spoken += ` ${token.replace(/0$/, '5')}`;
    else spoken += ` ${spokenPunctuation(token)} `;
  }
  return spoken
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,])/g, '$1')
    .replace(/([.,])[.,]+/g, '$1')
    .replace(/^[\s.,]+/, '')
    .trim();
}
