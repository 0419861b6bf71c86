import { describe, expect, it } from 'vitest';
import {
  birthDateFromIdNumber,
  genderFromIdNumber,
  idNumberCheckCharacter,
  isValidIdNumber,
} from '../../../app/core/backend/index.js';

describe('ID number check character (GB 11643)', () => {
  it('computes the published example: 11010519491231002X', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
  });

  it('accepts Qingdao numbers with the right check digit, in either case of x', () => {
    expect(isValidIdNumber('370202195608020350')).toBe(true);
    expect(isValidIdNumber('37021319581120068X')).toBe(true);
    expect(isValidIdNumber('37021319581120068x')).toBe(true);
    expect(isValidIdNumber(' 3702 1319 5811 2006 8X ')).toBe(true);
  });

  it('rejects every wrong check character', () => {
    const first17 = '37020219560802035';
    for (const candidate of '0123456789X') {
      expect(isValidIdNumber(first17 + candidate)).toBe(candidate === '0');
    }
  });

  it('rejects a swapped pair of digits (the typo the check digit exists for)', () => {
    expect(isValidIdNumber('370220195608020350')).toBe(false);
    expect(isValidIdNumber('370202195608023050')).toBe(false);
  });

  it('rejects impossible and future birth dates even with a matching check character', () => {
    const february30 = '37020219990230123';
    expect(isValidIdNumber(february30 + idNumberCheckCharacter(february30))).toBe(false);
    const future = '37020230990101123';
    expect(isValidIdNumber(future + idNumberCheckCharacter(future), new Date('2025-03-14'))).toBe(false);
    const leapDay = '37020220000229123';
    expect(isValidIdNumber(leapDay + idNumberCheckCharacter(leapDay))).toBe(true);
  });

  it('rejects wrong shapes', () => {
    expect(isValidIdNumber('')).toBe(false);
    expect(isValidIdNumber('37020219560802035')).toBe(false);
    expect(isValidIdNumber('3702021956080203500')).toBe(false);
    expect(isValidIdNumber('37020219560802035A')).toBe(false);
    expect(isValidIdNumber('070202195608020350')).toBe(false);
  });

  it('reads birth date and gender from the number', () => {
    expect(birthDateFromIdNumber('370202195608020350')).toBe('1956-08-02');
    expect(genderFromIdNumber('370202195608020350')).toBe('男');
    expect(genderFromIdNumber('37021319581120068X')).toBe('女');
  });
});
