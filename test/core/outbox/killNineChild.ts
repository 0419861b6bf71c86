/**
 * The kiosk side of the kill -9 tests: opens the outbox on the database the test names, submits one transaction to
 * the business-system simulator, and at the step named by $KILL_AT says so on stdout ("KILL-POINT <step>") and
 * waits to be killed. Run as `node --import tsx killNineChild.ts` by killNine.test.ts.
 */
import { createBackendClient } from '../../../app/core/backend/backendClient.js';
import { registerBackendSenders } from '../../../app/core/outbox/backendSenders.js';
import { TransactionOutbox } from '../../../app/core/outbox/transactionOutbox.js';
import { createFieldCipher } from '../../../app/core/privacy/fieldCipher.js';
import { kioskMigrations } from '../../../app/core/store/migrations.js';
import { openDatabase } from '../../../app/core/store/openDatabase.js';

export type KillPoint = 'before-seal' | 'after-seal' | 'during-send' | 'after-send';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const killAt = process.env.KILL_AT as KillPoint | undefined;

/** Tells the test where we are; at the kill point, waits (forever) for SIGKILL. */
async function step(name: KillPoint, wait: boolean): Promise<void> {
  if (name !== killAt) return;
  process.stdout.write(`KILL-POINT ${name}\n`);
  if (wait) await new Promise(() => setInterval(() => undefined, 60_000));
}

const db = openDatabase(env('OUTBOX_DB'), kioskMigrations);
const cipher = createFieldCipher({ keyFile: env('OUTBOX_KEY_FILE') });
const outbox = new TransactionOutbox(db, cipher, {
  probes: {
    sealed: () => step('after-seal', true),
    // The request leaves after this; the test holds it in the simulator and kills us there.
    sending: () => step('during-send', false),
    answered: () => step('after-send', true),
  },
});
registerBackendSenders(outbox, createBackendClient({ baseUrl: env('SIM_URL'), kioskId: env('KIOSK_ID'), secret: env('SIM_SECRET'), timeoutMs: 120_000 }));

await step('before-seal', true);
const result = await outbox.submit(env('KIND'), env('CITIZEN'), JSON.parse(env('PAYLOAD')) as unknown);
process.stdout.write(`RESULT ${JSON.stringify({ state: result.state, id: result.id })}\n`);
db.close();
