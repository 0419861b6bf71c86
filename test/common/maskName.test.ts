import { describe, expect, it } from 'vitest';
import { maskName } from '../../common/maskName.js';

describe('maskName: names as the hall shows them', () => {
  it('keeps the family name and the last character of three or more', () => {
    expect(maskName('王秀兰')).toBe('王*兰');
    expect(maskName('欧阳秀兰')).toBe('欧**兰');
  });
  it('keeps only the family name of a two-character name, and shows nothing of one character', () => {
    expect(maskName('李明')).toBe('李*');
    expect(maskName('明')).toBe('*');
    expect(maskName('  ')).toBe('');
  });
});
