import sharp from 'sharp';
import { boxCentre, boxWidth, type FaceBox } from '../detect/faceBox.js';
import type { RgbImage } from '../image/rgbImage.js';

/** The photo in a second-generation resident ID card's chip: 102×126 pixels, heavily compressed. */
export const ID_CARD_PHOTO = { width: 102, height: 126 } as const;

export interface IdStyleOptions {
  width?: number;
  height?: number;
  /** JPEG quality (1–100); ID-chip photos are strongly compressed, ~30. */
  quality?: number;
  /** Face box width as a share of the photo width (head-and-shoulders framing). */
  faceWidthShare?: number;
}

/**
 * An ID-photo-like JPEG of the face in `box`: head-and-shoulders crop, resized to 102×126, JPEG quality 30.
 * Used to calibrate against compressed references and to enrol demo references the way the ID chip stores them.
 * Parts of the crop outside the frame repeat the edge pixels.
 */
export async function idStyleReference(image: RgbImage, box: FaceBox, options: IdStyleOptions = {}): Promise<Buffer> {
  const width = options.width ?? ID_CARD_PHOTO.width;
  const height = options.height ?? ID_CARD_PHOTO.height;
  const cropW = boxWidth(box) / (options.faceWidthShare ?? 0.6);
  const cropH = (cropW * height) / width;
  const centre = boxCentre(box);
  // The face sits a little above the middle of an ID photo (shoulders below).
  const left = Math.round(centre.x - cropW / 2);
  const top = Math.round(centre.y - cropH * 0.45);
  const right = left + Math.round(cropW);
  const bottom = top + Math.round(cropH);
  const inside = { left: Math.max(0, left), top: Math.max(0, top), width: Math.min(image.width, right) - Math.max(0, left), height: Math.min(image.height, bottom) - Math.max(0, top) };
  const raw = { raw: { width: image.width, height: image.height, channels: 3 as const } };
  // Two pipelines: sharp runs extend after resize within one, and the border must be added before.
  const framed = await sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), raw)
    .extract(inside)
    .extend({ left: inside.left - left, top: inside.top - top, right: right - (inside.left + inside.width), bottom: bottom - (inside.top + inside.height), extendWith: 'copy' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(framed.data, { raw: { width: framed.info.width, height: framed.info.height, channels: 3 } })
    .resize(width, height, { fit: 'fill' })
    .jpeg({ quality: options.quality ?? 30, chromaSubsampling: '4:2:0' })
    .toBuffer();
}
