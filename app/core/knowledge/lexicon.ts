import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { toTonelessPinyin } from '../nlu/toPinyin.js';

const lexiconFileSchema = z.object({
  about: z.string().optional(),
  synonyms: z.array(z.object({ official: z.string().min(1), colloquial: z.array(z.string().min(1)).min(1) })),
  regions: z.record(z.string(), z.array(z.string().min(1))),
});

export interface LexiconRule {
  /** What the citizen says (characters) and its toneless pinyin, for recognizer output in pinyin. */
  phrase: string;
  phrasePinyin: string;
  /** The official term(s) to add to the query. */
  adds: string[];
}

/** Colloquial-to-official expansion, applied to the citizen's question before retrieval. */
export class Lexicon {
  readonly rules: LexiconRule[];

  constructor(rules: LexiconRule[]) {
    // Longest phrases first, so 失业救济金 wins over 失业.
    this.rules = [...rules].sort((a, b) => b.phrase.length - a.phrase.length);
  }

  static fromFile(file: string): Lexicon {
    const data = lexiconFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const rules: LexiconRule[] = [];
    for (const group of data.synonyms) {
      for (const phrase of group.colloquial) rules.push({ phrase, phrasePinyin: toTonelessPinyin(phrase), adds: [group.official] });
    }
    for (const [grouping, places] of Object.entries(data.regions)) {
      for (const place of places) rules.push({ phrase: place, phrasePinyin: toTonelessPinyin(place), adds: [grouping, '区市'] });
    }
    return new Lexicon(rules);
  }

  /** Official terms implied by a question in characters. */
  expand(text: string): string[] {
    const added = new Set<string>();
    for (const rule of this.rules) {
      if (text.includes(rule.phrase)) for (const term of rule.adds) if (!text.includes(term)) added.add(term);
    }
    return [...added];
  }

  /** Official terms implied by a question the recognizer gave in toneless pinyin. */
  expandPinyin(pinyinText: string): string[] {
    const padded = ` ${pinyinText} `;
    const added = new Set<string>();
    for (const rule of this.rules) {
      if (rule.phrasePinyin.length > 0 && padded.includes(` ${rule.phrasePinyin} `)) for (const term of rule.adds) added.add(term);
    }
    return [...added];
  }
}
