import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeImage } from '../../vision/analysis/analyzeFrame.js';
import { eyePhotos } from './fixtures/faceDataset.js';
import { faceModels, missingFaces, reportMissingFaces } from './fixtures/visionFixtures.js';

const skip = missingFaces();
reportMissingFaces();

describe.skipIf(skip !== null)('eye state on the shared _eyes/ photos', () => {
  const results: { label: 'open' | 'closed'; open: number; ear: number }[] = [];
  beforeAll(async () => {
    const models = await faceModels();
    for (const photo of eyePhotos()) {
      const a = await analyzeImage(models, photo.file, { mainFace: 'central', embedding: false, liveness: false });
      results.push({ label: photo.label, open: a.face!.eyes!.open, ear: a.face!.eyeOpenness });
    }
  }, 60_000);

  it('fr_eye: open when the mean open probability of the two eyes is at least 0.5 — 40 of 41 right (pinned ≥ 95 %)', () => {
    expect(results).toHaveLength(41);
    const right = results.filter((r) => (r.open >= 0.5) === (r.label === 'open')).length;
    expect(right / results.length).toBeGreaterThanOrEqual(0.95);
    // Every open pair of eyes is seen open by at least one eye with high confidence.
    expect(results.filter((r) => r.label === 'open').every((r) => r.open > 0.45)).toBe(true);
  });

  it('landmark eye aspect ratio separates the two sets (closed ≤ 0.17 < 0.26 ≤ open), as the blink check relies on', () => {
    const closed = results.filter((r) => r.label === 'closed').map((r) => r.ear);
    const open = results.filter((r) => r.label === 'open').map((r) => r.ear);
    expect(Math.max(...closed)).toBeLessThan(0.17);
    expect(Math.min(...open)).toBeGreaterThan(0.26);
    // A blink from any open baseline here to any closed value here passes the blink check's 0.6 ratio.
    expect(Math.max(...closed)).toBeLessThan(0.6 * Math.min(...open));
  });
});
