/**
 * Why a frame does not count, in the order the citizen should fix them: `evaluateQuality` lists a frame's
 * failures in this order, so the first is the one to tell. vision/ reports the codes only; what the citizen is
 * told for each is worded in app/core (faceAuthLines.qualityGuidance).
 */
export const QUALITY_FAILURES = [
  'no-face',
  'several-faces',
  'too-dark',
  'too-bright',
  'too-far',
  'too-close',
  'off-centre',
  'not-frontal',
  'blurred',
] as const;

export type QualityFailure = (typeof QUALITY_FAILURES)[number];
