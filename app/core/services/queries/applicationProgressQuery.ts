import type { ApplicationList } from '../../backend/backendTypes.js';
import type { PersonalQuery } from './personalQuery.js';
import { dayLabel } from './personalQuery.js';

type Application = ApplicationList['applications'][number];

const dayOf = (timestamp: string) => timestamp.slice(0, 10);
const where = (a: Application) => (a.channel === '自助服务机' ? '在自助服务机' : a.channel === '服务窗口' ? '在窗口' : a.channel === '合作银行' ? '在合作银行' : '在网上');

/** 业务办理进度: what is still being handled (or the newest submission) spoken; every submission, here or elsewhere, on screen. */
export const applicationProgressQuery: PersonalQuery = {
  service: 'query_application_progress',
  ifWrong: '如果办理进度不对或者很久没有变化，请带上身份证和受理回执到窗口，工作人员按屏幕上的受理编号帮您查。',
  async answer(backend, citizenId) {
    const { applications } = await backend.getApplications(citizenId);
    const title = '业务办理进度';
    if (applications.length === 0) return { title, spoken: '没有查到您提交过的业务申请。', screen: '暂无业务办理记录。', empty: true };
    const open = applications.filter((a) => a.state === '已受理' || a.state === '办理中');
    let spoken: string;
    if (open.length > 0) {
      const named = open.slice(0, 2).map((a) => `${dayLabel(dayOf(a.submittedAt))}${where(a)}办的${a.kind}到了“${a.stage}”这一步`);
      spoken = `您有${open.length}笔业务正在办理：${named.join('；')}${open.length > 2 ? '；还有其他的' : ''}。`;
    } else {
      const latest = applications[0]!;
      spoken = `您${dayLabel(dayOf(latest.submittedAt))}${where(latest)}办的${latest.kind}已经${latest.state === '未通过' ? '审核未通过' : `办结，结果是“${latest.stage}”`}。`;
    }
    const refused = applications.some((a) => a.state === '未通过') && open.length > 0 ? '有未通过的，原因请到窗口问。' : '';
    return {
      title,
      spoken: `${spoken}${refused}${applications.length > 1 ? `全部${applications.length}笔记录` : '详细记录'}在屏幕上。`,
      screen: applications
        .map((a) => `${a.applicationId}｜${a.kind}｜${a.channel}｜${dayLabel(dayOf(a.submittedAt))}提交｜${a.state}：${a.stage}（${dayLabel(a.updatedDate)}更新）`)
        .join('\n'),
      empty: false,
    };
  },
};
