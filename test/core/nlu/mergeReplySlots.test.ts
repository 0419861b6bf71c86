import { describe, expect, it } from 'vitest';
import { extractSlots } from '../../../app/core/nlu/extractSlots.js';
import { combineCategory, mergeReplySlots } from '../../../app/core/nlu/mergeReplySlots.js';

describe('the reply to a query that asked for something, folded into its slots', () => {
  it('digits said alone answer "请告诉我证书编号" (but never an ID or a phone number)', () => {
    expect(mergeReplySlots({}, '3702202300112233').certificateNumber).toBe('3702202300112233');
    expect(mergeReplySlots({}, 's ling ling ling ling san qi ling er yi ling ling er yi jiu san ling ling ling er ba si').certificateNumber).toBe('S000037021002193000284');
    expect(mergeReplySlots({}, '370203196203150422').certificateNumber).toBeUndefined();
    expect(mergeReplySlots({}, '13805321101').certificateNumber).toBeUndefined();
  });

  it('a birth month said alone; a month said after the year; a year kept when only the month comes', () => {
    expect(mergeReplySlots({ retirementCategory: '男' }, '1965年3月')).toEqual({ retirementCategory: '男', birthYearMonth: { year: 1965, month: 3 }, year: 1965 });
    const pending = extractSlots('我是男的，65年生的');
    expect(pending.birthYearMonth).toEqual({ year: 1965 });
    expect(mergeReplySlots(pending, '三月份').birthYearMonth).toEqual({ year: 1965, month: 3 });
    expect(mergeReplySlots(pending, '腊月').birthYearMonth).toEqual({ year: 1965, month: 12 });
    expect(mergeReplySlots(pending, 'san yue').birthYearMonth).toEqual({ year: 1965, month: 3 });
    expect(mergeReplySlots(pending, '不知道').birthYearMonth).toEqual({ year: 1965 });
  });

  it('the category, or its missing half', () => {
    expect(mergeReplySlots({ birthYearMonth: { year: 1975, month: 3 }, retirementCategory: '女' }, '工人').retirementCategory).toBe('女工人');
    expect(mergeReplySlots({ retirementCategory: '女' }, '管理岗').retirementCategory).toBe('女干部');
    expect(mergeReplySlots({ retirementCategory: '干部' }, '女的').retirementCategory).toBe('女干部');
    expect(mergeReplySlots({ retirementCategory: '工人' }, '男的').retirementCategory).toBe('男');
    expect(mergeReplySlots({}, '我是女工人').retirementCategory).toBe('女工人');
    expect(combineCategory('男', '干部')).toBe('男');
    expect(combineCategory('女干部', '工人')).toBe('女工人');
    expect(combineCategory('女工人', '女')).toBe('女工人');
    expect(combineCategory(undefined, undefined)).toBeUndefined();
  });
});
