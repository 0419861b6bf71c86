import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normalizeText } from '../nlu/normalizeText.js';
import { toTonelessPinyin } from '../nlu/toPinyin.js';

const redirectsFileSchema = z.object({
  about: z.string().optional(),
  redirects: z.array(
    z.object({
      terms: z.array(z.string().min(2)).min(1),
      department: z.string().min(2),
      spoken: z.string().min(4),
      screen: z.string().min(4),
    }),
  ),
});

export interface DepartmentRedirect {
  department: string;
  spoken: string;
  screen: string;
  /** The term that matched. */
  term: string;
}

/**
 * Questions that belong to another department (公积金, 护照, 户口 ...): the kiosk names the right place
 * rather than stretching a social-security entry to fit.
 */
export class DepartmentRedirects {
  private readonly rules: { term: string; termPinyin: string; redirect: Omit<DepartmentRedirect, 'term'> }[];

  constructor(data: z.infer<typeof redirectsFileSchema>) {
    this.rules = data.redirects.flatMap(({ terms, ...redirect }) =>
      terms.map((term) => ({ term, termPinyin: toTonelessPinyin(term), redirect })),
    );
  }

  static fromFile(file: string): DepartmentRedirects {
    return new DepartmentRedirects(redirectsFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
  }

  match(text: string, pinyin?: string): DepartmentRedirect | null {
    const normalized = normalizeText(text);
    const padded = ` ${pinyin ? normalizeText(pinyin) : ''} `;
    for (const rule of this.rules) {
      if (normalized.includes(rule.term) || (pinyin && padded.includes(` ${rule.termPinyin} `))) return { ...rule.redirect, term: rule.term };
    }
    return null;
  }
}
