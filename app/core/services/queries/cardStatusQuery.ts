import type { CardStatus } from '../../backend/backendTypes.js';
import type { PersonalQuery } from './personalQuery.js';
import { dayLabel } from './personalQuery.js';

/** What each card status means for the citizen, and what to do. */
const MEANING: Record<CardStatus, string> = {
  正常: '可以正常使用',
  临时挂失: '已经临时挂失，现在不能用来付款和看病结算，找到了可以解挂，找不到可以办正式挂失和补卡',
  挂失: '已经正式挂失，不能再用，需要补办新卡',
  补卡中: '新卡正在制作，做好后会通知您来领',
  封存: '被银行封存了，需要带身份证到发卡银行解封',
};

/** 社保卡状态: 正常/临时挂失/挂失/补卡中/封存, since when, and what it means. */
export const cardStatusQuery: PersonalQuery = {
  service: 'query_card_status',
  ifWrong: '如果卡的状态不对，请带上身份证到社保卡服务窗口，工作人员当场核实。',
  async answer(backend, citizenId) {
    const card = await backend.getCard(citizenId);
    return {
      title: '社保卡状态',
      spoken: `您的社保卡${MEANING[card.status]}。`,
      screen: [`卡号：${card.cardNumberMasked}`, `状态：${card.status}（自${dayLabel(card.statusSince)}起）`, `合作银行：${card.bank}`, `发卡日期：${dayLabel(card.issuedDate)}`].join('\n'),
      empty: false,
    };
  },
};
