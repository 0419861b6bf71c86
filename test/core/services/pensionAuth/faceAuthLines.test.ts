import { describe, expect, expectTypeOf, it } from 'vitest';
import { faceAuthLines, guidanceFor } from '../../../../app/core/services/pensionAuth/faceAuthLines.js';
import { QUALITY_FAILURES, type QualityFailure } from '../../../../vision/quality/qualityFailure.js';

// vision/ reports why a frame does not count as codes (QualityFailure); what the citizen reads over the preview is
// worded here, in app/core. Every code has its sentence, and the screen keeps the sentences it always showed.

describe('quality guidance (faceAuthLines.qualityGuidance)', () => {
  it('has a sentence for every failure vision/ reports, and for nothing else', () => {
    expect(Object.keys(faceAuthLines.qualityGuidance).sort()).toEqual([...QUALITY_FAILURES].sort());
    for (const failure of QUALITY_FAILURES) expect(faceAuthLines.qualityGuidance[failure], failure).toMatch(/^\p{Script=Han}[\p{Script=Han}，]*$/u);
    // Each failure asks for something different: no two share a sentence.
    expect(new Set(Object.values(faceAuthLines.qualityGuidance)).size).toBe(QUALITY_FAILURES.length);
  });

  it('is exhaustive at the type level: its keys are exactly QualityFailure, and guidanceFor takes only those', () => {
    expectTypeOf<keyof typeof faceAuthLines.qualityGuidance>().toEqualTypeOf<QualityFailure>();
    expectTypeOf(faceAuthLines.qualityGuidance).toExtend<Record<QualityFailure, string>>();
    expectTypeOf(guidanceFor).parameter(0).toEqualTypeOf<readonly QualityFailure[]>();
    expectTypeOf(guidanceFor).returns.toEqualTypeOf<string | null>();
  });

  it('keeps the sentences the screen has always shown', () => {
    expect(faceAuthLines.qualityGuidance).toEqual({
      'no-face': '请站到屏幕前，看着屏幕',
      'several-faces': '请只留一人在镜头前',
      'too-dark': '光线太暗，请站到亮一点的地方',
      'too-bright': '光线太强，请避开强光',
      'too-far': '请靠近一点',
      'too-close': '请离远一点',
      'off-centre': '请站到屏幕正中',
      'not-frontal': '请正对屏幕',
      blurred: '请保持不动',
    });
  });
});

describe('guidanceFor', () => {
  it('says the first failure (vision/ lists what to fix first first), nothing when there is none', () => {
    expect(guidanceFor([])).toBeNull();
    for (const failure of QUALITY_FAILURES) expect(guidanceFor([failure])).toBe(faceAuthLines.qualityGuidance[failure]);
    expect(guidanceFor(['several-faces', 'too-far', 'blurred'])).toBe('请只留一人在镜头前');
    expect(guidanceFor(['too-far', 'several-faces'])).toBe('请靠近一点');
  });
});
