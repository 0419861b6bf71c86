/**
 * When an utterance is over. The three rules of sherpa-onnx's endpointing, applied here rather than inside the
 * recognizer so the kiosk can change them between utterances (sherpa fixes them when the recognizer is made):
 * - rule 1: nothing recognized yet and this much silence → give up on the utterance (no final);
 * - rule 2: something recognized, then this much trailing silence → final;
 * - rule 3: an utterance this long ends whatever follows.
 * Silence is the recognizer's own: decoder frames without a token since the last one.
 */
export interface EndpointRules {
  rule1MinTrailingSilenceMs: number;
  rule2MinTrailingSilenceMs: number;
  rule3MinUtteranceMs: number;
}

/**
 * Context-dependent rules, chosen from measurements on the real recordings at normal speed and slowed to 0.75×
 * as a stand-in for elderly speakers (docs/speech.md "Endpoint rules"). The recognizer decodes in 320 ms chunks,
 * so a rule fires at the first chunk whose trailing silence reaches it.
 * - default: a question or a request. The longest pause the recognizer saw inside an utterance was 0.72 s at
 *   normal speed and 1.08 s slowed, so 1.1 s never cuts a measured pause and still answers one chunk sooner than
 *   sherpa's 1.2 s default (median 1.1 s from the end of speech to the final at normal speed);
 * - number: the citizen reads out an ID-card, phone or social-security number in groups, looking at the card
 *   between them; groups 1.3 s apart (plus a digit the recognizer missed) measured 2.1 s of silence;
 * - short-answer: 是/不是/对/好的 after a yes-no question, where a quick turn matters more than a pause.
 */
export type EndpointProfileName = 'default' | 'number' | 'short-answer';

export const ENDPOINT_PROFILES: Readonly<Record<EndpointProfileName, EndpointRules>> = {
  default: { rule1MinTrailingSilenceMs: 2_400, rule2MinTrailingSilenceMs: 1_100, rule3MinUtteranceMs: 20_000 },
  number: { rule1MinTrailingSilenceMs: 5_000, rule2MinTrailingSilenceMs: 2_400, rule3MinUtteranceMs: 40_000 },
  'short-answer': { rule1MinTrailingSilenceMs: 2_000, rule2MinTrailingSilenceMs: 600, rule3MinUtteranceMs: 8_000 },
};

export type EndpointRule = 'rule1' | 'rule2' | 'rule3';

/** Which rule ends the utterance now, if any. */
export function endpointReached(rules: EndpointRules, state: { utteranceMs: number; trailingSilenceMs: number; hasText: boolean }): EndpointRule | undefined {
  if (state.utteranceMs >= rules.rule3MinUtteranceMs) return 'rule3';
  if (state.hasText && state.trailingSilenceMs >= rules.rule2MinTrailingSilenceMs) return 'rule2';
  if (!state.hasText && state.trailingSilenceMs >= rules.rule1MinTrailingSilenceMs) return 'rule1';
  return undefined;
}
