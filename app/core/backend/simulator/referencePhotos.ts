/**
 * Reference photos for 养老认证 face verification. A photo enrolled by staff at a kiosk (kept in SQLite as a
 * BLOB) wins over the photo on file (a file in the shared data folder, `citizens.reference_photo`). Photos are
 * served exactly as stored, JPEG or PNG: decoding is the kiosk's business.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chinaDateTimeOf } from '../calendar.js';
import {
  MAX_REFERENCE_PHOTO_BYTES,
  referencePhotoEnrolmentRequestSchema,
  type ReferencePhotoContentType,
  type ReferencePhotoEnrolment,
  type ReferencePhotoSource,
} from '../backendTypes.js';
import { requireCitizen } from './citizenRows.js';
import { HttpProblem } from './httpProblem.js';
import { created, ok, type RouteContext, type RouteResult } from './route.js';

/** The enrolment body is JSON with the JPEG base64-encoded: 4/3 of the photo limit, plus room for the envelope. */
export const REFERENCE_PHOTO_ENROLMENT_MAX_BODY_BYTES = Math.ceil(MAX_REFERENCE_PHOTO_BYTES / 3) * 4 + 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Every JPEG starts with the SOI marker FF D8 followed by the next marker's FF. */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Image type from the magic bytes (a file's name can lie). */
function sniffContentType(bytes: Buffer): ReferencePhotoContentType | null {
  if (isJpeg(bytes)) return 'image/jpeg';
  if (bytes.length >= PNG_SIGNATURE.length && bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

/** The photo on file, or null when the file is missing. A path that would leave the shared folder counts as missing. */
function readPhotoOnFile(sharedDataDir: string, relativePath: string): Buffer | null {
  const root = path.resolve(sharedDataDir);
  const file = path.resolve(root, relativePath);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    throw error;
  }
}

interface WirePhoto {
  citizenId: string;
  contentType: ReferencePhotoContentType;
  source: ReferencePhotoSource;
  capturedAt: string | null;
  imageBase64: string;
}

export function referencePhoto({ db, params, sharedDataDir }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const enrolled = db.prepare('SELECT content_type, image, enrolled_at FROM reference_photos WHERE citizen_id = ?').get(citizen.citizen_id) as
    | { content_type: ReferencePhotoContentType; image: Buffer; enrolled_at: string }
    | undefined;
  if (enrolled) {
    const photo: WirePhoto = {
      citizenId: citizen.citizen_id,
      contentType: enrolled.content_type,
      source: 'enrolled',
      // enrolled_at is a China-time timestamp, so its first ten characters are the China calendar day.
      capturedAt: enrolled.enrolled_at.slice(0, 10),
      imageBase64: enrolled.image.toString('base64'),
    };
    return ok(photo);
  }

  const onFile = citizen.reference_photo === null ? null : readPhotoOnFile(sharedDataDir, citizen.reference_photo);
  if (onFile) {
    const contentType = sniffContentType(onFile);
    if (contentType === null) throw new HttpProblem(500, 'INTERNAL', '参考照片文件已损坏');
    // The photo on file is the one taken for the social security card.
    const card = db.prepare('SELECT issued_date FROM cards WHERE citizen_id = ?').pluck().get(citizen.citizen_id) as string | undefined;
    const photo: WirePhoto = { citizenId: citizen.citizen_id, contentType, source: 'on-file', capturedAt: card ?? null, imageBase64: onFile.toString('base64') };
    return ok(photo);
  }
  throw new HttpProblem(404, 'REFERENCE_PHOTO_NOT_FOUND', '没有找到您的参考照片，请到人工窗口办理');
}

/** Staff enrol a demo citizen's reference photo from the kiosk camera; a new enrolment replaces the last. */
export function enrollReferencePhoto({ db, params, body, kioskId, now }: RouteContext): RouteResult {
  const citizen = requireCitizen(db, params.citizenId!);
  const request = referencePhotoEnrolmentRequestSchema.safeParse(body);
  if (!request.success) throw new HttpProblem(400, 'INVALID_REQUEST', '照片内容缺失，或不是有效的base64编码');
  const jpeg = Buffer.from(request.data.jpegBase64, 'base64');
  if (jpeg.length > MAX_REFERENCE_PHOTO_BYTES) throw new HttpProblem(413, 'PHOTO_TOO_LARGE', `照片不能超过${MAX_REFERENCE_PHOTO_BYTES / 1024 / 1024}MB`);
  if (!isJpeg(jpeg)) throw new HttpProblem(400, 'INVALID_PHOTO', '照片不是JPEG格式');

  const sha256 = createHash('sha256').update(jpeg).digest('hex');
  const enrolledAt = chinaDateTimeOf(now);
  db.prepare(`INSERT INTO reference_photos (citizen_id, content_type, image, sha256, kiosk_id, enrolled_at) VALUES (?, 'image/jpeg', ?, ?, ?, ?)
    ON CONFLICT (citizen_id) DO UPDATE SET content_type = excluded.content_type, image = excluded.image, sha256 = excluded.sha256,
      kiosk_id = excluded.kiosk_id, enrolled_at = excluded.enrolled_at`).run(citizen.citizen_id, jpeg, sha256, kioskId, enrolledAt);

  const enrolment: ReferencePhotoEnrolment = {
    citizenId: citizen.citizen_id,
    contentType: 'image/jpeg',
    source: 'enrolled',
    byteLength: jpeg.length,
    sha256,
    enrolledAt,
  };
  return created(enrolment);
}
