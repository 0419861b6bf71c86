import type { CardApplications } from '../../backend/backendTypes.js';
import type { PersonalQuery } from './personalQuery.js';
import { dayLabel } from './personalQuery.js';

type CardApplication = CardApplications['applications'][number];

const KIND_WORDS: Record<CardApplication['kind'], string> = { 首次申领: '申领的社保卡', 补卡: '补办的社保卡', 换卡: '换领的新社保卡' };

function stageWords(a: CardApplication): string {
  const what = `您${dayLabel(a.appliedDate)}${KIND_WORDS[a.kind]}`;
  switch (a.stage) {
    case '已受理':
      return `${what}已经受理，正在等待制卡，做好后会短信通知您。`;
    case '制卡中':
      return `${what}正在制作，做好后会短信通知您来领。`;
    case '待领取':
      return a.pickup ? `${what}已经做好了，请带上身份证到${a.pickup.hall}${a.pickup.window}领取。` : `${what}已经做好了，请带上身份证到申请的网点领取。`;
    case '已邮寄':
      return a.delivery ? `${what}已经在${dayLabel(a.delivery.mailedDate)}用${a.delivery.carrier}寄出，快递单号在屏幕上。` : `${what}已经寄出。`;
    case '已领取':
      return `${what}已经领走了。`;
  }
}

/** 制卡进度: the newest application's stage and where to collect or how it was sent, spoken; every stage with its day on screen. */
export const cardProductionQuery: PersonalQuery = {
  service: 'query_card_production',
  ifWrong: '如果制卡进度很久没有变化或者不对，请带上身份证和申请回执到社保卡服务窗口查询；邮寄的卡没收到，可以先按屏幕上的快递单号查物流。',
  async answer(backend, citizenId) {
    const { applications } = await backend.getCardApplications(citizenId);
    const title = '社保卡制卡进度';
    if (applications.length === 0) {
      return { title, spoken: '没有查到您申请制作社保卡的记录。想看现在这张卡能不能用，可以问我“社保卡状态”。', screen: '暂无制卡申请记录。', empty: true };
    }
    const latest = applications[0]!;
    const others = applications.length > 1 ? `您一共有${applications.length}次制卡申请，` : '';
    const screen = applications.flatMap((a) => [
      `${a.kind}（${a.channel}，${dayLabel(a.appliedDate)}申请，编号${a.applicationId}）：${a.stages.map((s) => `${s.stage} ${dayLabel(s.date)}`).join(' → ')}`,
      ...(a.pickup && a.stage === '待领取' ? [`领取地点：${a.pickup.hall}${a.pickup.window}（请带身份证）`] : []),
      ...(a.delivery ? [`邮寄：${a.delivery.carrier}，单号 ${a.delivery.trackingNumber}，${dayLabel(a.delivery.mailedDate)}寄出`] : []),
    ]);
    return { title, spoken: `${stageWords(latest)}${others ? `${others}都在屏幕上。` : ''}`, screen: screen.join('\n'), empty: false };
  },
};
