import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { transactionLines } from '../../../app/core/transactions/transactionLines.js';
import { transactionMachine, type TransactionEvent, type TransactionOutput } from '../../../app/core/transactions/transactionMachine.js';
import type { TransactionEligibility, TransactionField, TransactionResult, TransactionSpec } from '../../../app/core/transactions/transactionSpec.js';
import { transactionView } from '../../../app/core/transactions/transactionView.js';
import { childUnderParent } from '../identity/childUnderParent.js';

const flush = () => new Promise((r) => setTimeout(r, 0));

const REASONS = ['卡损坏', '卡过期'] as const;

/** A reason chosen from two (tappable), and an optional mailing street. */
const reason: TransactionField<string> = {
  name: 'reason',
  label: '补卡原因',
  ask: '请问为什么要换卡？',
  choices: REASONS,
  read: (text) => {
    const found = REASONS.find((r) => text.includes(r.slice(1)));
    return found ? { ok: true, value: found } : null;
  },
  readBack: (value) => value,
};

const street: TransactionField<string> = {
  name: 'street',
  label: '邮寄街道',
  ask: '要寄到家的话，请说街道。',
  optional: true,
  read: (text) => {
    const found = /([^\s，。到]{2,6}街道)/.exec(text)?.[1];
    return found ? { ok: true, value: found } : null;
  },
  readBack: (value) => value,
};

function spec(options: {
  eligibility?: () => Promise<TransactionEligibility>;
  preview?: () => Promise<readonly string[]>;
  submit?: (values: Readonly<Record<string, unknown>>) => Promise<TransactionResult>;
} = {}): TransactionSpec & { submitted: Readonly<Record<string, unknown>>[] } {
  const submitted: Readonly<Record<string, unknown>>[] = [];
  return {
    service: 'replace_card',
    title: '补换社保卡',
    fields: [reason, street] as TransactionField[],
    describe: () => '我将为您申请换一张新的社保卡。',
    ...(options.eligibility ? { checkEligibility: options.eligibility } : {}),
    ...(options.preview ? { preview: options.preview } : {}),
    submitted,
    submit: async ({ values }) => {
      submitted.push(values);
      return (options.submit ?? (async () => ({ status: 'submitted' as const, reference: 'BK-1', line: '换卡申请已经提交，受理编号BK-1。', receipt: ['领取方式：邮寄'] })))(values);
    },
  };
}

function start(s: TransactionSpec) {
  const t = childUnderParent<typeof transactionMachine, TransactionOutput>(transactionMachine, { spec: s, citizenId: 'QD0004', idempotencyKey: 'txn-key-steps' }, new SimulatedClock());
  const lines = () => t.said.map((x) => x.line);
  const send = (event: TransactionEvent) => t.actor.send(event as never);
  const reply = (text: string) => send({ type: 'txn.reply', text, pinyin: null });
  const view = () => transactionView(t.snapshot());
  return { ...t, lines, send, reply, view };
}

