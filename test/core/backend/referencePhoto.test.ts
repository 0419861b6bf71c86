/** Reference photos for 养老认证: on file, enrolled by staff, or missing; the real client against the real simulator. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendError, MAX_REFERENCE_PHOTO_BYTES, type DemoCitizen } from '../../../app/core/backend/index.js';
import { sharedDataDir } from '../../sharedData.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { rejectionOf, startHarness, type Harness } from './simulatorHarness.js';

const FACES_DIR = join(sharedDataDir, 'faces');
const HAVE_FACES = existsSync(FACES_DIR);
const NO_PHOTO_MESSAGE = '没有找到您的参考照片，请到人工窗口办理。';

/** Something that starts like a JPEG (SOI, APP0) and ends like one: the simulator checks magic bytes only. */
function fakeJpeg(size: number, fill = 0x5a): Uint8Array {
  const bytes = new Uint8Array(size).fill(fill);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
function fakePng(size = 256): Uint8Array {
  const bytes = new Uint8Array(size).fill(0x11);
  bytes.set(PNG_SIGNATURE);
  return bytes;
}

async function backendErrorOf(action: Promise<unknown>): Promise<BackendError> {
  const error = await rejectionOf(action);
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

let folder: string;
let harness: Harness;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'reference-photos-'));
});
afterEach(async () => {
  await harness.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A shared data folder of our own, holding `files` (relative path → bytes). */
function sharedFolderWith(files: Record<string, Uint8Array>): string {
  for (const [relative, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, relative)), { recursive: true });
    writeFileSync(join(folder, relative), bytes);
  }
  return folder;
}

describe('reference photo on file', () => {
  it.skipIf(!HAVE_FACES)(`is served exactly as stored from the shared faces folder${HAVE_FACES ? '' : ` (skipped: ${FACES_DIR} is absent)`}`, async () => {
    harness = await startHarness();
    const citizens: DemoCitizen[] = await harness.client().listDemoCitizens();
    const amy = citizens.find((citizen) => citizen.citizenId === 'QD0001')!;
    const photo = await harness.client().getReferencePhoto('QD0001');
    expect(photo).toMatchObject({ citizenId: 'QD0001', source: 'on-file', contentType: 'image/png', capturedAt: '2016-05-12' });
    expect(photo.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(photo.bytes).equals(readFileSync(join(sharedDataDir, amy.referencePhoto!)))).toBe(true);
  });

  it('is read from the configured sharedDataDir, typed by its magic bytes, dated by the card it was taken for', async () => {
    const png = fakePng();
    harness = await startHarness({ sharedDataDir: sharedFolderWith({ 'faces/faceapi__howard/howard1.png': png }) });
    const photo = await harness.client().getReferencePhoto('QD0002');
    expect(photo).toEqual({ citizenId: 'QD0002', source: 'on-file', contentType: 'image/png', capturedAt: '2015-09-03', bytes: png });
  });

  it('a citizen with no photo → not-found REFERENCE_PHOTO_NOT_FOUND, told in plain Chinese', async () => {
    harness = await startHarness({ sharedDataDir: sharedFolderWith({}) });
    const error = await backendErrorOf(harness.client().getReferencePhoto('QD0008'));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, code: 'REFERENCE_PHOTO_NOT_FOUND', citizenMessage: NO_PHOTO_MESSAGE, retryable: false });
    expect(error.message).toContain('没有找到您的参考照片');
  });

  it('a photo on record whose file is missing → not-found too', async () => {
    harness = await startHarness({ sharedDataDir: sharedFolderWith({}) });
    const error = await backendErrorOf(harness.client().getReferencePhoto('QD0001'));
    expect(error).toMatchObject({ kind: 'not-found', code: 'REFERENCE_PHOTO_NOT_FOUND', citizenMessage: NO_PHOTO_MESSAGE });
  });

  it('an unknown citizen → not-found CITIZEN_NOT_FOUND', async () => {
    harness = await startHarness({ sharedDataDir: sharedFolderWith({}) });
    expect(await backendErrorOf(harness.client().getReferencePhoto('QD9999'))).toMatchObject({ kind: 'not-found', code: 'CITIZEN_NOT_FOUND' });
  });
});

