import { describe, expect, it } from 'vitest';
import { parseSmallNumber } from '../../../app/core/nlu/chineseNumber.js';
import { detectGuideRequest } from '../../../app/core/nlu/detectGuideRequest.js';

describe('guide requests', () => {
  it.each([
    ['带我去3号窗口', 'window-3'],
    ['三号窗口在哪', 'window-3'],
    ['请问12号窗口怎么走', 'window-12'],
    ['窗口5怎么去', 'window-5'],
    ['领我到二十一号柜台', 'window-21'],
    ['自助区在哪儿', 'self-service'],
    ['大门在哪边', 'entrance'],
    ['dai wo qu san hao chuang kou', 'window-3'],
    ['shi er hao chuang kou zen me zou', 'window-12'],
    ['zi zhu qu zai na', 'self-service'],
  ])('%s → %s', (text, placeId) => {
    expect(detectGuideRequest(text)).toEqual({ placeId });
  });

  it.each(['失业金怎么领', '3号窗口是办什么的', '养老认证', '我刚从5号窗口过来', 'shi ye jin zen me ling', 'san hao chuang kou ban shen me'])('leaves "%s" to the other services', (text) => {
    expect(detectGuideRequest(text)).toBeNull();
  });
});

describe('small Chinese numbers', () => {
  it.each([['3', 3], ['十', 10], ['十二', 12], ['二十', 20], ['二十一', 21], ['两', 2], ['九十九', 99]] as const)('%s = %d', (t, n) => {
    expect(parseSmallNumber(t)).toBe(n);
  });
  it('rejects what is not a small number', () => {
    expect(parseSmallNumber('一百')).toBeNull();
    expect(parseSmallNumber('abc')).toBeNull();
  });
});
