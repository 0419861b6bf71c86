import { describe, expect, it } from 'vitest';
import { routeUtterance } from '../../../app/core/nlu/routeUtterance.js';

const service = (text: string, pinyin?: string) => routeUtterance(text, pinyin).service;

describe('routing 联系方式变更 and 社保卡解挂', () => {
  it('a new phone number for the record, however it is said', () => {
    for (const text of ['我要办联系方式变更', '我手机号换了，社保上的电话要改一下', '俺换号了，咋改社保留的电话', '帮我改手机号', '我预留的手机号不用了'])
      expect(service(text), text).toBe('change_contact');
  });

  it('a card that was found is 解挂, not 挂失', () => {
    for (const text of ['我的社保卡找到了，要解挂', '卡找着了，取消挂失']) expect(service(text), text).toBe('cancel_card_loss');
  });
});
