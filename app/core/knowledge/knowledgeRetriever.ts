import { hasHan, looksLikePinyin, normalizeText } from '../nlu/normalizeText.js';
import { STOP_WORDS } from '../nlu/stopWords.js';
import { toTonelessPinyin } from '../nlu/toPinyin.js';
import { Bm25Index } from './bm25Index.js';
import type { KnowledgeEntry } from './knowledgeEntry.js';
import type { Lexicon } from './lexicon.js';
import { domainLift, generalIdf, topicWeight } from './generalWordRarity.js';
import { charBigrams, jieba, pinyinTokens, wordTokens } from './textAnalyzer.js';

/** Questions shorter than this much topic weight (about four content words) cannot be fully sure by coverage alone. */
const MIN_TOPIC_WEIGHT = 6;
/** A word at least this much more common in the knowledge base than in everyday text is a domain term (仲裁, 社保卡). */
const DOMAIN_TERM_LIFT = 5;
/** Confidence of a short question whose words are all in the entry and include a domain term ("社保卡挂失"). */
const SHORT_QUESTION_CONFIDENCE = 0.6;

/** A question as it reaches retrieval: characters when we have them, toneless pinyin always possible. */
export interface RetrievalQuery {
  text: string;
  /** Toneless pinyin from the recognizer; derived from `text` when absent. */
  pinyin?: string;
}

export interface RetrievalHit {
  entry: KnowledgeEntry;
  score: number;
  /** 0–1: how much of the question's meaning the entry covers (IDF-weighted). */
  confidence: number;
}

export interface RetrievalResult {
  hits: RetrievalHit[];
  /** Official terms the lexicon added to the question. */
  expandedWith: string[];
  /** The query reached retrieval only as pinyin (no characters). */
  pinyinOnly: boolean;
}

/** How much each token stream counts; tuned on the development question set (bench/retrieval). */
export interface ChannelWeights {
  words: number;
  bigrams: number;
  pinyin: number;
}

export const DEFAULT_CHANNEL_WEIGHTS: ChannelWeights = { words: 1, bigrams: 0.5, pinyin: 0.4 };

/** How much each field of an entry counts (term counts are scaled before BM25 saturation). */
export interface FieldWeights {
  title: number;
  questions: number;
  keywords: number;
  spoken: number;
  screen: number;
}

export const DEFAULT_FIELD_WEIGHTS: FieldWeights = { title: 3, questions: 2, keywords: 1.5, spoken: 0.7, screen: 0.5 };

interface IndexedEntry {
  entry: KnowledgeEntry;
  fullText: string;
  words: Set<string>;
  foldedPinyinTokens: Set<string>;
}

/** BM25 over jieba words + character bigrams + toneless pinyin, with colloquial-term expansion. */
export class KnowledgeRetriever {
  private readonly words = new Bm25Index();
  private readonly bigrams = new Bm25Index();
  private readonly pinyin = new Bm25Index();
  /** Folded pinyin (zh/z, n/l, an/ang …) for questions that reach us only as recognizer pinyin. */
  private readonly foldedPinyin = new Bm25Index();
  private readonly indexed: IndexedEntry[] = [];

  constructor(
    entries: readonly KnowledgeEntry[],
    private readonly lexicon: Lexicon,
    private readonly weights: ChannelWeights = DEFAULT_CHANNEL_WEIGHTS,
    private readonly fieldWeights: FieldWeights = DEFAULT_FIELD_WEIGHTS,
  ) {
    for (const entry of entries) this.add(entry);
  }

  get size(): number {
    return this.indexed.length;
  }

  private add(entry: KnowledgeEntry): void {
    const fields = {
      title: entry.title,
      questions: entry.questions.join('。'),
      keywords: entry.keywords.join('。'),
      spoken: entry.spoken,
      screen: entry.screen,
    };
    const perField = (analyze: (t: string) => string[]) =>
      (Object.keys(fields) as (keyof typeof fields)[]).map((f) => ({ tokens: analyze(fields[f]), weight: this.fieldWeights[f] }));
    const wordFields = perField(wordTokens);
    const pinyinFields = perField((t) => pinyinTokens(t));
    const foldedFields = perField((t) => pinyinTokens(t, true));
    this.words.add(wordFields);
    this.bigrams.add(perField(charBigrams));
    this.pinyin.add(pinyinFields);
    this.foldedPinyin.add(foldedFields);
    this.indexed.push({
      entry,
      fullText: normalizeText(Object.values(fields).join(' ')),
      words: new Set(wordFields.flatMap((f) => f.tokens)),
      foldedPinyinTokens: new Set(foldedFields.flatMap((f) => f.tokens)),
    });
  }

