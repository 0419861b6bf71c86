import { createCanvas, type ImageData } from '@napi-rs/canvas';
import { ensureCjkFont } from './cjkFont.js';
import type { Alignment } from './escPosCommands.js';

/**
 * Draws one line of text as an RGBA image the encoder turns into GS v 0 raster data, for lines the
 * printer's own font cannot print (characters outside GBK). Sizes follow font A: 24 dots per
 * full-width character per size step, so the image line is as tall as a text line.
 */
export function rasterizeTextLine(
  text: string,
  options: { widthDots?: number; size?: 1 | 2; bold?: boolean; align?: Alignment; fontPaths?: readonly string[] } = {},
): ImageData {
  const widthDots = options.widthDots ?? 576;
  const size = options.size ?? 1;
  const height = 24 * size;
  const family = ensureCjkFont(options.fontPaths);
  const canvas = createCanvas(widthDots, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, widthDots, height);
  ctx.fillStyle = '#000';
  ctx.font = `${options.bold ? 'bold ' : ''}${22 * size}px "${family}"`;
  ctx.textBaseline = 'middle';
  // On the printer's own grid (12 dots half width, 24 full width), so the image lines up with text lines.
  const cells = [...text].map((ch) => ({ ch, width: (ch.codePointAt(0)! < 0x80 ? 12 : 24) * size }));
  const textWidth = cells.reduce((sum, c) => sum + c.width, 0);
  let x = Math.max(0, options.align === 'center' ? Math.floor((widthDots - textWidth) / 2) : options.align === 'right' ? widthDots - textWidth : 0);
  for (const { ch, width } of cells) {
    const glyph = ctx.measureText(ch).width;
    ctx.fillText(ch, x + Math.max(0, (width - glyph) / 2), height / 2);
    x += width;
  }
  return ctx.getImageData(0, 0, widthDots, height);
}
