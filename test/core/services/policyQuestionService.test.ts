import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../app/core/config/loadConfig.js';
import { repoRoot } from '../../../app/core/config/repoRoot.js';
import { KnowledgeRetriever } from '../../../app/core/knowledge/knowledgeRetriever.js';
import { loadKnowledgeBase } from '../../../app/core/knowledge/loadKnowledgeBase.js';
import { createLogger } from '../../../app/core/log/createLogger.js';
import { createLlmSimulator, simBehaviour, type LlmSimulator } from '../../../app/core/llm/simulator/llmSimulator.js';
import { createLlmComposer } from '../../../app/core/services/createLlmComposer.js';
import { CANNOT_ANSWER_SPOKEN, PolicyQuestionService } from '../../../app/core/services/policyQuestionService.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';

const kb = loadKnowledgeBase(path.join(repoRoot, 'data', 'kb'));
const retriever = new KnowledgeRetriever(kb.entries, kb.lexicon);
const log = createLogger({ level: 'silent' });
const minConfidence = parseConfig({}).knowledge.minConfidence;

let sim: LlmSimulator;
beforeAll(async () => {
  sim = await createLlmSimulator({ apiKey: 'test-key' });
  process.env.TEST_LLM_KEY = 'test-key';
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

/** A service with the LLM; its deadlines are generous unless a test is about one of them. */
function llmService(overrides: Record<string, unknown> = {}) {
  const config = parseConfig({
    llm: { mode: 'openai', baseUrl: sim.url, model: 'qingdao-gov-llm', apiKeyEnv: 'TEST_LLM_KEY', firstTokenTimeoutMs: TEST_DEADLINE_MS, totalTimeoutMs: TEST_DEADLINE_MS, maxRetries: 1, ...overrides },
  });
  const composer = createLlmComposer(config.llm, log)!;
  return new PolicyQuestionService({ retriever, redirects: kb.redirects, composer, minConfidence, llmBudgetMs: TEST_DEADLINE_MS, log });
}

const kbService = new PolicyQuestionService({ retriever, redirects: kb.redirects, minConfidence, llmBudgetMs: 0, log });

describe('policy answers without an LLM (knowledge-base mode)', () => {
  it("answers from the best entry's own text and cites it", async () => {
    const answer = await kbService.answer('失业金怎么领');
    expect(answer.mode).toBe('kb');
    const entry = kb.byId.get(answer.citations[0]!.id)!;
    expect(answer.spoken).toBe(entry.spoken);
    expect(answer.answer).toBe(entry.screen);
    expect(answer.citations[0]!.doc).toBe(entry.sources[0]!.doc);
    expect(answer.retrieved.length).toBeGreaterThanOrEqual(5);
  });

  it('declines and offers staff when nothing covers the question', async () => {
    const answer = await kbService.answer('明天青岛会下雨吗');
    expect(answer.offerStaff).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(answer.spoken).toBe(CANNOT_ANSWER_SPOKEN);
  });

  it("names the right department for another department's matter", async () => {
    const answer = await kbService.answer('公积金怎么提取');
    expect(answer.redirect).toBe('青岛市住房公积金管理中心');
    expect(answer.spoken).toContain('12329');
    expect(answer.citations).toEqual([]);
  });

  it("adds a caution when the answer is another province's rule", async () => {
    const otherProvince = kb.entries.filter((e) => e.standing === 'other-province');
    expect(otherProvince.length).toBeGreaterThan(0);
    let checked = 0;
    for (const entry of otherProvince) {
      const answer = await kbService.answer(entry.questions[0]!);
      if (answer.citations[0]?.id !== entry.id) continue;
      expect(answer.caution).toContain(entry.region);
      checked++;
    }
    expect(checked).toBeGreaterThan(otherProvince.length / 2);
  });
});

describe('policy answers with the government LLM (simulator over loopback)', () => {
  it('uses a grounded answer that cites retrieved entries', async () => {
    sim.script(simBehaviour.answer());
    const answer = await llmService().answer('失业金怎么领');
    expect(answer.mode).toBe('llm');
    expect(answer.citations.length).toBeGreaterThan(0);
    const retrievedIds = answer.retrieved.map((r) => r.id);
    for (const c of answer.citations) expect(retrievedIds).toContain(c.id);
    // The model was given the retrieved entries and the question.
    const request = JSON.stringify(sim.requests.at(-1));
    expect(request).toContain(answer.citations[0]!.id);
    expect(request).toContain('失业金怎么领');
  });

  it('falls back to the knowledge base when the model cites an entry it was not given', async () => {
    sim.script(simBehaviour.invalidCitation());
    const answer = await llmService().answer('失业金怎么领');
    expect(answer.mode).toBe('kb');
    expect(answer.llmFallback).toMatch(/rejected|citation/);
    expect(answer.spoken).toBe(kb.byId.get(answer.citations[0]!.id)!.spoken);
  });

  it('falls back when the model stalls past the first-token deadline', async () => {
    sim.script(simBehaviour.stall(), simBehaviour.stall());
    const answer = await llmService({ firstTokenTimeoutMs: 400 }).answer('养老认证怎么办');
    expect(answer.mode).toBe('kb');
    expect(answer.llmFallback).toBe('llm timeout');
    expect(answer.citations.length).toBe(1);
  });

  it('falls back when the server errors, and answers normally once it recovers', async () => {
    const service = llmService({ maxRetries: 0 });
    sim.script(simBehaviour.httpError(500, 1));
    expect((await service.answer('退休年龄是多少')).mode).toBe('kb');
    sim.script(simBehaviour.answer());
    expect((await service.answer('退休年龄是多少')).mode).toBe('llm');
  });

  it('falls back on a malformed stream', async () => {
    sim.script(simBehaviour.malformedChunk());
    expect((await llmService({ maxRetries: 0 }).answer('工伤认定去哪里申请')).mode).toBe('kb');
  });

  it("turns the model's cannot-answer into a polite decline with staff, never an invented policy", async () => {
    sim.script(simBehaviour.cannotAnswer('资料里没有'));
    const answer = await llmService().answer('失业金怎么领');
    expect(answer.offerStaff).toBe(true);
    expect(answer.citations).toEqual([]);
  });

  it('does not call the model for questions the knowledge base cannot cover', async () => {
    const before = sim.requests.length;
    const answer = await llmService().answer('给我讲个笑话');
    expect(answer.offerStaff).toBe(true);
    expect(sim.requests.length).toBe(before);
  });

  it('is unconfigured when llm.mode is off', () => {
    expect(createLlmComposer(parseConfig({}).llm, log)).toBeUndefined();
  });
});
