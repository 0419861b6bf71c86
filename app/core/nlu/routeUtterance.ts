import { detectGuideRequest } from './detectGuideRequest.js';
import { classifyNaiveBayes, syllableFeatures, type NaiveBayesModel } from './naiveBayes.js';
import { routerModel } from './routerModel.js';
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
  return defaultRouter(text, pinyin);
}

export interface RouterOptions {
  /** The statistical backoff (default: trained on the development set). */
  model?: NaiveBayesModel;
  /** How much it counts beside the cues. */
  modelWeight?: number;
}

let cachedDefault: ((text: string, pinyin?: string) => Route) | null = null;
function defaultRouter(text: string, pinyin?: string): Route {
  cachedDefault ??= createRouter();
  return cachedDefault(text, pinyin);
}

/** A router with its own model and weighting (the benchmark cross-validates with it). */
export function createRouter(options: RouterOptions = {}): (text: string, pinyin?: string) => Route {
  const model = options.model ?? routerModel();
  const weight = options.modelWeight ?? MODEL_WEIGHT;
  return (text, pinyin) => decide(text, pinyin, model, weight);
}

function decide(text: string, pinyin: string | undefined, model: NaiveBayesModel, weight: number): Route {
  const slots = extractSlots(text, pinyin);
  if (detectGuideRequest(text) ?? (pinyin ? detectGuideRequest(pinyin) : null)) return route('guide_to_place', 0.95, slots);
  const syllables = utteranceSyllables(text.trim() ? text : pinyin ?? '');
  const ranked = combinedRanking(syllables, model, weight);
  const [best, second] = ranked;
  if (!best || best.score < MIN_SCORE) return route('policy_question', 0.2, slots);

  const entry = SERVICES[best.service];
  const isPersonal = contains(syllables, personal) || contains(syllables, request);
  const asksHow = contains(syllables, howTo);
  const confidence = best.score / (best.score + (second?.score ?? 0));
  if (entry.kind === 'query' && entry.identity !== 'none' && !isPersonal && asksHow) return route('policy_question', confidence * 0.8, slots);
  if (entry.kind === 'transaction' && asksHow && !contains(syllables, request) && !contains(syllables, personal)) return route('policy_question', confidence * 0.8, slots);
  return route(best.service, confidence, slots);
}

/** Below this nothing points anywhere: the utterance goes to the knowledge base as a question. */
const MIN_SCORE = 0.15;
/** How much the statistical backoff counts beside the cues (chosen on the development set). */
const MODEL_WEIGHT = 2;

/**
 * Cues (normalised to the strongest) plus the naive Bayes posterior learned from the development set: the cues
 * carry what we know of the domain, the model what citizens actually said.
 */
function combinedRanking(syllables: string[], model: NaiveBayesModel, weight: number): { service: ServiceName; score: number }[] {
  const cue = scores(syllables);
  const strongest = cue[0]?.score ?? 0;
  const posterior = new Map(classifyNaiveBayes(model, syllableFeatures(syllables)).map((p) => [p.label, p.probability]));
  return cue
    .map(({ service, score }) => ({ service, score: (strongest > 0 ? score / strongest : 0) + weight * (posterior.get(service) ?? 0) }))
    .sort((a, b) => b.score - a.score || tieBreak(a.service) - tieBreak(b.service));
}
