import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One labelled question: `expected` is the entry id that should answer it, or null when the KB must decline. */
export const labelledQuestionSchema = z.object({
  question: z.string().min(1),
  expected: z.string().nullable(),
  /** Optional recognizer-style pinyin form of the question. */
  pinyin: z.string().optional(),
});
export type LabelledQuestion = z.infer<typeof labelledQuestionSchema>;

export function readQuestionSet(file: string): LabelledQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const parsed = labelledQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}
