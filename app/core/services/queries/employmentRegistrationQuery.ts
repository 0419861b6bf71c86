import type { EmploymentRegistration } from '../../backend/backendTypes.js';
import type { PersonalQuery } from './personalQuery.js';
import { dayLabel } from './personalQuery.js';

/** One registration as a line: 2018年9月5日至2019年2月28日：失业登记（…中心）. */
export function registrationLine(r: EmploymentRegistration['history'][number]): string {
  const span = r.to ? `${dayLabel(r.from)}至${dayLabel(r.to)}` : `${dayLabel(r.from)}起至今`;
  const where = r.status === '就业' ? (r.employer === '灵活就业' ? '灵活就业' : r.employer ?? '') : r.office ?? '';
  return `${span}：${r.status}登记${where ? `（${where}）` : ''}`;
}

function statusWords(reg: EmploymentRegistration): string {
  switch (reg.status) {
    case '就业':
      return reg.employer === '灵活就业'
        ? `您现在是就业登记状态，${reg.since ? `${dayLabel(reg.since)}起` : ''}以灵活就业身份登记。`
        : `您现在是就业登记状态，${reg.since ? `${dayLabel(reg.since)}起` : ''}在${reg.employer ?? '单位'}就业。`;
    case '失业':
      return `您现在是失业登记状态，${reg.since ? `${dayLabel(reg.since)}起` : ''}在${reg.office ?? '公共就业服务机构'}登记，可以享受免费的职业介绍和职业培训。`;
    case '退休':
      return `您已经退休${reg.since ? `（${dayLabel(reg.since)}起）` : ''}，不再做就业失业登记。`;
    case '未登记':
      return '您现在没有就业或失业登记。';
  }
}

/** 就业失业登记状态: the open registration spoken; every registration on screen. */
export const employmentRegistrationQuery: PersonalQuery = {
  service: 'query_employment_registration',
  ifWrong: '如果登记状态不对，比如已经找到工作还显示失业，请带上身份证和劳动合同，到就业服务窗口或者街道（社区）劳动保障站更正。',
  async answer(backend, citizenId) {
    const reg = await backend.getEmploymentRegistration(citizenId);
    const title = '就业失业登记状态';
    if (reg.status === '未登记' && reg.history.length === 0) {
      return { title, spoken: '没有查到您的就业或失业登记记录。没有工作需要登记失业的，可以跟我说“失业登记”。', screen: '暂无就业失业登记记录。', empty: true };
    }
    const changes = reg.history.length > 1 ? `您一共有${reg.history.length}条登记记录，都在屏幕上。` : '';
    return {
      title,
      spoken: `${statusWords(reg)}${changes}`,
      screen: [`当前状态：${reg.status}${reg.since ? `（${dayLabel(reg.since)}起）` : ''}`, '登记记录：', ...reg.history.map(registrationLine)].join('\n'),
      empty: false,
    };
  },
};
