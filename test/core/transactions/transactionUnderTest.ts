import { SimulatedClock } from 'xstate';
import { transactionMachine, type TransactionEvent, type TransactionOutput } from '../../../app/core/transactions/transactionMachine.js';
import type { TransactionSpec } from '../../../app/core/transactions/transactionSpec.js';
import { transactionView } from '../../../app/core/transactions/transactionView.js';
import { childUnderParent } from '../identity/childUnderParent.js';

/**
 * One transaction run by the real machine under a stand-in for the session: what it said (`lines`), the citizen's
 * replies and the screen's buttons (`reply`, `send`), its screen (`view`) and its output.
 */
export function transactionUnderTest(spec: TransactionSpec, citizenId: string, idempotencyKey: string, opening: string | null = null) {
  const given = opening === null ? null : { text: opening, pinyin: null };
  const t = childUnderParent<typeof transactionMachine, TransactionOutput>(transactionMachine, { spec, citizenId, idempotencyKey, given }, new SimulatedClock());
  const lines = () => t.said.map((said) => said.line);
  const send = (event: TransactionEvent) => t.actor.send(event as never);
  const reply = (text: string) => send({ type: 'txn.reply', text, pinyin: null });
  const view = () => transactionView(t.snapshot());
  return { ...t, lines, send, reply, view };
}