describe('the transaction machine: choices, optional fields, eligibility, preview, receipt', () => {
  it('shows the answers of the field being asked; an optional field says it can be left out, and "不用" leaves it out', async () => {
    const s = spec();
    const t = start(s);
    expect(t.view()?.asking).toEqual({ name: 'reason', label: '补卡原因', choices: ['卡损坏', '卡过期'], optional: false });
    // A tapped choice arrives as its label, read as if said.
    t.reply('卡损坏');
    expect(t.lines().at(-1)).toBe(`${street.ask}${transactionLines.skipOptional}`);
    expect(t.view()?.asking).toEqual({ name: 'street', label: '邮寄街道', choices: [], optional: true });
    t.reply('不用了');
    expect(t.snapshot().value).toBe('confirming');
    // The skipped field is not read back and is shown as left out.
    expect(t.lines().at(-1)).toContain('补卡原因：卡损坏');
    expect(t.lines().at(-1)).not.toContain('邮寄街道');
    expect(t.view()?.fields.find((f) => f.name === 'street')).toEqual({ name: 'street', label: '邮寄街道', value: null, skipped: true });
    t.send({ type: 'txn.confirm' });
    await flush();
    expect(s.submitted).toEqual([{ reason: '卡损坏' }]);
  });

  it('a field that says what leaving it out means shows that in its place', () => {
    const s = spec();
    s.fields = [reason, { ...street, whenSkipped: '到大厅领取' }] as TransactionField[];
    const t = start(s);
    t.reply('卡损坏');
    t.send({ type: 'txn.skip' });
    expect(t.view()?.fields.find((f) => f.name === 'street')).toEqual({ name: 'street', label: '邮寄街道', value: '到大厅领取', skipped: true });
  });

  it('"不用了" on a required field still cancels; the 跳过 button does nothing there', async () => {
    const s = spec();
    const t = start(s);
    t.send({ type: 'txn.skip' });
    expect(t.snapshot().value).toBe('collecting');
    t.reply('不用了');
    await flush();
    expect(t.outputs[0]).toMatchObject({ outcome: 'cancelled', receipt: null });
    expect(s.submitted).toEqual([]);
  });

  it('修改 on a skipped field asks for it after all; a value given later counts', async () => {
    const s = spec();
    const t = start(s);
    t.reply('卡过期了');
    t.send({ type: 'txn.skip' });
    expect(t.snapshot().value).toBe('confirming');
    t.send({ type: 'txn.change', field: 'street' });
    expect(t.lines().at(-1)).toBe(`${street.ask}${transactionLines.skipOptional}`);
    t.reply('寄到香港中路街道');
    expect(t.lines().at(-1)).toContain('邮寄街道：香港中路街道');
    t.reply('确认');
    await flush();
    expect(s.submitted).toEqual([{ reason: '卡过期', street: '香港中路街道' }]);
  });

  it('checks eligibility before asking anything: a "no" is told as it is, nothing asked or submitted', async () => {
    let release!: (e: TransactionEligibility) => void;
    const s = spec({ eligibility: () => new Promise((r) => (release = r)) });
    const t = start(s);
    expect(t.view()?.step).toBe('checking');
    expect(t.lines()).toEqual([]);
    release({ eligible: false, line: '您的社保卡正在补办，不能再申请。' });
    await flush();
    expect(t.outputs).toEqual([
      { outcome: 'ineligible', line: '您的社保卡正在补办，不能再申请。', reference: null, staffReason: null, title: '补换社保卡', printJobId: null, receipt: null },
    ]);
    expect(s.submitted).toEqual([]);
  });

  it('an ineligible citizen who needs a person: staff are called, and the line says so', async () => {
    const t = start(spec({ eligibility: async () => ({ eligible: false, line: '记录需要人工核对。', callStaff: true }) }));
    await flush();
    expect(t.outputs[0]).toMatchObject({ outcome: 'ineligible', line: `记录需要人工核对。${transactionLines.staffComing}`, staffReason: 'transaction-ineligible:replace_card' });
  });

  it('an eligibility check that cannot reach the business system ends it as unavailable; an eligible one goes on to ask', async () => {
    const down = start(spec({ eligibility: async () => Promise.reject(new Error('ECONNREFUSED')) }));
    await flush();
    expect(down.outputs[0]).toMatchObject({ outcome: 'unavailable', line: transactionLines.unavailable('补换社保卡') });
    const ok = start(spec({ eligibility: async () => ({ eligible: true }) }));
    await flush();
    expect(ok.lines()).toEqual([reason.ask]);
  });

  it('shows the preview with the confirmation; a preview that fails shows none and the yes still works', async () => {
    const t = start(spec({ preview: async () => ['新卡寄到：香港中路街道'] }));
    t.reply('卡损坏了，寄到香港中路街道');
    await flush();
    expect(t.view()?.step).toBe('confirming');
    expect(t.view()?.preview).toEqual(['新卡寄到：香港中路街道']);
    const failing = start(spec({ preview: async () => Promise.reject(new Error('no data')) }));
    failing.reply('卡损坏了，寄到香港中路街道');
    await flush();
    expect(failing.view()?.preview).toBeNull();
    failing.reply('确认');
    await flush();
    expect(failing.outputs[0]?.outcome).toBe('submitted');
  });

  it('a submission carries its receipt rows and any print job out to the visit', async () => {
    const t = start(spec());
    t.reply('卡损坏了，寄到香港中路街道');
    t.reply('确认');
    await flush();
    expect(t.outputs[0]).toEqual({
      outcome: 'submitted', line: '换卡申请已经提交，受理编号BK-1。', reference: 'BK-1', staffReason: null, title: '补换社保卡', printJobId: null, receipt: ['领取方式：邮寄'],
    });
    const printed = start(spec({ submit: async () => ({ status: 'submitted', reference: 'QD-1', line: '请在出纸口取走。', printJobId: 'job-7' }) }));
    printed.reply('卡损坏了，寄到香港中路街道');
    printed.reply('确认');
    await flush();
    expect(printed.outputs[0]).toMatchObject({ outcome: 'submitted', printJobId: 'job-7', receipt: [] });
  });
});

describe('a spec that keeps what it found', () => {
  it('each transaction runs on a spec of its own from begin(), never the shared one', async () => {
    const shared = spec();
    const begun: TransactionSpec[] = [];
    const withBegin: TransactionSpec = {
      ...shared,
      begin: () => {
        const own = { ...spec(), title: `补换社保卡#${begun.length + 1}` };
        begun.push(own);
        return own;
      },
    };
    const first = start(withBegin);
    const second = start(withBegin);
    expect(begun).toHaveLength(2);
    expect(first.view()?.title).toBe('补换社保卡#1');
    expect(second.view()?.title).toBe('补换社保卡#2');
    first.reply('卡损坏了');
    first.send({ type: 'txn.skip' });
    first.reply('确认');
    await flush();
    expect((begun[0] as ReturnType<typeof spec>).submitted).toEqual([{ reason: '卡损坏' }]);
    expect((begun[1] as ReturnType<typeof spec>).submitted).toEqual([]);
    expect(shared.submitted).toEqual([]);
  });
});
