import type { KioskInput } from '../api/kioskApi.js';
import { SERVICES, type ServiceName } from '../core/nlu/serviceCatalogue.js';
import { routeOfCitizenLine } from '../core/session/routeOfCitizenLine.js';
import type { SessionEvent } from '../core/session/sessionEvents.js';
import type { StoredSessionEvent } from '../core/store/sessionEventStore.js';

/** The service a tile opens (the 权益查询 tile only opens the query menu). */
const serviceOfTile: Record<string, ServiceName | null> = {
  'policy-qa': 'policy_question',
  'rights-query': null,
  'certificate-print': 'print_certificate',
  'card-loss': 'report_card_loss',
  'flexible-employment': 'flexible_employment_register',
  'pension-auth': 'pension_auth',
  'guide-to-window': 'guide_to_place',
  'call-staff': 'handoff_to_staff',
};

/** Follow-ups act on what is on screen: they never change which service the visit was for. */
const followUps = new Set<string>(['print_record', 'dispute_record', 'change_citizen', 'goodbye', 'chitchat']);

/**
 * The service a citizen's input asks for, as the session routes it (the router for lines, the tile for taps); null
 * for inputs that name none. A query or transaction wins over the conversation around it.
 */
export function serviceOfInput(input: KioskInput): ServiceName | null {
  if (input.type === 'citizen.tapQuery') return input.service in SERVICES ? (input.service as ServiceName) : null;
  if (input.type === 'citizen.tapService') return serviceOfTile[input.service] ?? null;
  if (input.type === 'citizen.text' || input.type === 'citizen.tapQuestion') {
    const service = routeOfCitizenLine(input)?.service ?? null;
    return service && !followUps.has(service) ? service : null;
  }
  return null;
}

/** The service of a line the session heard (voice.final) or had resolved (citizen.resolved), from the visit log. */
export function serviceOfHeard(event: SessionEvent): ServiceName | null {
  const service = routeOfCitizenLine(event)?.service ?? null;
  return service && !followUps.has(service) ? service : null;
}

/**
 * Keeps the service of the visit: the first transaction (the lines after it — "确认", "两个都参加", "算了不办了" — are
 * answers to it, whatever the router makes of them), else the latest query, else the latest conversation service.
 */
export function nextService(current: ServiceName | null, routed: ServiceName | null): ServiceName | null {
  if (!routed) return current;
  if (current !== null && SERVICES[current].kind === 'transaction') return current;
  const weight = (s: ServiceName | null) => (s === null ? 0 : SERVICES[s].kind === 'conversation' ? 1 : SERVICES[s].kind === 'query' ? 2 : 3);
  return weight(routed) >= weight(current) ? routed : current;
}

const identityOutcomes: Record<string, string | null> = {
  verified: null,
  'not-verified': 'refused',
  cancelled: 'cancelled',
  'camera-lost': 'camera-lost',
  unavailable: 'unavailable',
};

/**
 * How the visit's service ended, read from the visit log (every visit the scenario opened, in order): a query
 * `answered` or `empty`, `refused` (the identity check did not verify), `unavailable` (the business system could not
 * be reached), `cancelled`; 养老认证's own outcome (authenticated, already-authenticated, not-pensioner, queued,
 * failed, staff-review, cancelled …); `printed` when a printout came out. Null when nothing ended.
 */
export function outcomeOfVisits(entries: readonly StoredSessionEvent[], unseal: (sealed: string) => string): string | null {
  let outcome: string | null = null;
  for (const entry of entries) {
    const type = entry.type;
    const detail = (entry.detail ?? {}) as { outcome?: unknown; error?: unknown };
    if (type.startsWith('xstate.done.actor.')) {
      if (type.includes('identityCheck') && typeof detail.outcome === 'string') {
        outcome = identityOutcomes[detail.outcome] === undefined ? detail.outcome : (identityOutcomes[detail.outcome] ?? outcome);
      } else if (type.includes('pensionAuth') && typeof detail.outcome === 'string') {
        outcome = detail.outcome;
      } else if (type === 'xstate.done.actor.transaction' && typeof detail.outcome === 'string') {
        // 对话办: submitted, queued (saved while the business system is down), refused, unavailable, cancelled.
        outcome = detail.outcome;
      } else if (type.includes('personalQuery.querying') && entry.sealed) {
        const output = (JSON.parse(unseal(entry.sealed)) as { output?: { empty?: unknown } }).output;
        if (output && typeof output.empty === 'boolean') outcome = output.empty ? 'empty' : 'answered';
      }
    } else if (type.startsWith('xstate.error.actor.') && type.includes('personalQuery.querying')) {
      outcome = 'unavailable';
    } else if (type === 'printer.jobDone') {
      outcome = 'printed';
    } else if (type === 'citizen.end' && outcome === null) {
      outcome = 'cancelled';
    }
  }
  return outcome;
}
