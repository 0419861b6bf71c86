import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackendClient, createBackendSimulator, type BackendSimulator } from '../../../app/core/backend/index.js';
import { addMonthsToYearMonth, chinaYearMonthOf } from '../../../app/core/backend/calendar.js';
import { registerBackendSenders } from '../../../app/core/outbox/backendSenders.js';
import { listOutbox } from '../../../app/core/outbox/outboxListing.js';
import { TransactionOutbox } from '../../../app/core/outbox/transactionOutbox.js';
import { createFieldCipher } from '../../../app/core/privacy/fieldCipher.js';
import { kioskMigrations } from '../../../app/core/store/migrations.js';
import { openDatabase } from '../../../app/core/store/openDatabase.js';
import { sharedDataDir } from '../../sharedData.js';
import type { KillPoint } from './killNineChild.js';

// A kiosk process (killNineChild.ts) submits one transaction to the business-system simulator running here and is
// killed with SIGKILL at a step of the submission it names itself (no timing guesses). The outbox is then
// restarted on the same database file: every submission that was sealed ends delivered, and the simulator carried
// it out exactly once (counted by its idempotency key and by its effect).
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'killNineChild.ts');
const KIOSK_ID = 'kiosk-kill-nine';
const SECRET = 'kill-nine-secret-0123456789';
const WAIT = { timeout: 30_000, interval: 20 };

interface Kind {
  kind: string;
  citizenId: string;
  payload: unknown;
  effects(sim: BackendSimulator): number;
  path: RegExp;
}
const kinds: Kind[] = [
  {
    kind: 'pension-auth',
    citizenId: 'QD0003',
    payload: { authenticatedAt: new Date().toISOString(), method: 'face-kiosk', kioskId: KIOSK_ID, scores: { similarity: 0.8, liveness: 0.9 }, challenges: ['nod'] },
    effects: (sim) => sim.inspect.pensionAuthSubmissionCount('QD0003'),
    path: /pension-auth/,
  },
  { kind: 'card-loss', citizenId: 'QD0002', payload: {}, effects: (sim) => sim.inspect.cardLossReportCount('QD0002'), path: /loss-report/ },
  // Every other 对话办 write: the outbox is the same, the sender and the business system's effect are theirs.
  { kind: 'card-loss-cancellation', citizenId: 'QD0005', payload: {}, effects: (sim) => sim.inspect.cardLossCancellationCount('QD0005'), path: /loss-cancellation/ },
  { kind: 'contact-change', citizenId: 'QD0004', payload: { phone: '13912345678' }, effects: (sim) => sim.inspect.contactChangeCount('QD0004'), path: /\/contact$/ },
  {
    kind: 'flexible-employment',
    citizenId: 'QD0008',
    payload: { employmentType: '新就业形态', insuranceTypes: ['养老', '医疗'], contributionLevel: 80, startMonth: chinaYearMonthOf(Date.now()), residenceStreet: '中韩街道' },
    effects: (sim) => sim.inspect.flexibleRegistrationCount('QD0008'),
    path: /flexible-employment$/,
  },
  {
    kind: 'card-replacement',
    citizenId: 'QD0004',
    payload: { reason: '卡损坏', collection: { method: 'pickup', hallCode: 'QD-SN-01' } },
    effects: (sim) => sim.inspect.cardReplacementCount('QD0004'),
    path: /card\/replacement/,
  },
  {
    kind: 'employment-certificate',
    citizenId: 'QD0008',
    payload: { situation: '高校毕业生', street: '中韩街道', form: '电子证' },
    effects: (sim) => sim.inspect.employmentCertificateApplicationCount('QD0008'),
    path: /employment-certificate\/application/,
  },
  {
    // QD0023's employer paid until two months before the simulator's seed month (today).
    kind: 'unemployment-registration',
    citizenId: 'QD0023',
    payload: { separationMonth: addMonthsToYearMonth(chinaYearMonthOf(Date.now()), -2), reason: '单位解除/终止合同', jobServices: ['职业介绍'] },
    effects: (sim) => sim.inspect.unemploymentRegistrationCount('QD0023'),
    path: /unemployment-registration/,
  },
  {
    kind: 'unemployment-benefit',
    citizenId: 'QD0024',
    payload: { payoutAccount: '社保卡金融账户' },
    effects: (sim) => sim.inspect.unemploymentBenefitApplicationCount('QD0024'),
    path: /unemployment-benefit/,
  },
  {
    kind: 'skill-subsidy',
    citizenId: 'QD0026',
    payload: { certificateNumber: 'S000037020004254000126' },
    effects: (sim) => sim.inspect.skillSubsidyApplicationCount('QD0026'),
    path: /skill-subsidy/,
  },
];

let sim: BackendSimulator;
let dir: string;
let child: ChildProcess | null;
beforeEach(async () => {
  sim = await createBackendSimulator({ secret: SECRET, kioskId: KIOSK_ID, sharedDataDir });
  dir = mkdtempSync(path.join(os.tmpdir(), 'kill-nine-'));
  child = null;
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await sim.close();
});

