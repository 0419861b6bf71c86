import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../common/maskIdNumber.js';
import { normalizeIdNumber } from '../../common/normalizeIdNumber.js';

// One mask for the screen, the business system's answers and the printed certificate.
describe('ID number masking', () => {
  it('keeps the first 4 and last 4 characters, as printed certificates do', () => {
    expect(maskIdNumber('370202199001011234')).toBe('3702**********1234');
    expect(maskIdNumber('37020219900101123X')).toBe('3702**********123X');
    expect(maskIdNumber('370202195608020350')).toHaveLength(18);
  });

  it('masks the canonical form: spaces go, a lower-case x becomes X', () => {
    expect(maskIdNumber('37021319581120068x')).toBe('3702**********068X');
    expect(maskIdNumber(' 370213 1958 1120 068x')).toBe('3702**********068X');
    expect(normalizeIdNumber(' 37021319581120068x ')).toBe('37021319581120068X');
  });

  it('hides a too-short input completely', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
    expect(maskIdNumber('123456')).toBe('******');
  });
});