describe('reference photo enrolment (staff, demo)', () => {
  it('an enrolled photo wins over the one on file, and is served as stored', async () => {
    harness = await startHarness({ sharedDataDir: sharedFolderWith({ 'faces/faceapi__amy/amy1.png': fakePng() }) });
    const client = harness.client();
    expect((await client.getReferencePhoto('QD0001')).source).toBe('on-file');

    const jpeg = fakeJpeg(20_000);
    const enrolment = await client.enrollReferencePhoto('QD0001', { jpeg, idempotencyKey: 'enrol-QD0001-0001' });
    expect(enrolment).toEqual({
      citizenId: 'QD0001', contentType: 'image/jpeg', source: 'enrolled', byteLength: 20_000,
      sha256: createHash('sha256').update(jpeg).digest('hex'), enrolledAt: '2025-03-14T10:00:00+08:00',
    });
    expect(await client.getReferencePhoto('QD0001')).toEqual({ citizenId: 'QD0001', source: 'enrolled', contentType: 'image/jpeg', capturedAt: '2025-03-14', bytes: jpeg });
  });

  it('gives a citizen with nothing on file a photo; a new enrolment replaces the last; the same key does it once', async () => {
    harness = await startHarness({ sharedDataDir: sharedFolderWith({}) });
    const client = harness.client();
    const first = fakeJpeg(2_000, 0x01);
    const enrolled = await client.enrollReferencePhoto('QD0008', { jpeg: first, idempotencyKey: 'enrol-QD0008-0001' });
    expect(await client.enrollReferencePhoto('QD0008', { jpeg: first, idempotencyKey: 'enrol-QD0008-0001' })).toEqual(enrolled);
    expect((await client.getReferencePhoto('QD0008')).bytes).toEqual(first);

    const second = fakeJpeg(3_000, 0x02);
    await client.enrollReferencePhoto('QD0008', { jpeg: second, idempotencyKey: 'enrol-QD0008-0002' });
    expect((await client.getReferencePhoto('QD0008')).bytes).toEqual(second);
  });

  it('accepts a photo of exactly the limit, well over the 64 KiB default body limit', async () => {
    harness = await startHarness({ sharedDataDir: sharedFolderWith({}) });
    const jpeg = fakeJpeg(MAX_REFERENCE_PHOTO_BYTES);
    const enrolment = await harness.client({ timeoutMs: TEST_DEADLINE_MS }).enrollReferencePhoto('QD0010', { jpeg, idempotencyKey: 'enrol-QD0010-max' });
    expect(enrolment.byteLength).toBe(MAX_REFERENCE_PHOTO_BYTES);
    // Buffer.equals: a deep toEqual over 2 MiB takes seconds.
    expect(Buffer.from((await harness.client({ timeoutMs: TEST_DEADLINE_MS }).getReferencePhoto('QD0010')).bytes).equals(jpeg)).toBe(true);
  });

  it('refuses a photo that is not a JPEG, keeping nothing', async () => {
    harness = await startHarness({ sharedDataDir: sharedFolderWith({}) });
    const client = harness.client();
    for (const [index, notJpeg] of [fakePng(), new TextEncoder().encode('GIF89a not a jpeg at all'), new Uint8Array([0xff, 0xd8])].entries()) {
      const error = await backendErrorOf(client.enrollReferencePhoto('QD0008', { jpeg: notJpeg, idempotencyKey: `enrol-QD0008-bad-${index}` }));
      expect(error).toMatchObject({ kind: 'rejected', status: 400, code: 'INVALID_PHOTO', citizenMessage: '照片格式不对，请重新拍一张。' });
    }
    expect((await backendErrorOf(client.getReferencePhoto('QD0008'))).code).toBe('REFERENCE_PHOTO_NOT_FOUND');
  });

  it('refuses a photo over 2 MiB, keeping nothing', async () => {
    harness = await startHarness({ sharedDataDir: sharedFolderWith({}) });
    const client = harness.client({ timeoutMs: TEST_DEADLINE_MS });
    const error = await backendErrorOf(client.enrollReferencePhoto('QD0008', { jpeg: fakeJpeg(MAX_REFERENCE_PHOTO_BYTES + 1), idempotencyKey: 'enrol-QD0008-big' }));
    expect(error).toMatchObject({ kind: 'rejected', status: 413, code: 'PHOTO_TOO_LARGE', citizenMessage: '照片太大了，请重新拍一张。' });
    expect((await backendErrorOf(client.getReferencePhoto('QD0008'))).code).toBe('REFERENCE_PHOTO_NOT_FOUND');
  });

  it('refuses a body over the route limit (about 2.7 MiB) without keeping it', async () => {
    harness = await startHarness({ sharedDataDir: sharedFolderWith({}) });
    const client = harness.client({ timeoutMs: TEST_DEADLINE_MS });
    const error = await backendErrorOf(client.enrollReferencePhoto('QD0008', { jpeg: fakeJpeg(3 * 1024 * 1024), idempotencyKey: 'enrol-QD0008-huge' }));
    expect(error).toMatchObject({ kind: 'rejected', status: 413, code: 'BODY_TOO_LARGE' });
  });

  it('keeps the 64 KiB limit on every other route', async () => {
    harness = await startHarness({ sharedDataDir: sharedFolderWith({}) });
    const error = await backendErrorOf(harness.client().lookupCitizen('3'.repeat(70 * 1024)));
    expect(error).toMatchObject({ kind: 'rejected', status: 413, code: 'BODY_TOO_LARGE' });
  });
});
