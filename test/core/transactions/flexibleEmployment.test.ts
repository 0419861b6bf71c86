import { describe, expect, it } from 'vitest';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { useOutboxRig } from './outboxRig.js';
import { SimulatedClock } from 'xstate';
import { flexibleEmploymentTransaction } from '../../../app/core/transactions/flexibleEmploymentTransaction.js';
import { transactionMachine, type TransactionEvent, type TransactionOutput } from '../../../app/core/transactions/transactionMachine.js';
import type { TransactionSpec } from '../../../app/core/transactions/transactionSpec.js';
import { FIXED_NOW } from '../backend/simulatorHarness.js';
import { childUnderParent } from '../identity/childUnderParent.js';

// The business system's "now" (2025-03-14): the first month may be March to June 2025.
const now = () => new Date(FIXED_NOW);

function start(spec: TransactionSpec, opening: string | null = null) {
  const given = opening === null ? null : { text: opening, pinyin: null };
  const t = childUnderParent<typeof transactionMachine, TransactionOutput>(transactionMachine, { spec, citizenId: 'QD0008', idempotencyKey: 'txn-flex-0001', given }, new SimulatedClock());
  const lines = () => t.said.map((s) => s.line);
  const reply = (text: string) => t.actor.send({ type: 'txn.reply', text, pinyin: null } satisfies TransactionEvent as never);
  return { ...t, lines, reply };
}

/** An outbox that records what it is given and answers delivered. */
function recordingOutbox() {
  const submitted: unknown[] = [];
  return {
    submitted,
    submit: async (kind: string, citizenId: string, payload: unknown, options: { idempotencyKey?: string } = {}) => {
      submitted.push(payload);
      return { id: 1, kind, citizenId, idempotencyKey: options.idempotencyKey ?? '', state: 'delivered' as const, reference: 'LH001', answer: { nextSteps: '下月起按月缴费。' } };
    },
  };
}

describe('灵活就业人员参保登记: the fields by voice, in any order, each read back', () => {
  it('walks a citizen through every field from the opening line, reads them back, and submits what the hall needs', async () => {
    const outbox = recordingOutbox();
    const t = start(flexibleEmploymentTransaction(outbox, now), '我送外卖的，想办灵活就业参保');
    expect(t.lines().at(-1)).toContain('养老保险和医疗保险');
    t.reply('两个都参加');
    expect(t.lines().at(-1)).toContain('您选哪一档');
    t.reply('百分之七十');
    expect(t.lines().at(-1)).toBe('缴费档次只有60%、80%、100%、150%、200%、300%这六档。' + '缴费档次有60%、80%、100%、150%、200%、300%六档，档次越高每月交得越多、以后养老金也越多。您选哪一档？');
    t.reply('那就百分之八十吧，下个月开始');
    expect(t.lines().at(-1)).toContain('哪个街道');
    t.reply('我住在崂山区中韩街道');
    const confirmation = t.lines().at(-1)!;
    for (const readBack of ['就业形式：新就业形态', '参保险种：养老和医疗保险', '缴费档次：80%档', '开始缴费月份：2025年4月', '居住街道：中韩街道', '断缴会影响']) expect(confirmation).toContain(readBack);
    expect(outbox.submitted).toEqual([]);
    t.reply('确认');
    await expect.poll(() => t.outputs.length, { timeout: TEST_DEADLINE_MS }).toBe(1);
    expect(outbox.submitted).toEqual([{ employmentType: '新就业形态', insuranceTypes: ['养老', '医疗'], contributionLevel: 80, startMonth: '2025-04', residenceStreet: '中韩街道' }]);
    expect(t.outputs[0]).toMatchObject({ outcome: 'submitted', reference: 'LH001' });
  });

  it('refuses a first month in the past or too far ahead, and hears 最低档, 一百五 and months in characters', () => {
    const t = start(flexibleEmploymentTransaction(recordingOutbox(), now), '我开店的，只交养老');
    t.reply('最低档');
    t.reply('去年一月份开始');
    expect(t.lines().at(-1)).toMatch(/^开始月份只能是本月或以后3个月内。/);
    t.reply('五月份开始');
    expect(t.lines().at(-1)).toContain('哪个街道');
    const u = start(flexibleEmploymentTransaction(recordingOutbox(), now), '我开店的');
    u.reply('养老和医疗，一百五的档');
    expect(u.lines().at(-1)).toContain('哪个月开始');
  });
});

describe('灵活就业人员参保登记 through the outbox, against the business-system simulator', () => {
  const rig = useOutboxRig();

  const details = { employmentType: '新就业形态', insuranceTypes: ['养老', '医疗'], contributionLevel: 80, startMonth: '2025-04', residenceStreet: '中韩街道' };

  it('someone an employer pays for is refused, and told why', async () => {
    const result = await flexibleEmploymentTransaction(rig.outbox, now).submit({ citizenId: 'QD0004', values: details, idempotencyKey: 'txn-flex-0002' });
    expect(result).toEqual({ status: 'refused', reason: '您现在有单位为您缴纳社保，不能同时登记灵活就业。' });
  });

  it('an eligible citizen is registered once; the same key again is the same registration', async () => {
    const spec = flexibleEmploymentTransaction(rig.outbox, now);
    const first = await spec.submit({ citizenId: 'QD0008', values: details, idempotencyKey: 'txn-flex-0003' });
    expect(first).toMatchObject({ status: 'submitted' });
    expect(await spec.submit({ citizenId: 'QD0008', values: details, idempotencyKey: 'txn-flex-0003' })).toEqual(first);
    expect(rig.harness.simulator.inspect.flexibleRegistrationCount('QD0008')).toBe(1);
  });
});

describe('灵活就业参保登记 by touch', () => {
  it('every answer button reads as the value it names', () => {
    const spec = flexibleEmploymentTransaction({ submit: async () => Promise.reject(new Error('not submitted here')) }, () => new Date('2025-03-14T10:00:00+08:00'));
    const read = Object.fromEntries(spec.fields.map((field) => [field.name, (field.choices ?? []).map((choice) => field.read(choice, null))]));
    expect(read.employmentType).toEqual(['个体经营', '新就业形态', '非全日制', '其他灵活就业'].map((value) => ({ ok: true, value })));
    expect(read.insuranceTypes).toEqual([{ ok: true, value: ['养老'] }, { ok: true, value: ['医疗'] }, { ok: true, value: ['养老', '医疗'] }]);
    expect(read.contributionLevel).toEqual([60, 80, 100, 150, 200, 300].map((value) => ({ ok: true, value })));
    expect(read.startMonth).toEqual([{ ok: true, value: '2025-03' }, { ok: true, value: '2025-04' }]);
    expect(read.residenceStreet).toEqual([]);
  });
});
