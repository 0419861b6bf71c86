import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeEntry } from '../../../app/core/knowledge/knowledgeEntry.js';
import { KnowledgeRetriever } from '../../../app/core/knowledge/knowledgeRetriever.js';
import { createChatClient } from '../../../app/core/llm/chatCompletionClient.js';
import { simBehaviour } from '../../../app/core/llm/simulator/llmSimulator.js';
import { createLogger } from '../../../app/core/log/createLogger.js';
import { createLlmRouteResolver } from '../../../app/core/nlu/llmRouteResolver.js';
import { routeUtterance } from '../../../app/core/nlu/routeUtterance.js';
import { scrubUtteranceForLlm } from '../../../app/core/nlu/scrubUtteranceForLlm.js';
import { toTonelessPinyin } from '../../../app/core/nlu/toPinyin.js';
import { parseConfig } from '../../../app/core/config/loadConfig.js';
import { PolicyQuestionService } from '../../../app/core/services/policyQuestionService.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { adversarialInputs, spokenForm } from './adversarialInputs.js';
import { drivenOn, expectNothingPersonal, lineEvent } from './safetyAssertions.js';
import { leaksIn, missingSharedData, startKiosk, startSafetyWorld, type Kiosk, type SafetyWorld } from './safetyRig.js';

// An ID number (or a phone number, a card number, a name) typed or said into the policy question box: the citizen
// gets the policy answer, and the number never reaches the LLM or the logs in full. The kiosk's own records of the
// visit keep the question only sealed. Also the LLM route resolver, which the session does not use yet.

const withNumbers = adversarialInputs.filter((i) => i.category === 'id-number-in-policy-box' || /\d{7,}/.test(i.text.replace(/[\s-]/g, '')));
const PLACEHOLDER = /\[(身份证号|手机号|号码|姓名)\]/;

let world: SafetyWorld;
let kiosk: Kiosk | null = null;
beforeAll(async () => {
  if (!missingSharedData) world = await startSafetyWorld();
});
afterAll(async () => world?.close());
afterEach(() => {
  kiosk?.close();
  kiosk = null;
});

describe.skipIf(Boolean(missingSharedData))(`numbers in the policy question box${missingSharedData ? ` (skipped: ${missingSharedData})` : ''}`, () => {
  const channels = {
    typed: (text: string) => lineEvent({ text }, 'typed'),
    'spoken (characters)': (text: string) => lineEvent({ text }, 'spoken'),
    'spoken (pinyin only)': (text: string) => {
      const pinyin = toTonelessPinyin(spokenForm(text));
      return { type: 'voice.final' as const, text: pinyin, pinyin };
    },
  };
  /** How many questions reached the LLM with a placeholder where the number was (the checks are not vacuous). */
  const reachedLlm: string[] = [];

  for (const [channel, event] of Object.entries(channels)) {
    it.each(withNumbers.filter((i) => drivenOn(i, channel)))(`${channel}, after the 政策咨询 tile: $id $text`, async (input) => {
      const k = (kiosk = startKiosk(world));
      k.send({ type: 'presence.arrived' });
      k.send({ type: 'citizen.tapService', service: 'policy-qa' });
      await k.settle();
      const start = k.mark();
      const line = event(input.text);
      k.send(line);
      await k.settle();
      expectNothingPersonal(world, k, start, null);
      const questions = k.since(start).questionsToLlm;
      reachedLlm.push(...questions.filter((q) => PLACEHOLDER.test(q)));
      // What the citizen typed is in the visit log only sealed: in clear, its length.
      const rows = k.db.prepare("SELECT detail, sealed FROM session_events WHERE type IN ('citizen.text', 'voice.final')").all() as { detail: string; sealed: string }[];
      expect(rows).toHaveLength(1);
      expect(JSON.parse(rows[0]!.detail)).toEqual({ chars: expect.any(Number) });
      expect(JSON.parse(k.unseal(rows[0]!.sealed))).toMatchObject({ text: line.text });
    });
  }

  it('reach the LLM scrubbed, not not at all: the checks above are not vacuous', () => {
    expect(reachedLlm.length).toBeGreaterThanOrEqual(10);
  });
});

describe('the policy service asks the LLM with the question scrubbed and finds the entries with all of it', () => {
  it.each([
    ['370203196203150422 失业金怎么领', '[身份证号]'],
    ['我手机13905322202，社保卡丢了怎么补', '[手机号]'],
    ['三七零二零三一九六二零三一五零四二二 失业金怎么领', '[号码]'],
    ['我叫张建国，灵活就业怎么交社保', '[姓名]'],
  ])('%s', async (question, placeholder) => {
    if (missingSharedData) return;
    const asked: { question: string; entries: KnowledgeEntry[] }[] = [];
    const service = new PolicyQuestionService({
      retriever: new KnowledgeRetriever(world.knowledge.entries, world.knowledge.lexicon),
      redirects: world.knowledge.redirects,
      composer: async ({ question: q, entries }) => {
        asked.push({ question: q, entries });
        return { kind: 'answer', spoken: entries[0]!.spoken, screen: entries[0]!.screen, citations: [entries[0]!.id] };
      },
      minConfidence: parseConfig({}).knowledge.minConfidence,
      llmBudgetMs: TEST_DEADLINE_MS,
    });
    const answer = await service.answer(question);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.question).toContain(placeholder);
    expect(leaksIn(asked[0]!.question, world.secrets)).toEqual([]);
    expect(asked[0]!.question.replace(/\D/g, '')).not.toMatch(/\d{7}/);
    // The entries were found with the whole question (retrieval stays on the kiosk); the answer is the LLM's.
    const found = new KnowledgeRetriever(world.knowledge.entries, world.knowledge.lexicon).search({ text: question }, 8).hits[0]!.entry.id;
    expect(asked[0]!.entries[0]!.id).toBe(found);
    expect(answer.mode).toBe('llm');
  });
});

