import { describe, expect, it } from 'vitest';
import { transactionKindTitles, transactionServiceTitles, transactionStaffReasonLabel } from '../../app/api/transactionTitles.js';
import { SERVICES } from '../../app/core/nlu/serviceCatalogue.js';
import { transactionKinds } from '../../app/core/outbox/backendSenders.js';

describe('the names of transactions where their spec is not at hand', () => {
  it('every outbox kind and every transaction service has one, the service named as in the catalogue', () => {
    for (const kind of Object.values(transactionKinds)) expect(transactionKindTitles[kind], kind).toMatch(/[\u4e00-\u9fff]/);
    const transactions = Object.entries(SERVICES).filter(([, entry]) => entry.kind === 'transaction');
    expect(Object.keys(transactionServiceTitles).sort()).toEqual(transactions.map(([service]) => service).sort());
  });

  it('a staff call about a transaction in staff’s words; other reasons are left to their own labels', () => {
    expect(transactionStaffReasonLabel('transaction-refused:replace_card')).toBe('业务被业务系统拒绝：补换社保卡');
    expect(transactionStaffReasonLabel('transaction-ineligible:print_certificate')).toBe('不符合办理条件，需要人工：参保证明打印');
    expect(transactionStaffReasonLabel('transaction-rejected-late:card-loss')).toBe('已保存的业务后来被拒绝，请联系市民：社保卡挂失');
    expect(transactionStaffReasonLabel('transaction-refused:something_new')).toBe('业务被业务系统拒绝：something_new');
    expect(transactionStaffReasonLabel('citizen-request')).toBeNull();
  });
});
