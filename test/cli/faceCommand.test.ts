import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { embedLine } from '../../app/cli/faceCommand.js';
import { faceAuthLines } from '../../app/core/services/pensionAuth/faceAuthLines.js';
import type { EmbedImageResult } from '../../vision/cli/embedImages.js';
import { composeScene, toJpeg } from '../vision/fixtures/craftedFrames.js';
import { facesDir, FRONTAL_PHOTO, missingFaces } from '../vision/fixtures/visionFixtures.js';
import { kioskCliInTempDir } from './runKioskCli.js';

// `kiosk face embed` prints, per image, vision/'s failure codes and, for the person reading it, the sentence the
// kiosk would show for them: worded in app/core (vision/ carries no citizen wording).

const measures = { faceHeightPx: 60, yaw: 1, pitch: -4, sharpness: 200, luma: 120 };
const result = (over: Partial<EmbedImageResult> = {}): EmbedImageResult => ({
  file: 'a.jpg',
  faces: 1,
  embedding: [0.6, 0.8],
  quality: { ok: false, failures: ['too-far', 'blurred'], ...measures },
  ...over,
});

describe('face embed line', () => {
  it("adds the first failure's sentence beside the failures, keeping every other field and their order", () => {
    const line = embedLine(result());
    expect(line).toStrictEqual({
      file: 'a.jpg',
      faces: 1,
      embedding: [0.6, 0.8],
      quality: { ok: false, failures: ['too-far', 'blurred'], guidance: '请靠近一点', ...measures },
    });
    expect(Object.keys(line)).toEqual(['file', 'faces', 'embedding', 'quality']);
    expect(Object.keys(line.quality)).toEqual(['ok', 'failures', 'guidance', 'faceHeightPx', 'yaw', 'pitch', 'sharpness', 'luma']);
  });

  it('has null guidance for an image that passes, and keeps the error of an unreadable one', () => {
    expect(embedLine(result({ quality: { ok: true, failures: [], ...measures } })).quality.guidance).toBeNull();
    const broken = embedLine(result({ faces: 0, embedding: null, quality: { ok: false, failures: [], ...measures }, error: 'missing' }));
    expect(broken).toMatchObject({ faces: 0, embedding: null, quality: { failures: [], guidance: null }, error: 'missing' });
  });
});

describe('kiosk face embed', () => {
  const cli = kioskCliInTempDir('kiosk-face-cli-');

  it('prints one line per image with failures and the guidance the kiosk would show', async () => {
    const blank = path.join(cli.dir, 'blank.jpg');
    writeFileSync(blank, await toJpeg(await composeScene([])));
    const missing = path.join(cli.dir, 'nope.jpg');
    const { code, stdout } = await cli.run(['face', 'embed', blank, missing]);
    expect(code).toBe(0);
    const [empty, unreadable, ...rest] = stdout.trim().split('\n').map((l) => JSON.parse(l) as ReturnType<typeof embedLine>);
    expect(rest).toEqual([]);
    expect(empty).toMatchObject({ file: blank, faces: 0, embedding: null, quality: { ok: false, failures: ['no-face'], guidance: faceAuthLines.qualityGuidance['no-face'] } });
    expect(empty!.quality.guidance).toBe('请站到屏幕前，看着屏幕');
    expect(unreadable).toMatchObject({ file: missing, faces: 0, quality: { ok: false, failures: [], guidance: null } });
    expect(unreadable!.error).toMatch(/nope\.jpg|missing|exist/i);
  });

  it.skipIf(missingFaces() !== null)('words a tiny face 请靠近一点 and a good one not at all', async () => {
    const photo = path.join(facesDir, FRONTAL_PHOTO);
    const tiny = path.join(cli.dir, 'tiny.jpg');
    const good = path.join(cli.dir, 'good.jpg');
    writeFileSync(tiny, await toJpeg(await composeScene([{ file: photo, size: 120, cx: 0.5, cy: 0.5 }])));
    writeFileSync(good, await toJpeg(await composeScene([{ file: photo, size: 400, cx: 0.5, cy: 0.5 }])));
    const { code, stdout } = await cli.run(['face', 'embed', tiny, good]);
    expect(code).toBe(0);
    const [far, fine] = stdout.trim().split('\n').map((l) => JSON.parse(l) as ReturnType<typeof embedLine>);
    expect(far!.quality.failures[0]).toBe('too-far');
    expect(far!.quality.guidance).toBe('请靠近一点');
    expect(fine!.quality).toMatchObject({ ok: true, failures: [], guidance: null });
    expect(fine!.embedding).toHaveLength(512);
  });
});
