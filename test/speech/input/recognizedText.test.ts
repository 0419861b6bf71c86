import { describe, expect, it } from 'vitest';
import { pinyinOfText, recognizedText, stripTones, syllablesFromPinyinTokens, textFromCharacters, textFromPinyinTokens } from '../../../speech/asr/recognizedText.js';

describe('pinyin normalisation of recognizer output (recognizedText.ts)', () => {
  it('strips tones and keeps ü', () => {
    expect(stripTones('huān')).toBe('huan');
    expect(stripTones('lǜ')).toBe('lü');
    expect(stripTones('lüè')).toBe('lüe');
    expect(stripTones('nǚ')).toBe('nü');
    expect(stripTones('ń')).toBe('n');
    expect(stripTones('shì')).toBe('shi');
  });

  it('joins a pinyin model\'s initials and finals into syllables', () => {
    expect(syllablesFromPinyinTokens(['h', 'uān', 'y', 'íng'])).toEqual(['huān', 'yíng']);
    expect(textFromPinyinTokens(['h', 'uān', 'y', 'íng', 'd', 'à', 'j', 'iā'])).toEqual({ text: 'huan ying da jia', pinyin: 'huan ying da jia' });
  });

  it('keeps a final without an initial as its own syllable', () => {
    expect(textFromPinyinTokens(['n', 'ǚ', 'ér']).pinyin).toBe('nü er');
    expect(textFromPinyinTokens(['x', 'iǎo', 'ài', 't', 'óng', 'x', 'ué']).pinyin).toBe('xiao ai tong xue');
  });

  it('treats zh/ch/sh as one initial and y/w as initials', () => {
    expect(textFromPinyinTokens(['zh', 'ōng', 'sh', 'ì', 'ch', 'ū', 'y', 'ǔ', 'w', 'ǒ']).pinyin).toBe('zhong shi chu yu wo');
  });

  it('keeps an initial whose final was dropped mid-utterance, and drops one still waiting for its final at the end', () => {
    expect(textFromPinyinTokens(['g', 'd', 'e']).pinyin).toBe('g de');
    expect(textFromPinyinTokens(['g', 'uǒ', 'd']).pinyin).toBe('guo');
  });

  it('drops markers and lower-cases the model\'s English letters', () => {
    expect(textFromPinyinTokens(['<unk>', 'A', '#3', 'b', 'ā', '○']).pinyin).toBe('a ba');
    expect(textFromPinyinTokens([]).pinyin).toBe('');
  });

  it('carries characters as text and gives their toneless pinyin, reading polyphones in context', () => {
    expect(textFromCharacters(' 我要打印参保证明 ')).toEqual({ text: '我要打印参保证明', pinyin: 'wo yao da yin can bao zheng ming' });
    expect(textFromCharacters('去银行').pinyin).toBe('qu yin hang');
    expect(textFromCharacters('重新办理').pinyin).toBe('chong xin ban li');
    expect(textFromCharacters('绿色通道').pinyin).toBe('lü se tong dao');
  });

  it('keeps Latin words and digits, drops punctuation and <unk>', () => {
    expect(pinyinOfText('我的手机号是138，对吗？')).toBe('wo de shou ji hao shi 138 dui ma');
    expect(textFromCharacters('打印<unk>ABC证明').text).toBe('打印ABC证明');
    expect(textFromCharacters('打印ABC证明').pinyin).toBe('da yin abc zheng ming');
  });

  it('chooses the rule by what the model outputs', () => {
    expect(recognizedText({ text: 'huānyíng', tokens: ['h', 'uān', 'y', 'íng'] }, 'pinyin')).toEqual({ text: 'huan ying', pinyin: 'huan ying' });
    expect(recognizedText({ text: '欢迎', tokens: ['欢', '迎'] }, 'characters')).toEqual({ text: '欢迎', pinyin: 'huan ying' });
  });
});