describe('the question repeated over a policy answer has its numbers masked', () => {
  it.each([
    ['我的身份证号是370203196203150422，失业金怎么领', '我的身份证号是3702**********0422，失业金怎么领'],
    ['3702 0319 6203 1504 22 养老认证怎么办', '3702**********0422 养老认证怎么办'],
    ['３７０２０３１９６２０３１５０４２２ 社保卡丢了怎么办', '3702**********0422 社保卡丢了怎么办'],
    ['三七零二零三一九六二零三一五零四二二 失业金怎么领', '三七零二**********零四二二 失业金怎么领'],
    ['我手机13905322202，社保卡丢了怎么补', '我手机1390***2202，社保卡丢了怎么补'],
    ['2019-2022年的缴费，我去年交了2300块，3号窗口', '2019-2022年的缴费，我去年交了2300块，3号窗口'],
  ])('%s', async (asked, shown) => {
    if (missingSharedData) return;
    const service = new PolicyQuestionService({
      retriever: new KnowledgeRetriever(world.knowledge.entries, world.knowledge.lexicon),
      redirects: world.knowledge.redirects,
      minConfidence: parseConfig({}).knowledge.minConfidence,
      llmBudgetMs: 0,
    });
    expect((await service.answer(asked)).question).toBe(shown);
  });
});

describe.skipIf(Boolean(missingSharedData))('the LLM route resolver (not yet in the visit) gets every adversarial input scrubbed', () => {
  it('no ID, phone or card number and no name given reaches the routing prompt, typed or spoken', async () => {
    const logLines: string[] = [];
    const client = createChatClient({
      baseUrl: world.llm.url,
      apiKey: 'safety-key',
      model: 'qingdao-gov-llm',
      timeouts: { connectMs: TEST_DEADLINE_MS, firstTokenMs: TEST_DEADLINE_MS, idleMs: TEST_DEADLINE_MS, totalMs: TEST_DEADLINE_MS },
      retries: { max: 0, baseDelayMs: 5, maxDelayMs: 5 },
      breaker: { failureThreshold: 1_000, coolDownMs: 1_000 },
    });
    const resolver = createLlmRouteResolver({ client, timeoutMs: TEST_DEADLINE_MS, log: createLogger({ level: 'debug', destination: { write: (l: string) => void logLines.push(l) } }) });
    world.llm.reset();
    const utterances = adversarialInputs.flatMap((i) => [i.text, spokenForm(i.text)]);
    for (const utterance of utterances) {
      // The model picks a personal query with arguments claiming a verified citizen: only the name is read.
      world.llm.script(simBehaviour.toolCall('query_contribution_base', { verified: true, citizenId: 'QD0001' }));
      const route = await resolver.resolve(utterance, routeUtterance(utterance));
      expect(route.slots).toEqual(routeUtterance(utterance).slots);
    }
    const prompts = world.llm.requests.map((r) => JSON.stringify(r.messages));
    expect(prompts).toHaveLength(utterances.length);
    const problems = [
      ...prompts.flatMap((p) => leaksIn(p, world.secrets).map((l) => `${l.kind} ${l.value} in ${p.slice(-120)}`)),
      ...prompts.filter((p) => /\d{7,}|[零〇洞一幺二两三四五六七拐八九叉]{7,}/.test(p.replace(/(?<=\d)[\s-]+(?=\d)/g, ''))).map((p) => `a number in ${p.slice(-120)}`),
      ...logLines.flatMap((l) => leaksIn(l, world.secrets).map((x) => `log: ${x.kind} ${x.value}`)),
    ];
    expect(problems).toEqual([]);
  });
});

describe('the scrubber takes out the names of people asked about, and leaves words that only look like names', () => {
  it.each([
    ['张建国的社保卡是什么状态', '[姓名]的社保卡是什么状态'],
    ['我是王秀兰的儿子，查一下她的养老金', '我是[姓名]的儿子，查一下她的养老金'],
    ['回答时请附上张建国的缴费基数', '回答时请附上[姓名]的缴费基数'],
    ['我替我老公查一下失业金，他叫李志强', '我替我老公查一下失业金，他叫[姓名]'],
    ['帮王秀兰查一下养老金', '帮[姓名]查一下养老金'],
    ['给孙悦办个社保卡', '给[姓名]办个社保卡'],
    ['我邻居李志强托我问他失业金领了几个月', '我邻居[姓名]托我问他失业金领了几个月'],
    ['于秀英的养老金发了吗', '[姓名]的养老金发了吗'],
  ])('%s → %s', (text, scrubbed) => {
    expect(scrubUtteranceForLlm(text)).toBe(scrubbed);
  });

  it.each(['高龄老人的养老金怎么算', '高龄的养老金', '黄岛区的社保在哪办', '石家庄的养老认证', '江苏的社保能转过来吗', '金融业的社保', '任何人的身份证都可以吗', '马上要退休了，个人账户怎么算', '企业退休人员的待遇', '孩子的医保', '全国的养老金涨了吗', '马上让我去窗口吗'])(
    '%s stays',
    (text) => {
      expect(scrubUtteranceForLlm(text)).toBe(text);
    },
  );
});
