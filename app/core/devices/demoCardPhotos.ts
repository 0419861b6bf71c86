import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/**
 * Which face photo stands for each simulator demo card's chip photo (relative to the face folder, by default
 * ../shared/data/faces). Each is the same person as the business-system simulator's demo citizen with the card's
 * number, but another photo than the one on file (faces/…1.png), as a card photo would be; the worker with no photo
 * on file (QD0010) gets one too, so the demo shows a check that only the chip photo makes possible.
 */
export const demoCardPhotoFiles: Readonly<Record<string, string>> = {
  pensioner: 'faceapi__amy/amy2.png',
  'pensioner-hui': 'faceapi__howard/howard2.png',
  'pensioner-overdue': 'faceapi__bernadette/bernadette2.png',
  'young-worker': 'faceapi__penny/penny2.png',
  expired: 'faceapi__sheldon/sheldon2.png',
  'no-photo-on-file': 'lfw__Tang_Jiaxuan/Tang_Jiaxuan_0002.jpg',
};

export interface DemoCardPhotos {
  /** Card id → JPEG bytes, for `demoWltDecoder`. */
  photos: Map<string, Uint8Array>;
  /** Card ids whose photo file is not there (their chip photo does not decode: the photo on file is used). */
  missing: string[];
}

/**
 * Reads the demo cards' photos from `dir` as JPEG (the demo decoder gives BMP or JPEG, as a vendor's decoder does;
 * the face photos are PNG or JPEG). A missing file is reported, not thrown: the demo then runs without that photo.
 */
export async function loadDemoCardPhotos(dir: string, files: Readonly<Record<string, string>> = demoCardPhotoFiles): Promise<DemoCardPhotos> {
  const photos = new Map<string, Uint8Array>();
  const missing: string[] = [];
  for (const [cardId, file] of Object.entries(files)) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(dir, file));
    } catch {
      missing.push(cardId);
      continue;
    }
    photos.set(cardId, new Uint8Array(await sharp(bytes).flatten({ background: '#ffffff' }).jpeg({ quality: 90 }).toBuffer()));
  }
  return { photos, missing };
}
