import type { CardLossReportResult } from '../backend/backendTypes.js';
import { citizenMessageFor } from '../backend/citizenMessages.js';
import { transactionKinds } from '../outbox/backendSenders.js';
import type { TransactionOutbox } from '../outbox/transactionOutbox.js';
import type { TransactionSpec } from './transactionSpec.js';

/**
 * 社保卡挂失: the card is not at hand, so the citizen is known by ID number and face. Nothing to fill in; the
 * consequence is said before the yes. It goes through the transaction outbox (sealed before it is sent, one key, sent
 * once): while the business system is down the citizen is told it is saved and will be sent. The business system
 * makes a 临时挂失 (by phone or online) a formal one; a card already lost, being replaced or sealed is refused, and
 * the refusal is told as it is.
 */
export function cardLossTransaction(outbox: Pick<TransactionOutbox, 'submit'>): TransactionSpec {
  return {
    service: 'report_card_loss',
    title: '社保卡挂失',
    fields: [],
    describe: () =>
      '我将为您办理社保卡挂失。挂失以后，这张卡马上不能再用来看病结算、取钱和消费，别人捡到也用不了；找到卡可以来解挂，找不到可以申请补卡。',
    async submit({ citizenId, idempotencyKey }) {
      const result = await outbox.submit(transactionKinds.cardLoss, citizenId, {}, { idempotencyKey });
      if (result.state === 'rejected') return { status: 'refused', reason: citizenMessageFor('rejected', result.reason) };
      if (result.state === 'pending') {
        return { status: 'queued', line: '业务系统暂时连不上，您的挂失申请已经保存在机器里，系统恢复后会自动提交，只提交一次。挂失要等提交成功才生效，着急的话请到窗口办理。' };
      }
      const answer = result.answer as Partial<CardLossReportResult> | null;
      const card = answer?.cardNumberMasked ? `卡号${answer.cardNumberMasked}，` : '';
      return { status: 'submitted', reference: result.reference, line: `社保卡已经挂失，${card}受理编号${result.reference}。${answer?.nextSteps ?? ''}` };
    },
  };
}
