import { CARD_PICKUP_HALLS, type CardCollection } from '../backend/cardAndCertificateTypes.js';
import type { FieldReading, TransactionField } from './transactionSpec.js';

/** What a citizen says to have the card sent rather than collect it. */
const WANTS_MAIL = /邮寄|寄到|寄给|寄回|寄过来|快递|邮到|送到家|送上门/;
/** A mailing address names the street or estate, and the door. */
const ADDRESS_STREET = /街道|镇|路|街|村|社区|小区/;
const ADDRESS_DOOR = /[\d一二三四五六七八九十零〇两百]+(号|楼|单元|室|户)/;
/** Words before the address itself ("邮寄到", "地址是"): the address is what follows the last of them. */
const ADDRESS_LEAD = /(?:邮寄到|寄到|邮到|送到|寄给我|地址是|地址在|地址[:：]|住在|家在|家住)/g;

/** The halls and "邮寄" in the small recognizer's toneless pinyin (an address itself cannot be read from it). */
const HALLS_PINYIN: Record<string, RegExp> = {
  'QD-SN-01': / shi nan /, 'QD-SB-01': / shi bei /, 'QD-LC-01': / li cang /, 'QD-LS-01': / lao shan /,
  'QD-CY-01': / cheng yang /, 'QD-HD-01': / (huang dao|xi hai an) /, 'QD-JM-01': / ji mo /,
};
const MAIL_PINYIN = / (you ji|ji dao|kuai di|you dao) /;

export const MAIL_CHOICE = '邮寄到家';

/** The address in a reply ("邮寄到市北区台东街道幸福小区3号楼2单元301"), without the words around it. */
function addressIn(text: string): string {
  const compact = text.replace(/\s+/g, '').replace(/[。！!？?]+$/, '');
  let start = 0;
  for (const lead of compact.matchAll(ADDRESS_LEAD)) start = (lead.index ?? 0) + lead[0].length;
  return compact.slice(start).replace(/^[，,：:]+/, '').replace(/(吧|就行|就好|谢谢|，?谢谢你?)+$/, '');
}

function isAddress(address: string): boolean {
  return address.length >= 6 && ADDRESS_STREET.test(address) && ADDRESS_DOOR.test(address);
}

function readCollection(text: string, pinyin: string | null): FieldReading<CardCollection> {
  const heard = ` ${(pinyin ?? (/^[a-z\s]+$/i.test(text) ? text : '')).toLowerCase().trim().replace(/\s+/g, ' ')} `;
  const wantsMail = WANTS_MAIL.test(text) || MAIL_PINYIN.test(heard);
  const address = addressIn(text);
  // An address with a door is a mailing address, said with "邮寄" or in answer to "寄到哪里".
  if (isAddress(address)) return { ok: true, value: { method: 'mail', address } };
  if (wantsMail) return { ok: false, problem: '邮寄要有详细地址，请说清楚哪个街道、哪个小区、几号楼几单元几室。' };
  const hall =
    CARD_PICKUP_HALLS.find((candidate) => candidate.says.some((word) => text.includes(word))) ??
    CARD_PICKUP_HALLS.find((candidate) => HALLS_PINYIN[candidate.code]?.test(heard));
  if (hall) return { ok: true, value: { method: 'pickup', hallCode: hall.code } };
  if (/大厅|自己去|去拿|去领|到.{0,4}领/.test(text)) {
    return { ok: false, problem: `可以领卡的大厅有：${CARD_PICKUP_HALLS.map((h) => h.label).join('、')}。` };
  }
  return null;
}

/** How the citizen gets the new card: collected at one of the city's halls, or mailed to an address read back in full. */
export const cardCollectionField: TransactionField<CardCollection> = {
  name: 'collection',
  label: '领卡方式',
  ask: '新卡您想到哪个区的人社服务大厅领取，还是邮寄到家？领取请说区的名字，邮寄请说“邮寄到”加上详细地址。',
  choices: [...CARD_PICKUP_HALLS.map((hall) => hall.label), MAIL_CHOICE],
  read: (text, pinyin) => readCollection(text, pinyin),
  readBack: (value) => {
    if (value.method === 'mail') return `邮寄到${value.address}`;
    const hall = CARD_PICKUP_HALLS.find((candidate) => candidate.code === value.hallCode);
    return `到${hall?.label ?? value.hallCode}领取`;
  },
};
