import type { BackendClient } from '../backend/backendClient.js';
import { BackendError } from '../backend/backendError.js';
import type { TransactionSpec } from './transactionSpec.js';

/**
 * 社保卡挂失: the card is not at hand, so the citizen is known by ID number and face. Nothing to fill in; the
 * consequence is said before the yes. The business system makes a 临时挂失 (by phone or online) a formal one; a
 * card already lost, being replaced or sealed is refused, and the refusal is told as it is.
 */
export function cardLossTransaction(backend: Pick<BackendClient, 'reportCardLoss'>): TransactionSpec {
  return {
    service: 'report_card_loss',
    title: '社保卡挂失',
    fields: [],
    describe: () =>
      '我将为您办理社保卡挂失。挂失以后，这张卡马上不能再用来看病结算、取钱和消费，别人捡到也用不了；找到卡可以来解挂，找不到可以申请补卡。',
    async submit({ citizenId, idempotencyKey }) {
      try {
        const result = await backend.reportCardLoss(citizenId, { idempotencyKey });
        return {
          status: 'submitted',
          reference: result.reportId,
          line: `社保卡已经挂失，卡号${result.cardNumberMasked}，受理编号${result.reportId}。${result.nextSteps}`,
        };
      } catch (error) {
        // A refusal is an answer: told as it is. Anything else (down, slow) is not a refusal and is thrown.
        if (error instanceof BackendError && (error.kind === 'rejected' || error.kind === 'not-found')) return { status: 'refused', reason: error.citizenMessage };
        throw error;
      }
    },
  };
}
