import { z } from 'zod';

/** Where a knowledge entry's facts come from: a source document id (D01–D17) and its URL. */
export const entrySourceSchema = z.object({
  doc: z.string().regex(/^D\d{2}$/, 'doc must look like D05'),
  url: z.string().url(),
});

/**
 * How far the kiosk may trust an entry as Qingdao policy.
 * - `qingdao`: Qingdao 人社 policy or a national law that applies in Qingdao as written.
 * - `national`: national rule; local details (amounts, channels) may differ.
 * - `other-province`: taken from another province's page; the kiosk must say so.
 * - `outdated`: the source is older than the rule now in force; the kiosk must say so.
 * - `unverified`: third-party explainer; the kiosk must say it is for reference only.
 */
export const entryStandingSchema = z.enum(['qingdao', 'national', 'other-province', 'outdated', 'unverified']);

export const knowledgeEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id is kebab-case ASCII'),
  title: z.string().min(2),
  /** Several ways a citizen might ask, in everyday spoken Chinese. */
  questions: z.array(z.string().min(2)).min(3),
  /** What the robot says aloud: plain spoken Chinese, at most 3 sentences. */
  spoken: z.string().min(4),
  /** The fuller answer shown on screen. */
  screen: z.string().min(4),
  topic: z.enum([
    'pension', 'pension-auth', 'medical', 'unemployment', 'work-injury', 'maternity',
    'social-card', 'employment', 'flexible-employment', 'entrepreneurship', 'training-subsidy',
    'labor-arbitration', 'retirement', 'transfer', 'certificate', 'statistics', 'general',
  ]),
  /** Where the rule applies as stated, e.g. 青岛, 全国, 四川. */
  region: z.string().min(2),
  standing: entryStandingSchema,
  /** ISO date the facts were true on (the source's as-of or published date). */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sources: z.array(entrySourceSchema).min(1),
  /** Extra search words (official terms, abbreviations) not already in the title or questions. */
  keywords: z.array(z.string()).default([]),
});

export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema>;
export type EntryStanding = z.infer<typeof entryStandingSchema>;

/** One source document's entries: `data/kb/Dxx.json`. */
export const knowledgeFileSchema = z.object({
  doc: z.string().regex(/^D\d{2}$/),
  title: z.string(),
  entries: z.array(knowledgeEntrySchema).min(1),
});
