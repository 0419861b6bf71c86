import { registrationLine } from './employmentRegistrationQuery.js';
import type { PersonalQuery } from './personalQuery.js';
import { dayLabel } from './personalQuery.js';

/** 就业创业证信息: whether there is one, who issued it and when, spoken; its number and the registrations it records on screen. */
export const employmentCertificateQuery: PersonalQuery = {
  service: 'query_employment_certificate',
  ifWrong: '如果就业创业证的信息不对或者证丢了，请带上身份证到发证的公共就业服务机构（名称在屏幕上）更正或补发。',
  async answer(backend, citizenId) {
    const [{ certificate }, registration] = await Promise.all([backend.getEmploymentCertificate(citizenId), backend.getEmploymentRegistration(citizenId)]);
    const title = '就业创业证信息';
    if (!certificate) {
      return { title, spoken: '没有查到您的就业创业证。办理失业登记或就业登记时可以一并申领，需要的话请到就业服务窗口。', screen: '暂无就业创业证。', empty: true };
    }
    const state = certificate.status === '有效' ? '目前有效' : '已经注销，不能再使用';
    return {
      title,
      spoken: `您的就业创业证是${dayLabel(certificate.issuedDate)}由${certificate.issuedBy}发的，${state}。证号和证上记载的登记记录在屏幕上。`,
      screen: [
        `证号：${certificate.certificateNumber}`,
        `发证日期：${dayLabel(certificate.issuedDate)}`,
        `发证机构：${certificate.issuedBy}`,
        `状态：${certificate.status}`,
        ...(registration.history.length > 0 ? ['就业失业登记记录：', ...registration.history.map(registrationLine)] : []),
      ].join('\n'),
      empty: false,
    };
  },
};
