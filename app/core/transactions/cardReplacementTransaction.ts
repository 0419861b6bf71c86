import type { BackendClient } from '../backend/backendClient.js';
import { BackendError } from '../backend/backendError.js';
import {
  CARD_PICKUP_HALLS,
  CARD_PRODUCTION_WORKING_DAYS,
  CARD_REPLACEMENT_FEE_YUAN,
  CARD_REPLACEMENT_REASONS,
  maskMailingAddress,
  type CardCollection,
  type CardReplacementDetails,
  type CardReplacementReason,
  type CardReplacementResult,
} from '../backend/cardAndCertificateTypes.js';
import { citizenMessageFor } from '../backend/citizenMessages.js';
import { transactionKinds } from '../outbox/backendSenders.js';
import type { TransactionOutbox } from '../outbox/transactionOutbox.js';
import { cardCollectionField } from './cardCollectionField.js';
import type { TransactionField, TransactionSpec } from './transactionSpec.js';

const REASONS: [RegExp, CardReplacementReason][] = [
  [/挂失|丢了|丢失|弄丢|找不到|被偷|遗失|掉了/, '挂失后补卡'],
  [/损坏|坏了|坏掉|折了|断了|裂了|消磁|读不出|刷不了|芯片/, '卡损坏'],
  [/过期|到期|有效期/, '卡过期换卡'],
  [/信息变更|信息变了|改名|名字改|姓名变|信息有误|信息不对|换了身份证/, '信息变更换卡'],
];

/** The same, in the small recognizer's toneless pinyin. */
const REASONS_PINYIN: [RegExp, CardReplacementReason][] = [
  [/ (gua shi|diu le|diu shi|yi shi|zhao bu dao|bu jian le|diao le) /, '挂失后补卡'],
  [/ (huai le|sun huai|xiao ci|shua bu liao|du bu chu|zhe le|duan le) /, '卡损坏'],
  [/ (guo qi|dao qi|you xiao qi) /, '卡过期换卡'],
  [/ (xin xi|gai ming|xing ming) /, '信息变更换卡'],
];

const reasonField: TransactionField<CardReplacementReason> = {
  name: 'reason',
  label: '补换原因',
  ask: '您为什么要补换卡？是卡丢了已经挂失、卡坏了、卡过期了，还是姓名等信息变了要换卡？',
  choices: CARD_REPLACEMENT_REASONS,
  read: (text, pinyin) => {
    const heard = ` ${(pinyin ?? (/^[a-z\s]+$/i.test(text) ? text : '')).toLowerCase().trim().replace(/\s+/g, ' ')} `;
    const found = REASONS.find(([pattern]) => pattern.test(text)) ?? REASONS_PINYIN.find(([pattern]) => pattern.test(heard));
    return found ? { ok: true, value: found[1] } : null;
  },
  readBack: (value) => value,
};

