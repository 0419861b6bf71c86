import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../app/core/config/loadConfig.js';
import { repoRoot } from '../../../app/core/config/repoRoot.js';
import { evaluateRetrieval } from '../../../app/core/knowledge/evaluateRetrieval.js';
import { KnowledgeRetriever } from '../../../app/core/knowledge/knowledgeRetriever.js';
import { loadKnowledgeBase } from '../../../app/core/knowledge/loadKnowledgeBase.js';
import { readQuestionSet } from '../../../app/core/knowledge/questionSet.js';
import { standingCaution } from '../../../app/core/knowledge/standingCaution.js';
import { suggestedQuestions } from '../../../app/core/session/kioskServices.js';

const kbDir = path.join(repoRoot, 'data', 'kb');
const kb = loadKnowledgeBase(kbDir);
const retriever = new KnowledgeRetriever(kb.entries, kb.lexicon);
const minConfidence = parseConfig({}).knowledge.minConfidence;

describe('knowledge base content', () => {
  it('covers every source document D01–D17', () => {
    expect(kb.docs).toEqual(Array.from({ length: 17 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`));
  });

  it('keeps spoken answers to at most three sentences and without links', () => {
    for (const entry of kb.entries) {
      const sentences = entry.spoken.split(/[。！？!?]/).filter((s) => s.trim().length > 0);
      expect(sentences.length, entry.id).toBeLessThanOrEqual(3);
      expect(entry.spoken, entry.id).not.toMatch(/https?:/);
    }
  });

  it('cites each entry to its own document file', () => {
    for (const entry of kb.entries) {
      for (const source of entry.sources) expect(source.url, entry.id).toMatch(/^https?:\/\//);
    }
  });

  it('marks other-province, outdated and unverified entries so the kiosk says so', () => {
    const flagged = kb.entries.filter((e) => ['other-province', 'outdated', 'unverified'].includes(e.standing));
    expect(flagged.length).toBeGreaterThan(0);
    for (const entry of flagged) expect(standingCaution(entry), entry.id).toBeTruthy();
    for (const entry of kb.entries.filter((e) => e.standing === 'other-province')) {
      expect(entry.region, entry.id).not.toMatch(/青岛|全国/);
      expect(standingCaution(entry)).toContain(entry.region);
    }
  });

  it('rejects a knowledge folder with a broken entry, naming the file', async () => {
    const { mkdtempSync, writeFileSync, copyFileSync } = await import('node:fs');
    const os = await import('node:os');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kb-'));
    copyFileSync(path.join(kbDir, 'lexicon.json'), path.join(dir, 'lexicon.json'));
    writeFileSync(path.join(dir, 'D01.json'), JSON.stringify({ doc: 'D01', title: 't', entries: [{ id: 'Bad Id' }] }));
    expect(() => loadKnowledgeBase(dir)).toThrow(/D01\.json/);
  });
});

describe('retrieval quality', () => {
  it('finds the right entry in the top 3 for ≥ 95% of the held-out questions nobody tuned on', () => {
    const heldOut = readQuestionSet(path.join(kbDir, 'questions', 'heldout.jsonl'));
    const result = evaluateRetrieval(retriever, heldOut, minConfidence);
    expect(result.answerable).toBeGreaterThanOrEqual(150);
    expect(result.recallAt3).toBeGreaterThanOrEqual(0.95);
    expect(result.falseDeclines / result.answerable).toBeLessThan(0.05);
  });

  it('declines questions far outside social security', () => {
    for (const q of ['明天青岛会下雨吗', '你叫什么名字', '给我讲个笑话', '你好']) {
      const top = retriever.search({ text: q }).hits[0];
      expect(top?.confidence ?? 0, q).toBeLessThan(minConfidence);
    }
  });

  it('understands colloquial words through the lexicon', () => {
    const result = retriever.search({ text: '失业金咋领' });
    expect(result.expandedWith).toContain('失业保险金');
    expect(result.hits[0]!.entry.topic).toBe('unemployment');
    const district = retriever.search({ text: '我在即墨区' });
    expect(district.expandedWith).toContain('七区');
  });

  it('answers pinyin-only recognizer output', () => {
    const result = retriever.search({ text: 'shi ye jin zen me ling' });
    expect(result.pinyinOnly).toBe(true);
    expect(result.hits[0]!.entry.topic).toBe('unemployment');
    expect(result.hits[0]!.confidence).toBeGreaterThanOrEqual(minConfidence);
  });

  it('gives every greeting-screen suggestion a confident answer', () => {
    for (const q of suggestedQuestions) {
      const top = retriever.search({ text: q }).hits[0];
      expect(top?.confidence ?? 0, q).toBeGreaterThanOrEqual(minConfidence);
    }
  });
});
