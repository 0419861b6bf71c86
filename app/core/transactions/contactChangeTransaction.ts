import type { ContactChangeDetails, ContactChangeResult } from '../backend/backendTypes.js';
import { citizenMessageFor } from '../backend/citizenMessages.js';
import { transactionKinds } from '../outbox/backendSenders.js';
import type { TransactionOutbox } from '../outbox/transactionOutbox.js';
import { addressField } from './addressField.js';
import { phoneNumberField } from './phoneNumberField.js';
import type { TransactionField, TransactionSpec } from './transactionSpec.js';

const phone = phoneNumberField('phone', '新手机号码', '请说出或者在屏幕上输入您的新手机号码，一个数字一个数字地说就行。');
const address = addressField(
  'address',
  '联系地址',
  '联系地址要不要一起改？要改的话，请说新地址，按区、路、门牌号说，比如“市南区香港中路10号3单元201”。',
  { optional: true },
);

/**
 * 联系方式变更: the mobile number the hall texts (notices, verification codes), typed or read out, read back digit by
 * digit in groups; and, if the citizen wants, the 联系地址 (区 + 路/街道 + 门牌, read back in full; asked once, "不用"
 * leaves it as it is). The consequence (texts go to the new number, not the old one; post to the new address) is said
 * before the yes. The business system refuses a number that is not a mobile, or nothing new at all, told as it is.
 */
export function contactChangeTransaction(outbox: Pick<TransactionOutbox, 'submit'>): TransactionSpec {
  return {
    service: 'change_contact',
    title: '联系方式变更',
    fields: [phone, address] as TransactionField[],
    // The number itself is read back right after this, digit by digit (the field's readBack), and the address in full.
    describe: (values) =>
      typeof values.address === 'string'
        ? '我将把您在社保登记的手机号码改成新的号码，联系地址也改成新的地址。改好以后，社保的业务通知和验证码都发到新号码，原来的号码不再接收；需要邮寄的材料寄到新地址。'
        : '我将把您在社保登记的手机号码改成新的号码。改好以后，社保的业务通知和验证码都发到新号码，原来的号码不再接收。',
    async submit({ citizenId, values, idempotencyKey }) {
      const change: ContactChangeDetails = { phone: String(values.phone), ...(typeof values.address === 'string' ? { address: values.address } : {}) };
      const result = await outbox.submit(transactionKinds.contactChange, citizenId, change, { idempotencyKey });
      if (result.state === 'rejected') return { status: 'refused', reason: citizenMessageFor('rejected', result.reason) };
      if (result.state === 'pending') {
        const what = change.address ? '新号码和新地址' : '新号码';
        return { status: 'queued', line: `业务系统暂时连不上，您的${what}已经保存在机器里，系统恢复后会自动提交，只提交一次。提交成功以前，通知还会发到原来的号码。` };
      }
      const answer = result.answer as Partial<ContactChangeResult> | null;
      const masked = answer?.phoneMasked ? `，新号码${answer.phoneMasked}` : '';
      if (!change.address) {
        return { status: 'submitted', reference: result.reference, line: `手机号码已经改好了${masked}，受理编号${result.reference}。${answer?.nextSteps ?? ''}` };
      }
      const newAddress = answer?.addressMasked ? `，新地址${answer.addressMasked}` : '';
      const phoneSame = answer?.phoneMasked !== undefined && answer.phoneMasked === answer.previousPhoneMasked;
      const what = phoneSame ? '联系地址已经改好了，手机号码没有变' : `手机号码和联系地址都已经改好了${masked}`;
      return {
        status: 'submitted',
        reference: result.reference,
        line: `${what}${newAddress}，受理编号${result.reference}。${answer?.nextSteps ?? ''}`,
        receipt: [...(answer?.phoneMasked ? [`手机号码：${answer.phoneMasked}`] : []), ...(answer?.addressMasked ? [`联系地址：${answer.addressMasked}`] : [])],
      };
    },
  };
}