  search(query: RetrievalQuery, k = 5): RetrievalResult {
    const text = normalizeText(query.text);
    const pinyinOnly = !hasHan(text) && (looksLikePinyin(text) || Boolean(query.pinyin));
    const pinyinText = query.pinyin ? normalizeText(query.pinyin) : toTonelessPinyin(text);
    const expandedWith = pinyinOnly ? this.lexicon.expandPinyin(pinyinText) : this.lexicon.expand(text);
    const expansion = expandedWith.join(' ');
    const scores = new Float64Array(this.indexed.length);

    if (pinyinOnly) {
      this.foldedPinyin.scoreInto([...pinyinTokens(pinyinText, true), ...pinyinTokens(expansion, true)], scores, 1);
    } else {
      const full = `${text} ${expansion}`;
      this.words.scoreInto(wordTokens(full), scores, this.weights.words);
      this.bigrams.scoreInto(charBigrams(full), scores, this.weights.bigrams);
      this.pinyin.scoreInto(pinyinTokens(text), scores, this.weights.pinyin);
    }

    const top = topK(scores, k);
    const hits = top.map(({ doc, score }) => ({
      entry: this.indexed[doc]!.entry,
      score,
      confidence: pinyinOnly ? this.pinyinCoverage(pinyinText, expandedWith, doc) : this.wordCoverage(text, doc),
    }));
    return { hits, expandedWith, pinyinOnly };
  }

  /**
   * Share of the question's topic words (weighted by how rare they are in everyday Chinese) that the entry
   * contains, counting a colloquial phrase as covered when the entry has its official term. A question with
   * no topic word at all ("你叫什么名字") or about something the entry lacks ("驾照到期") scores low.
   */
  private wordCoverage(text: string, doc: number): number {
    const indexed = this.indexed[doc]!;
    const units = [...new Set(jieba().cut(text, true).filter((w) => /[\p{Script=Han}a-z0-9]/u.test(w) && !STOP_WORDS.has(w)))];
    const matchedRules = this.lexicon.rules.filter((r) => text.includes(r.phrase));
    let total = 0;
    let covered = 0;
    let allCovered = true;
    let hasDomainTerm = false;
    for (const unit of units) {
      const weight = topicWeight(unit);
      if (weight === 0) continue;
      total += weight;
      const viaLexicon = matchedRules.some((r) => r.phrase.includes(unit) && r.adds.some((t) => indexed.fullText.includes(t)));
      const known = generalIdf(unit) !== undefined;
      // A segmentation fragment (金去, 哪办) counts as covered when all its characters are in the entry.
      const fragmentCovered = !known && [...unit].every((c) => indexed.fullText.includes(c));
      if (indexed.words.has(unit) || indexed.fullText.includes(unit) || viaLexicon || fragmentCovered) {
        covered += weight;
        if (viaLexicon || domainLift(unit, this.words.docFrequency(unit), this.size) >= DOMAIN_TERM_LIFT) hasDomainTerm = true;
      } else {
        allCovered = false;
      }
    }
    const coverage = covered / Math.max(total, MIN_TOPIC_WEIGHT);
    return allCovered && hasDomainTerm ? Math.max(coverage, SHORT_QUESTION_CONFIDENCE) : coverage;
  }

  private pinyinCoverage(pinyinText: string, expandedWith: string[], doc: number): number {
    const indexed = this.indexed[doc]!;
    const pairs = pinyinTokens(pinyinText, true).filter((t) => t.includes('_'));
    if (pairs.length === 0) return 0;
    const expansionPairs = new Set(expandedWith.flatMap((t) => pinyinTokens(t, true)).filter((t) => t.includes('_')));
    let total = 0;
    let covered = 0;
    for (const pair of pairs) {
      const weight = Math.max(0.2, this.foldedPinyin.idf(pair));
      total += weight;
      if (indexed.foldedPinyinTokens.has(pair)) covered += weight;
    }
    // A lexicon match counts as covering what it replaced.
    const bonus = [...expansionPairs].some((p) => indexed.foldedPinyinTokens.has(p)) ? 0.15 : 0;
    return Math.min(1, covered / total + bonus);
  }
}

function topK(scores: Float64Array, k: number): { doc: number; score: number }[] {
  const best: { doc: number; score: number }[] = [];
  for (let doc = 0; doc < scores.length; doc++) {
    const score = scores[doc]!;
    if (score <= 0) continue;
    if (best.length < k) {
      best.push({ doc, score });
      best.sort((a, b) => b.score - a.score);
    } else if (score > best[k - 1]!.score) {
      best[k - 1] = { doc, score };
      best.sort((a, b) => b.score - a.score);
    }
  }
  return best;
}