/** Starts the kiosk process; resolves its stdout lines as they come and its exit. */
function startKiosk(kind: Kind, killAt: KillPoint | undefined) {
  const lines: string[] = [];
  let stderr = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      OUTBOX_DB: path.join(dir, 'kiosk.db'),
      OUTBOX_KEY_FILE: path.join(dir, 'data.key'),
      SIM_URL: sim.url,
      KIOSK_ID,
      SIM_SECRET: SECRET,
      KIND: kind.kind,
      CITIZEN: kind.citizenId,
      PAYLOAD: JSON.stringify(kind.payload),
      ...(killAt ? { KILL_AT: killAt } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let buffered = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    lines.push(...parts);
  });
  proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    lines,
    exited,
    /** Waits for the process to say it reached `point` (or fails with what it printed). */
    reached: (point: KillPoint) =>
      vi.waitFor(() => {
        if (proc.exitCode !== null) throw new Error(`kiosk exited early (${proc.exitCode}): ${stderr}`);
        expect(lines).toContain(`KILL-POINT ${point}`);
      }, WAIT),
    kill: async () => {
      proc.kill('SIGKILL');
      expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
    },
  };
}

/** The kiosk after the restart: the outbox on the same database and key, sending to the same simulator. */
function restartOutbox() {
  const db = openDatabase(path.join(dir, 'kiosk.db'), kioskMigrations);
  const outbox = new TransactionOutbox(db, createFieldCipher({ keyFile: path.join(dir, 'data.key') }));
  registerBackendSenders(outbox, createBackendClient({ baseUrl: sim.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 10_000 }));
  return { db, outbox };
}

/** After the restart: the one sealed submission is delivered, carried out once, and a further round sends nothing. */
async function expectDeliveredOnce(kind: Kind) {
  const { db, outbox } = restartOutbox();
  try {
    const key = db.prepare('SELECT idempotency_key FROM transaction_outbox').pluck().get() as string;
    expect(await outbox.deliverDue()).toMatchObject({ delivered: 1, remaining: 0 });
    const posts = () => sim.inspect.requests().filter((r) => r.method === 'POST').length;
    const before = posts();
    expect(await outbox.deliverDue({ all: true })).toEqual({ delivered: 0, rejected: 0, remaining: 0 });
    expect(posts()).toBe(before);
    expect(listOutbox(db)).toMatchObject([{ kind: kind.kind, state: 'delivered', reference: expect.stringMatching(/\S/) }]);
    expect(sim.inspect.writesWithKey(key)).toBe(1);
    expect(kind.effects(sim)).toBe(1);
  } finally {
    db.close();
  }
}

describe.each(kinds)('kill -9 during a $kind submission', (kind) => {
  it('before the seal: nothing was saved (the citizen was told nothing) and nothing is sent', async () => {
    const kiosk = startKiosk(kind, 'before-seal');
    await kiosk.reached('before-seal');
    await kiosk.kill();
    const { db, outbox } = restartOutbox();
    expect(await outbox.deliverDue()).toEqual({ delivered: 0, rejected: 0, remaining: 0 });
    expect(listOutbox(db)).toEqual([]);
    expect(sim.inspect.requests().filter((r) => r.method === 'POST')).toEqual([]);
    expect(kind.effects(sim)).toBe(0);
    db.close();
  });

  it('after the seal, before the send: delivered once after the restart', async () => {
    const kiosk = startKiosk(kind, 'after-seal');
    await kiosk.reached('after-seal');
    await kiosk.kill();
    expect(kind.effects(sim)).toBe(0);
    await expectDeliveredOnce(kind);
  });

  it('during the send, the request held before the system did anything: delivered once after the restart', async () => {
    sim.inject.hang();
    const kiosk = startKiosk(kind, 'during-send');
    await kiosk.reached('during-send');
    // The request is in the simulator, unanswered.
    await vi.waitFor(() => expect(sim.inspect.requests().some((r) => r.method === 'POST' && kind.path.test(r.path) && r.status === null)).toBe(true), WAIT);
    await kiosk.kill();
    sim.inject.reset(); // the held request is dropped, not done
    expect(kind.effects(sim)).toBe(0);
    await expectDeliveredOnce(kind);
  });

  it('during the send, the system did it but its answer never came back: delivered once after the restart', async () => {
    sim.inject.delayMs(600_000); // the write is done at once; the answer would leave much later
    const kiosk = startKiosk(kind, 'during-send');
    await kiosk.reached('during-send');
    await vi.waitFor(() => expect(kind.effects(sim)).toBe(1), WAIT);
    await kiosk.kill();
    sim.inject.reset();
    await expectDeliveredOnce(kind);
  });

  it('after the send, before the answer is stored: delivered once after the restart (the system replays its answer)', async () => {
    const kiosk = startKiosk(kind, 'after-send');
    await kiosk.reached('after-send');
    await kiosk.kill();
    expect(kind.effects(sim)).toBe(1);
    const { db } = restartOutbox();
    expect(listOutbox(db)).toMatchObject([{ state: 'sending', attempts: 1 }]);
    db.close();
    await expectDeliveredOnce(kind);
  });

  it('not killed: delivered at once, and a restart sends nothing more', async () => {
    const kiosk = startKiosk(kind, undefined);
    expect(await kiosk.exited).toEqual({ code: 0, signal: null });
    expect(kiosk.lines).toContainEqual(expect.stringMatching(/^RESULT \{"state":"delivered"/));
    const { db, outbox } = restartOutbox();
    expect(await outbox.deliverDue({ all: true })).toEqual({ delivered: 0, rejected: 0, remaining: 0 });
    expect(kind.effects(sim)).toBe(1);
    db.close();
  });
});
