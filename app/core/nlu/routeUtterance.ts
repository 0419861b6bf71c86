import { detectGuideRequest } from './detectGuideRequest.js';
import { extractSlots, type RouteSlots } from './extractSlots.js';
import { HOW_TO_MARKERS, PERSONAL_MARKERS, REQUEST_MARKERS, ROUTING_CUES } from './routingCues.js';
import { SERVICE_NAMES, SERVICES, type Intent, type ServiceName } from './serviceCatalogue.js';
import { folded, indexOfRun, utteranceSyllables } from './utteranceSyllables.js';

export interface Route {
  service: ServiceName;
  /** The coarse intent `kiosk nlu` reports (the service's entry in the catalogue). */
  intent: Intent;
  /** 0–1: how clearly the utterance points at this service rather than another. */
  confidence: number;
  slots: RouteSlots;
}

const compiledCues = SERVICE_NAMES.map((service) => ({ service, cues: ROUTING_CUES[service].map((cue) => folded(cue)) }));
const personal = PERSONAL_MARKERS.map((m) => folded(m));
const request = REQUEST_MARKERS.map((m) => folded(m));
const howTo = HOW_TO_MARKERS.map((m) => folded(m));
const contains = (syllables: string[], runs: string[][]) => runs.some((run) => run.length > 0 && indexOfRun(syllables, run) >= 0);

/** A cue of n syllables scores n^1.5: a long, specific phrase outweighs a couple of short, common ones. */
function scores(syllables: string[]): { service: ServiceName; score: number }[] {
  return compiledCues
    .map(({ service, cues }) => ({
      service,
      score: cues.reduce((sum, cue) => (cue.length > 0 && indexOfRun(syllables, cue) >= 0 ? sum + cue.length ** 1.5 : sum), 0),
    }))
    .sort((a, b) => b.score - a.score || tieBreak(a.service) - tieBreak(b.service));
}

/** On equal scores, leaving beats small talk ("谢谢你，再见" is a goodbye). */
function tieBreak(service: ServiceName): number {
  return service === 'goodbye' ? 0 : service === 'chitchat' ? 2 : 1;
}

function route(service: ServiceName, confidence: number, slots: RouteSlots): Route {
  return { service, intent: SERVICES[service].intent, confidence: Math.round(confidence * 1000) / 1000, slots };
}

/**
 * The local router: which service an utterance asks for, offline, from characters or the small recognizer's pinyin.
 * Cues are matched on folded pinyin; a personal query without anything personal in it ("缴费基数是多少") is a
 * policy question, and so is "how do I …" about a transaction the citizen does not ask to do now.
 */
export function routeUtterance(text: string, pinyin?: string): Route {
  const slots = extractSlots(text, pinyin);
  if (detectGuideRequest(text) ?? (pinyin ? detectGuideRequest(pinyin) : null)) return route('guide_to_place', 0.95, slots);
  const syllables = utteranceSyllables(text.trim() ? text : pinyin ?? '');
  const ranked = scores(syllables);
  const [best, second] = ranked;
  if (!best || best.score === 0) return route('policy_question', 0.2, slots);

  const entry = SERVICES[best.service];
  const isPersonal = contains(syllables, personal) || contains(syllables, request);
  const asksHow = contains(syllables, howTo);
  const confidence = second && second.score > 0 ? best.score / (best.score + second.score) : Math.min(1, 0.6 + best.score / 20);
  if (entry.kind === 'query' && entry.identity !== 'none' && !isPersonal) return route('policy_question', confidence * 0.8, slots);
  if (entry.kind === 'transaction' && asksHow && !contains(syllables, request) && !contains(syllables, personal)) return route('policy_question', confidence * 0.8, slots);
  return route(best.service, confidence, slots);
}
