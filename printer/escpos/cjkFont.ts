import { GlobalFonts } from '@napi-rs/canvas';
import { existsSync } from 'node:fs';

/** Debian's fonts-noto-cjk; the kiosk image installs the same package. */
export const DEFAULT_CJK_FONT_PATHS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
];

export const CJK_FONT_FAMILY = 'Noto Sans CJK SC';

const registered = new Set<string>();

/** Registers the CJK font files with Skia once per process and returns the family name to draw with. */
export function ensureCjkFont(fontPaths: readonly string[] = DEFAULT_CJK_FONT_PATHS): string {
  for (const file of fontPaths) {
    if (registered.has(file) || !existsSync(file)) continue;
    GlobalFonts.registerFromPath(file);
    registered.add(file);
  }
  return CJK_FONT_FAMILY;
}
