import type { ContactChangeDetails, ContactChangeResult } from '../backend/backendTypes.js';
import { citizenMessageFor } from '../backend/citizenMessages.js';
import { transactionKinds } from '../outbox/backendSenders.js';
import type { TransactionOutbox } from '../outbox/transactionOutbox.js';
import { phoneNumberField } from './phoneNumberField.js';
import type { TransactionField, TransactionSpec } from './transactionSpec.js';

const phone = phoneNumberField('phone', '新手机号码', '请说出或者在屏幕上输入您的新手机号码，一个数字一个数字地说就行。');

/**
 * 联系方式变更: the mobile number the hall texts (notices, verification codes), typed or read out, read back digit by
 * digit in groups. The consequence (texts go to the new number, not the old one) is said before the yes. The
 * business system refuses a number that is not a mobile or is the one already on file, told as it is.
 */
export function contactChangeTransaction(outbox: Pick<TransactionOutbox, 'submit'>): TransactionSpec {
  return {
    service: 'change_contact',
    title: '联系方式变更',
    fields: [phone] as TransactionField[],
    // The number itself is read back right after this, digit by digit (the field's readBack).
    describe: () => '我将把您在社保登记的手机号码改成新的号码。改好以后，社保的业务通知和验证码都发到新号码，原来的号码不再接收。',
    async submit({ citizenId, values, idempotencyKey }) {
      const change: ContactChangeDetails = { phone: String(values.phone) };
      const result = await outbox.submit(transactionKinds.contactChange, citizenId, change, { idempotencyKey });
      if (result.state === 'rejected') return { status: 'refused', reason: citizenMessageFor('rejected', result.reason) };
      if (result.state === 'pending') {
        return { status: 'queued', line: '业务系统暂时连不上，您的新号码已经保存在机器里，系统恢复后会自动提交，只提交一次。提交成功以前，通知还会发到原来的号码。' };
      }
      const answer = result.answer as Partial<ContactChangeResult> | null;
      const masked = answer?.phoneMasked ? `，新号码${answer.phoneMasked}` : '';
      return { status: 'submitted', reference: result.reference, line: `手机号码已经改好了${masked}，受理编号${result.reference}。${answer?.nextSteps ?? ''}` };
    },
  };
}
