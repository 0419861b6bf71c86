import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIdentityContinuity, createContinuityTracker, type IdentityFrame } from '../../vision/action/identityContinuity.js';
import { analyzeImage } from '../../vision/analysis/analyzeFrame.js';
import type { FaceBox } from '../../vision/detect/faceBox.js';
import { l2Normalise } from '../../vision/embed/cosineSimilarity.js';
import { faceModels, facesDir, missingFaces, reportMissingFaces } from './fixtures/visionFixtures.js';

/** A unit vector near `base` (cosine ≈ 1 − noise²/2 with it): the same person in the next frame. */
function jitter(base: Float32Array, noise: number, seed: number): Float32Array {
  let s = seed;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  return l2Normalise(base.map((v) => v + (rand() * noise) / Math.sqrt(base.length)));
}
const person = (seed: number) => jitter(new Float32Array(512), 40, seed);
const box = (cx: number, cy: number, h = 200): FaceBox => ({ x1: cx - h / 2, y1: cy - h / 2, x2: cx + h / 2, y2: cy + h / 2, score: 1 });
const frame = (i: number, embedding: Float32Array | null, b: FaceBox | null = box(320, 240), extra: Partial<IdentityFrame> = {}): IdentityFrame => ({
  at: i * 200,
  faces: b ? 1 : 0,
  box: b,
  embedding,
  yaw: 0,
  ...extra,
});

describe('identity continuity (synthetic embeddings)', () => {
  const alice = person(7);
  const bob = person(99);

  it('holds for one person moving a little between frames', () => {
    const seq = Array.from({ length: 20 }, (_, i) => frame(i, jitter(alice, 0.4, i + 1), box(320 + i * 3, 240 - i)));
    const r = checkIdentityContinuity(seq);
    expect(r).toMatchObject({ continuous: true, breakAt: null, reason: null });
    expect(r.minSimilarity!).toBeGreaterThan(0.8);
  });

  it('breaks when the person changes, even in the same place', () => {
    const seq = [0, 1, 2, 3].map((i) => frame(i, jitter(alice, 0.4, i + 1))).concat([4, 5].map((i) => frame(i, jitter(bob, 0.4, i + 1))));
    expect(checkIdentityContinuity(seq)).toMatchObject({ continuous: false, breakAt: 4, reason: 'face-changed' });
  });

  it('breaks when the face jumps across the frame, disappears too long, or a second face appears', () => {
    const jump = [frame(0, alice), frame(1, alice, box(320, 240)), frame(2, alice, box(560, 240))];
    expect(checkIdentityContinuity(jump)).toMatchObject({ continuous: false, breakAt: 2, reason: 'face-jumped' });
    const gone = [frame(0, alice), frame(1, null, null), frame(2, null, null), frame(3, null, null), frame(9, alice)];
    expect(checkIdentityContinuity(gone)).toMatchObject({ continuous: false, breakAt: 4, reason: 'face-lost' });
    const brief = [frame(0, alice), frame(1, null, null), frame(2, alice)];
    expect(checkIdentityContinuity(brief).continuous).toBe(true);
    const two = [frame(0, alice), frame(1, alice, box(320, 240), { faces: 2 })];
    expect(checkIdentityContinuity(two)).toMatchObject({ continuous: false, breakAt: 1, reason: 'several-faces' });
  });

  it('skips the embedding comparison for a turned head (a profile scores low) but compares again when frontal', () => {
    const turned = [frame(0, alice), frame(1, bob, box(320, 240), { yaw: 35 }), frame(2, jitter(alice, 0.4, 3))];
    expect(checkIdentityContinuity(turned).continuous).toBe(true);
    const swappedWhileTurned = [frame(0, alice), frame(1, bob, box(320, 240), { yaw: 35 }), frame(2, bob)];
    expect(checkIdentityContinuity(swappedWhileTurned)).toMatchObject({ continuous: false, breakAt: 2, reason: 'face-changed' });
  });

  it('the tracker keeps its own copy: the caller may zero a frame’s embedding right after pushing it', () => {
    const tracker = createContinuityTracker();
    const first = jitter(alice, 0.4, 1);
    expect(tracker.push(frame(0, first)).same).toBe(true);
    first.fill(0);
    const step = tracker.push(frame(1, jitter(alice, 0.4, 2)));
    expect(step.same).toBe(true);
    expect(step.similarity!).toBeGreaterThan(0.8);
  });
});

const skip = missingFaces();
reportMissingFaces();

describe.skipIf(skip !== null)('identity continuity with real embeddings', () => {
  it('passes two photos of one person and breaks on a photo of another', async () => {
    const models = await faceModels();
    const embed = async (name: string) => (await analyzeImage(models, path.join(facesDir, name), { mainFace: 'central', liveness: false, eyes: false })).face!.embedding!;
    const [a1, a2, b] = await Promise.all(['lfw__Hu_Jintao/Hu_Jintao_0006.jpg', 'lfw__Hu_Jintao/Hu_Jintao_0002.jpg', 'lfw__Jiang_Zemin/Jiang_Zemin_0001.jpg'].map(embed));
    expect(checkIdentityContinuity([frame(0, a1!), frame(1, a2!)]).continuous).toBe(true);
    expect(checkIdentityContinuity([frame(0, a1!), frame(1, a2!), frame(2, b!)])).toMatchObject({ continuous: false, breakAt: 2, reason: 'face-changed' });
  });
});
