import { citizenMessageFor } from '../backend/citizenMessages.js';
import type { SessionEvent } from '../session/sessionEvents.js';
import { transactionKindTitles } from '../../api/transactionTitles.js';
import type { SettledAfter, Settlement } from './transactionOutbox.js';

/**
 * The session event for a transaction that settled after the citizen was told "saved, will be sent" (sent on a
 * retry, or after a restart): null for one settled on its first attempt, which the transaction already told. The
 * refusal is worded for the citizen; nothing of the payload goes with it.
 */
export function lateSettlementEvent(settlement: Settlement, attempts: SettledAfter): Extract<SessionEvent, { type: 'outbox.settledLate' }> | null {
  if (attempts <= 1) return null;
  return {
    type: 'outbox.settledLate',
    citizenId: settlement.citizenId,
    kind: settlement.kind,
    title: transactionKindTitles[settlement.kind] ?? '业务',
    outcome: settlement.state,
    reference: settlement.state === 'delivered' ? settlement.reference : null,
    reason: settlement.state === 'rejected' ? citizenMessageFor('rejected', settlement.reason) : null,
  };
}
