import { idf as jiebaIdf } from '@node-rs/jieba/dict.js';

let table: Map<string, number> | null = null;

/**
 * Inverse document frequency of a word in general Chinese text (jieba's corpus statistics). It tells a
 * topic word (驾照 10.6, 养老金 8.9) from an everyday one (名字 6.2, 工作 4.2): the kiosk's confidence
 * rests on the rare words of a question, so a question about driving licences is not "covered" by an entry
 * that happens to mention 到期 and 换.
 */
export function generalIdf(word: string): number | undefined {
  if (!table) {
    table = new Map();
    const text = new TextDecoder().decode(jiebaIdf);
    for (const line of text.split('\n')) {
      const space = line.lastIndexOf(' ');
      if (space > 0) table.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  }
  return table.get(word);
}

/**
 * How much a word says about the topic of a question: 0 for numbers, about 1–1.4 for a content word, a
 * little less for everyday words. Tuned on the development questions (bench/retrieval.bench.ts): flatter
 * weights separated answerable from out-of-scope questions better than raw rarity, which over-rewards
 * rare compounds such as 七十六岁.
 */
export function topicWeight(word: string): number {
  if (/^[\d.]+$/.test(word) || /^[零一二三四五六七八九十百千两]+[岁年个月天号]?$/.test(word)) return 0;
  const idf = generalIdf(word);
  if (idf === undefined) return UNKNOWN_WORD_WEIGHT;
  return Math.sqrt(Math.min(2, Math.max(0, idf - 3)));
}

/** Segmentation fragments (金去, 哪办) are not words: they count a little. */
const UNKNOWN_WORD_WEIGHT = 0.5;

/**
 * How much more often a word occurs in the knowledge base than in everyday Chinese (natural log of the lift).
 * 仲裁 or 社保卡 are far more common in the knowledge base than in general text; 名字 or 换 are not.
 */
export function domainLift(word: string, kbDocFrequency: number, kbSize: number): number {
  const idf = generalIdf(word) ?? 12;
  return Math.log(Math.max(kbDocFrequency, 0.5) / kbSize) + idf;
}
