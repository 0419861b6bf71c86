import { maskName } from '../../../../common/maskName.js';
import { BackendError } from '../../backend/backendError.js';
import type { OpenQuery } from './personalQuery.js';
import { dayLabel } from './personalQuery.js';

const title = '职业技能等级证书查询';

/**
 * The name is never read aloud in its masked form (a voice would read the '*'): the robot says the family name only.
 *
 * 职业技能等级证书 by its number: a public lookup, no identity needed. It shows no more than the public lookup does:
 * the holder's name masked (孙*军; masked again here in case a system sends it whole), no ID number.
 */
export const skillCertificateQuery: OpenQuery = {
  service: 'query_skill_certificate',
  ifWrong: '如果查到的信息和纸质证书不一致，请联系证书上的评价机构（名称在屏幕上）核实，也可以在人社部“技能人才评价证书全国联网查询”上再查一次。',
  async answer(backend, slots) {
    const number = slots.certificateNumber;
    if (!number) {
      return { title, spoken: '请告诉我证书编号，就是证书上“证书编号”后面那一串字母和数字。', screen: '请说出或输入证书编号（例如 S000037021002193000284）。', empty: true };
    }
    try {
      const c = await backend.lookupSkillCertificate(number);
      const state = c.status === '有效' ? '这本证书是有效的' : '这本证书已经注销了，不能再作为有效证书使用';
      return {
        title,
        spoken: `${state}：持证人姓${[...maskName(c.holderNameMasked)][0]}，${c.occupation}，${c.level.replace('/', '，')}，${dayLabel(c.issuedDate)}发证。详细信息在屏幕上。`,
        screen: [
          `证书编号：${c.certificateNumber}`,
          `持证人：${maskName(c.holderNameMasked)}`,
          `职业（工种）：${c.occupation}`,
          `等级：${c.level}`,
          `发证日期：${dayLabel(c.issuedDate)}`,
          `评价机构：${c.issuingBody}`,
          `状态：${c.status}`,
          '公开查询只显示部分姓名，不显示身份证号。',
        ].join('\n'),
        empty: false,
      };
    } catch (error) {
      if (error instanceof BackendError && (error.code === 'CERTIFICATE_NOT_FOUND' || error.code === 'INVALID_CERTIFICATE_NUMBER')) {
        const why = error.code === 'CERTIFICATE_NOT_FOUND' ? '没有查到这个编号的证书' : '这个编号不完整';
        return {
          title,
          spoken: `${why}。请对照屏幕上的编号核对一下，再说一遍。`,
          screen: `您说的编号：${number}\n${why}。请核对证书上的编号，也可以在人社部“技能人才评价证书全国联网查询”上查。`,
          empty: true,
        };
      }
      throw error;
    }
  },
};
