import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareImages } from '../../vision/cli/compareImages.js';
import { embedImages } from '../../vision/cli/embedImages.js';
import { livenessOfImage } from '../../vision/cli/livenessOfImage.js';
import { VERIFICATION_THRESHOLD } from '../../vision/verify/verificationThreshold.js';
import { facesDir, missingFaces, reportMissingFaces } from './fixtures/visionFixtures.js';

const skip = missingFaces();
reportMissingFaces();
const photo = (name: string) => path.join(facesDir, name);

describe.skipIf(skip !== null)('functions for the command line', () => {
  it('embedImages: faces, a unit-length 512-d embedding and quality per image; an unreadable file is an error entry', async () => {
    const [good, crop, missing] = await embedImages([photo('lfw__Yao_Ming/Yao_Ming_0002.jpg'), photo('faceapi__amy/amy1.png'), photo('nope.jpg')]);
    expect(good).toMatchObject({ file: photo('lfw__Yao_Ming/Yao_Ming_0002.jpg'), faces: 1 });
    expect(good!.embedding).toHaveLength(512);
    expect(Math.hypot(...good!.embedding!)).toBeCloseTo(1, 4);
    expect(good!.quality.faceHeightPx).toBeGreaterThan(80);
    expect(typeof good!.quality.sharpness).toBe('number');
    // Codes only: the sentence for a citizen is app/core's (the command line adds it).
    expect(Array.isArray(good!.quality.failures)).toBe(true);
    expect(good!.quality).not.toHaveProperty('guidance');
    // A 150×150 grey crop: padded before detection, so its face is found.
    expect(crop!.faces).toBe(1);
    expect(crop!.embedding).toHaveLength(512);
    expect(missing).toMatchObject({ faces: 0, embedding: null });
    expect(missing!.error).toMatch(/nope\.jpg|missing|exist/i);
  });

  it('compareImages: same person above the threshold, different people below', async () => {
    const same = await compareImages(photo('lfw__Hu_Jintao/Hu_Jintao_0006.jpg'), photo('lfw__Hu_Jintao/Hu_Jintao_0002.jpg'));
    expect(same).toMatchObject({ threshold: VERIFICATION_THRESHOLD, match: true, faces: [1, 1] });
    expect(same.score!).toBeGreaterThan(VERIFICATION_THRESHOLD);
    const different = await compareImages(photo('lfw__Hu_Jintao/Hu_Jintao_0006.jpg'), photo('lfw__Li_Peng/Li_Peng_0001.jpg'));
    expect(different.match).toBe(false);
    expect(different.score!).toBeLessThan(VERIFICATION_THRESHOLD);
    const broken = await compareImages(photo('lfw__Hu_Jintao/Hu_Jintao_0006.jpg'), photo('nope.jpg'));
    expect(broken).toMatchObject({ score: null, match: false });
    expect(broken.error).toBeTruthy();
  });

  it('livenessOfImage: live capture live, printed photo spoof', async () => {
    const live = await livenessOfImage(photo('_liveness/silentface_old_sample_T1.jpg'));
    expect(live.decision).toBe('live');
    expect(live.live).toBeGreaterThan(0.9);
    const spoof = await livenessOfImage(photo('_liveness/silentface_old_images_F1b.jpg'));
    expect(spoof.decision).toBe('spoof');
    expect(spoof.live).toBeLessThan(0.1);
  });
});
