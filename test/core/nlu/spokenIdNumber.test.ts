import { describe, expect, it } from 'vitest';
import { parseSpokenIdNumber } from '../../../app/core/nlu/spokenIdNumber.js';

describe('ID numbers read out loud', () => {
  it('reads toneless pinyin digits, including 幺 and X', () => {
    expect(parseSpokenIdNumber('san qi ling er ling san yao jiu liu er ling san yi wu ling si er er')).toBe('370203196203150422');
    expect(parseSpokenIdNumber('san qi ling er ling er yi jiu wu liu ling ba ling er ling san wu ai ke si')).toBe('37020219560802035X');
  });
  it('reads characters and digits, ignoring filler', () => {
    expect(parseSpokenIdNumber('我的号码是三七零二零三一九六二零三一五零四二二')).toBe('370203196203150422');
    expect(parseSpokenIdNumber('370203 19620315 0422')).toBe('370203196203150422');
  });
  it('hears 零 as lin and 九 as you, as the small development recognizer does', () => {
    expect(parseSpokenIdNumber('san qi lin er lin san yao you liu er lin san yi wu lin si er er')).toBe('370203196203150422');
  });
  it('refuses what is not 18 characters', () => {
    expect(parseSpokenIdNumber('san qi ling er')).toBeNull();
    expect(parseSpokenIdNumber('失业金怎么领')).toBeNull();
  });
});
