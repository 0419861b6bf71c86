import { describe, expect, it } from 'vitest';
import { addressProblem, maskAddress } from '../../../app/core/backend/contactAddress.js';
import { addressField, hanNumber, readAddress } from '../../../app/core/transactions/addressField.js';

const NO_NUMBER = '地址要有门牌号，比如“香港中路10号”，请把门牌号也告诉我。';
const NO_ROAD = '地址要有路名或者街道名，比如“市南区香港中路10号3单元201”。';

describe('an address as a citizen says or types it', () => {
  it('区 + 路 + 门牌 (+ 楼/单元/室), with or without the district and 青岛市, inside what else is said', () => {
    expect(readAddress('市南区香港中路10号3单元201')).toEqual({ ok: true, value: '市南区香港中路10号3单元201' });
    expect(readAddress('青岛市市南区八大峡街道团岛二路3号')).toEqual({ ok: true, value: '市南区八大峡街道团岛二路3号' });
    expect(readAddress('帮我把地址改成市北区台东一路23号')).toEqual({ ok: true, value: '市北区台东一路23号' });
    expect(readAddress('我家搬到了延安三路5号2号楼1单元502室')).toEqual({ ok: true, value: '延安三路5号2号楼1单元502室' });
    expect(readAddress('手机号码13912345678，地址是李沧区京口路88号')).toEqual({ ok: true, value: '李沧区京口路88号' });
    expect(readAddress('市南区 香港中路 10号')).toEqual({ ok: true, value: '市南区香港中路10号' });
  });

  it('numbers said in characters: 十号 → 10号, 三单元 → 3单元, a room read digit by digit; a numeral in a road name stays', () => {
    expect(readAddress('香港中路十号三单元二零一')).toEqual({ ok: true, value: '香港中路10号3单元201' });
    expect(readAddress('新地址：崂山区海尔路一百零八号')).toEqual({ ok: true, value: '崂山区海尔路108号' });
    expect(readAddress('台东一路二十三号')).toEqual({ ok: true, value: '台东一路23号' });
    expect([hanNumber('十'), hanNumber('二十三'), hanNumber('一百零五'), hanNumber('一百二十'), hanNumber('二零一'), hanNumber('幺洞二')]).toEqual(['10', '23', '105', '120', '201', '102']);
  });

  it('a road without a house number, or numbers without a road, is told what is missing; nothing of an address is no answer', () => {
    expect(readAddress('我搬到香港中路了')).toEqual({ ok: false, problem: NO_NUMBER });
    expect(readAddress('市南区10号3单元')).toEqual({ ok: false, problem: NO_ROAD });
    expect(readAddress('小区3号楼')).toEqual({ ok: false, problem: NO_ROAD });
    for (const line of ['不用', '我不知道', '13912345678', '幺三八零零幺三八零零零', '手机号码改一下', '确认', '']) expect(readAddress(line), line).toBeNull();
  });

  it('the business system checks the same shape and masks after the road', () => {
    expect(addressProblem('市南区香港中路10号3单元201')).toBeNull();
    expect(addressProblem('香港中路')).toBe('no-number');
    expect(addressProblem('市南区10号')).toBe('no-road');
    expect(maskAddress('市南区香港中路10号3单元201')).toBe('市南区香港中路****');
    expect(maskAddress('李沧区京口路88号')).toBe('李沧区京口路****');
  });

  it('as a field: read back in full, optional only when asked to be', () => {
    const required = addressField('mailingAddress', '邮寄地址', '请说邮寄地址。');
    expect(required).toMatchObject({ name: 'mailingAddress', label: '邮寄地址', ask: '请说邮寄地址。' });
    expect(required.optional).toBeUndefined();
    expect(required.read('寄到市南区香港中路10号', null)).toEqual({ ok: true, value: '市南区香港中路10号' });
    expect(required.readBack('市南区香港中路10号3单元201')).toBe('市南区香港中路10号3单元201');
    expect(addressField('address', '联系地址', '…', { optional: true }).optional).toBe(true);
  });
});
