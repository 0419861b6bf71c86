import type { CardLossCancellationResult } from '../backend/backendTypes.js';
import { citizenMessageFor } from '../backend/citizenMessages.js';
import { transactionKinds } from '../outbox/backendSenders.js';
import type { TransactionOutbox } from '../outbox/transactionOutbox.js';
import type { TransactionSpec } from './transactionSpec.js';

/**
 * 社保卡解挂: the card reported lost (挂失, or 临时挂失 by phone or online) was found. Nothing to fill in; the
 * consequence is said before the yes: the card works again at once, and a replacement already applied for stops it
 * (the business system refuses, and the refusal is told as it is). Through the transaction outbox like the loss report.
 */
export function cardLossCancellationTransaction(outbox: Pick<TransactionOutbox, 'submit'>): TransactionSpec {
  return {
    service: 'cancel_card_loss',
    title: '社保卡解挂',
    fields: [],
    describe: () =>
      '我将为您办理社保卡解挂。解挂以后，这张卡马上恢复使用，看病结算、取钱和消费都和原来一样；如果您已经申请了补办新卡，原来的卡就不能解挂了。',
    async submit({ citizenId, idempotencyKey }) {
      const result = await outbox.submit(transactionKinds.cardLossCancellation, citizenId, {}, { idempotencyKey });
      if (result.state === 'rejected') return { status: 'refused', reason: citizenMessageFor('rejected', result.reason) };
      if (result.state === 'pending') {
        return { status: 'queued', line: '业务系统暂时连不上，您的解挂申请已经保存在机器里，系统恢复后会自动提交，只提交一次。提交成功以前这张卡还是挂失状态，不能使用。' };
      }
      const answer = result.answer as Partial<CardLossCancellationResult> | null;
      const card = answer?.cardNumberMasked ? `卡号${answer.cardNumberMasked}，` : '';
      return { status: 'submitted', reference: result.reference, line: `社保卡已经解挂，${card}受理编号${result.reference}。${answer?.nextSteps ?? ''}` };
    },
  };
}
