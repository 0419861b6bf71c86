import { describe, expect, it } from 'vitest';
import { ENDPOINT_PROFILES, endpointReached } from '../../../speech/asr/endpointRules.js';

describe('endpoint rules', () => {
  const rules = ENDPOINT_PROFILES.default;

  it('rule 2: ends after the trailing silence once something was recognized', () => {
    expect(endpointReached(rules, { utteranceMs: 3_000, trailingSilenceMs: rules.rule2MinTrailingSilenceMs - 40, hasText: true })).toBeUndefined();
    expect(endpointReached(rules, { utteranceMs: 3_000, trailingSilenceMs: rules.rule2MinTrailingSilenceMs, hasText: true })).toBe('rule2');
  });

  it('rule 1: without text it waits for the longer silence', () => {
    expect(endpointReached(rules, { utteranceMs: 3_000, trailingSilenceMs: rules.rule2MinTrailingSilenceMs, hasText: false })).toBeUndefined();
    expect(endpointReached(rules, { utteranceMs: 3_000, trailingSilenceMs: rules.rule1MinTrailingSilenceMs, hasText: false })).toBe('rule1');
  });

  it('rule 3: a long utterance ends whatever follows', () => {
    expect(endpointReached(rules, { utteranceMs: rules.rule3MinUtteranceMs, trailingSilenceMs: 0, hasText: true })).toBe('rule3');
  });

  it('waits longer for a number than for a sentence, and least for a short answer; none waits as long as sherpa\'s 1.2 s', () => {
    const p = ENDPOINT_PROFILES;
    expect(p.number.rule2MinTrailingSilenceMs).toBeGreaterThan(p.default.rule2MinTrailingSilenceMs);
    expect(p['short-answer'].rule2MinTrailingSilenceMs).toBeLessThan(p.default.rule2MinTrailingSilenceMs);
    expect(p.default.rule2MinTrailingSilenceMs).toBeLessThan(1_200);
    // Longer than the longest pause measured inside an utterance, slowed speech included (docs/speech.md).
    expect(p.default.rule2MinTrailingSilenceMs).toBeGreaterThan(1_080);
  });
});