function dayWords(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

function feeWords(reason: CardReplacementReason, collection: CardCollection | undefined): string {
  const fee = CARD_REPLACEMENT_FEE_YUAN[reason];
  if (fee === 0) return '这种情况换卡不收工本费。';
  const when = collection?.method === 'mail' ? '快递送卡上门时交' : '领卡时在大厅交';
  return `挂失补卡要交工本费${fee}元，${when}。`;
}

/**
 * 补换社保卡: why (挂失后补卡, 卡损坏, 卡过期换卡, 信息变更换卡, tappable) and how the new card is collected (a hall of the
 * city, tappable, or mailed to an address read back in full and masked on the receipt). The card's status is checked
 * first: a card already being replaced, or sealed, is told before anything is asked. The 工本费 and how long making
 * the card takes (the business system's rules) are said before the yes. Through the transaction outbox; the business
 * system checks everything again (挂失后补卡 needs a card reported lost, 换卡 a card in hand), told as it says it.
 */
export function cardReplacementTransaction(outbox: Pick<TransactionOutbox, 'submit'>, backend: Pick<BackendClient, 'getCard'>): TransactionSpec {
  return {
    service: 'replace_card',
    title: '补换社保卡',
    fields: [reasonField, cardCollectionField] as TransactionField[],
    async checkEligibility({ citizenId }) {
      let card;
      try {
        card = await backend.getCard(citizenId);
      } catch (error) {
        if (error instanceof BackendError && error.kind === 'not-found') {
          return { eligible: false, line: '没有查到您的社保卡。第一次申领社保卡要到社保卡窗口办理，我请工作人员来帮您。', callStaff: true };
        }
        throw error;
      }
      if (card.status === '补卡中') {
        return { eligible: false, line: '您的社保卡已经在补换了，不用再申请。新卡做到哪一步，可以问我“我的卡做好了没有”。' };
      }
      if (card.status === '封存') {
        return { eligible: false, line: `您的社保卡已经封存了，封存的卡不能在机器上补换。请带身份证到服务大厅的社保卡窗口，或者${card.bank}的网点，先办理解封。` };
      }
      return { eligible: true };
    },
    describe: (values) => {
      const reason = values.reason as CardReplacementReason | undefined;
      const collection = values.collection as CardCollection | undefined;
      const mail = collection?.method === 'mail';
      const days = CARD_PRODUCTION_WORKING_DAYS[mail ? 'mail' : 'pickup'];
      const what =
        reason === '挂失后补卡' ? '补办社保卡。提交以后，原来挂失的卡就作废了，以后找到也不能再解挂' : mail ? '换领新社保卡' : '换领新社保卡。领新卡的时候要把旧卡交回';
      const when = mail ? `新卡大约${days}个工作日寄到` : `新卡大约${days}个工作日做好，做好后到您选的大厅领取`;
      return `我将为您${what}；${when}。${reason ? feeWords(reason, collection) : ''}`;
    },
    async submit({ citizenId, values, idempotencyKey }) {
      const details: CardReplacementDetails = { reason: values.reason as CardReplacementReason, collection: values.collection as CardCollection };
      const result = await outbox.submit(transactionKinds.cardReplacement, citizenId, details, { idempotencyKey });
      if (result.state === 'rejected') return { status: 'refused', reason: citizenMessageFor('rejected', result.reason) };
      if (result.state === 'pending') {
        return { status: 'queued', line: '业务系统暂时连不上，您的补换卡申请已经保存在机器里，系统恢复后会自动提交，只提交一次。提交成功以后才开始制卡，制卡进度可以随时来问我。' };
      }
      const answer = result.answer as Partial<CardReplacementResult> | null;
      const kind = details.reason === '挂失后补卡' ? '补卡' : '换卡';
      const collection = details.collection;
      const hall = collection.method === 'pickup' ? CARD_PICKUP_HALLS.find((candidate) => candidate.code === collection.hallCode) : undefined;
      const fee = answer?.fee ?? CARD_REPLACEMENT_FEE_YUAN[details.reason];
      const receipt = [
        `补换原因：${details.reason}`,
        collection.method === 'mail' ? `领卡方式：邮寄到 ${maskMailingAddress(collection.address)}` : `领卡方式：到${hall?.label ?? collection.hallCode}领取`,
        `工本费：${fee > 0 ? `${fee}元（${collection.method === 'mail' ? '快递送卡时缴纳' : '领卡时缴纳'}）` : '免收'}`,
        ...(answer?.expectedReadyDate ? [`预计${collection.method === 'mail' ? '送达' : '可领取'}：${dayWords(answer.expectedReadyDate)}前后`] : []),
        '制卡进度：可以问自助机“我的卡做好了没有”',
      ];
      return {
        status: 'submitted',
        reference: result.reference,
        line: `${kind}申请已经提交，受理编号${result.reference}。${answer?.nextSteps ?? ''}`,
        receipt,
      };
    },
  };
}
