import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { knowledgeFileSchema, type KnowledgeEntry } from './knowledgeEntry.js';
import { DepartmentRedirects } from './departmentRedirects.js';
import { Lexicon } from './lexicon.js';

export interface KnowledgeBase {
  entries: KnowledgeEntry[];
  byId: ReadonlyMap<string, KnowledgeEntry>;
  lexicon: Lexicon;
  redirects: DepartmentRedirects;
  /** Source document ids present (D01…D17). */
  docs: string[];
}

export class KnowledgeBaseError extends Error {
  override name = 'KnowledgeBaseError';
}

/** Loads and validates `Dxx.json` files and the lexicon from the knowledge folder; duplicate ids are an error. */
export function loadKnowledgeBase(dir: string): KnowledgeBase {
  const files = readdirSync(dir).filter((f) => /^D\d{2}\.json$/.test(f)).sort();
  if (files.length === 0) throw new KnowledgeBaseError(`no knowledge files (Dxx.json) in ${dir}`);
  const entries: KnowledgeEntry[] = [];
  const byId = new Map<string, KnowledgeEntry>();
  const docs: string[] = [];
  for (const file of files) {
    const parsed = knowledgeFileSchema.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new KnowledgeBaseError(`${file}: ${first?.path.join('.')}: ${first?.message}`);
    }
    docs.push(parsed.data.doc);
    for (const entry of parsed.data.entries) {
      if (byId.has(entry.id)) throw new KnowledgeBaseError(`${file}: duplicate entry id ${entry.id}`);
      byId.set(entry.id, entry);
      entries.push(entry);
    }
  }
  return {
    entries,
    byId,
    lexicon: Lexicon.fromFile(path.join(dir, 'lexicon.json')),
    redirects: DepartmentRedirects.fromFile(path.join(dir, 'redirects.json')),
    docs,
  };
}
