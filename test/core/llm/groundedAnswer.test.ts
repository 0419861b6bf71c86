import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChatClient, type ChatClient } from '../../../app/core/llm/chatCompletionClient.js';
import { composeGroundedAnswer, type GroundedAnswer } from '../../../app/core/llm/groundedAnswer.js';
import { LlmError } from '../../../app/core/llm/llmError.js';
import { createLlmSimulator, simBehaviour, type LlmSimulator } from '../../../app/core/llm/simulator/llmSimulator.js';
import { splitSentences } from '../../../common/splitSentences.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { pensionAuthEntry, sichuanUnemploymentEntry, testEntries } from './knowledgeFixtures.js';

// composeGroundedAnswer with the real client against the real simulator.

let sim: LlmSimulator;
let client: ChatClient;
beforeAll(async () => {
  sim = await createLlmSimulator();
  client = createChatClient({
    baseUrl: sim.url,
    model: 'qingdao-gov-llm',
    timeouts: { connectMs: TEST_DEADLINE_MS, firstTokenMs: TEST_DEADLINE_MS, idleMs: TEST_DEADLINE_MS, totalMs: TEST_DEADLINE_MS },
    retries: { max: 0, baseDelayMs: 1, maxDelayMs: 1 },
    breaker: { failureThreshold: 100, coolDownMs: 1_000 },
  });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const question = '我每年都要做养老金认证吗？在哪儿办？';
const ask = (): Promise<GroundedAnswer> => composeGroundedAnswer({ client, question, entries: testEntries });
const validArgs = { spoken: '要的，每年认证一次。', screen: '每年认证一次，可在手机或大厅办理。', citations: [pensionAuthEntry.id] };

describe('composeGroundedAnswer: what it sends', () => {
  it('sends a Chinese grounding prompt, the entries with their standing, both tools, and tool_choice required', async () => {
    await ask();
    const [request] = sim.requests;
    expect(request?.tool_choice).toBe('required');
    expect(request?.tools?.map((tool) => tool.function.name)).toEqual(['give_answer', 'cannot_answer']);
    expect(request?.tools?.[0]?.function.parameters).toMatchObject({ required: ['spoken', 'screen', 'citations'] });

    const system = request?.messages.find((message) => message.role === 'system')?.content ?? '';
    expect(system).toContain('只能依据');
    expect(system).toContain('最多三句话');
    expect(system).toContain('cannot_answer');
    expect(system).toContain('【');

    const user = request?.messages.find((message) => message.role === 'user')?.content ?? '';
    for (const entry of testEntries) {
      expect(user).toContain(`<entry id="${entry.id}">`);
      expect(user).toContain(entry.title);
      expect(user).toContain(entry.screen);
      expect(user).toContain(entry.region);
      expect(user).toContain(entry.asOf);
      expect(user).toContain(entry.standing);
    }
    expect(user).toContain('外省');
    expect(user).toContain(question);
  });

  it('with no entries, says it cannot answer without asking the model', async () => {
    const result = await composeGroundedAnswer({ client, question, entries: [] });
    expect(result.kind).toBe('cannot-answer');
    expect(sim.requests).toHaveLength(0);
  });
});

describe('composeGroundedAnswer: what it accepts', () => {
  it('accepts a streamed give_answer citing a given entry, grounded in that entry', async () => {
    const result = await ask();
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.citations).toEqual([pensionAuthEntry.id]);
    expect(result.spoken.length).toBeGreaterThan(0);
    expect(splitSentences(result.spoken).length).toBeLessThanOrEqual(3);
    // The simulator words its answer from the entry it was sent; it arrives intact through the stream.
    expect(pensionAuthEntry.screen.startsWith(result.spoken)).toBe(true);
    expect(result.screen).toBe(pensionAuthEntry.screen);
  });

  it('accepts a plain-text reply with 【id】 markers, removing the markers', async () => {
    sim.script(simBehaviour.content(`领养老金的老人每年认证一次【${pensionAuthEntry.id}】。四川的失业金规定不适用于青岛【${sichuanUnemploymentEntry.id}】。`));
    const result = await ask();
    expect(result).toEqual({
      kind: 'answer',
      spoken: '领养老金的老人每年认证一次。四川的失业金规定不适用于青岛。',
      screen: '领养老金的老人每年认证一次。四川的失业金规定不适用于青岛。',
      citations: [pensionAuthEntry.id, sichuanUnemploymentEntry.id],
    });
  });

  it('trims a spoken answer longer than three sentences to its first three; the screen keeps everything', async () => {
    const screen = '第一句。第二句！第三句？第四句。';
    sim.script(simBehaviour.toolCall('give_answer', { spoken: '第一句。第二句！第三句？第四句。第五句。', screen, citations: [pensionAuthEntry.id] }));
    const result = await ask();
    expect(result).toMatchObject({ kind: 'answer', spoken: '第一句。第二句！第三句？', screen });
  });

  it('passes on cannot_answer with its reason', async () => {
    sim.script(simBehaviour.cannotAnswer('条目里没有讲到医保报销比例'));
    expect(await ask()).toEqual({ kind: 'cannot-answer', reason: '条目里没有讲到医保报销比例' });
  });
});

describe('composeGroundedAnswer: what it rejects', () => {
  it('rejects a citation of an entry it was not given', async () => {
    sim.script(simBehaviour.invalidCitation());
    const result = await ask();
    expect(result.kind).toBe('rejected');
    expect(result.kind === 'rejected' && result.reason).toContain('no-such-entry');
  });

  it('rejects one unknown citation even next to a valid one', async () => {
    sim.script(simBehaviour.toolCall('give_answer', { ...validArgs, citations: [pensionAuthEntry.id, 'made-up-entry'] }));
    expect((await ask()).kind).toBe('rejected');
  });

  it('rejects an answer without citations', async () => {
    sim.script(simBehaviour.toolCall('give_answer', { ...validArgs, citations: [] }));
    expect(await ask()).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('cites no') });
  });

  it('rejects a plain-text reply without 【id】 markers', async () => {
    sim.script(simBehaviour.content('每年认证一次，可以在手机上办。'));
    expect((await ask()).kind).toBe('rejected');
  });

  it('rejects a plain-text reply whose marker names an unknown entry', async () => {
    sim.script(simBehaviour.content('每年认证一次【pension-auth-2019】。'));
    expect((await ask()).kind).toBe('rejected');
  });

  it('rejects arguments that are not JSON, or lack fields, or say nothing', async () => {
    sim.script(
      simBehaviour.toolCall('give_answer', '{"spoken":"每年认证一次。","citations":["pension-auth-online"'),
      simBehaviour.toolCall('give_answer', { spoken: '每年认证一次。', citations: [pensionAuthEntry.id] }),
      simBehaviour.toolCall('give_answer', { ...validArgs, spoken: '  ' }),
      simBehaviour.toolCall('cannot_answer', { why: '不知道' }),
    );
    for (let i = 0; i < 4; i++) expect((await ask()).kind, `reply ${i + 1}`).toBe('rejected');
  });

  it('rejects a call to a tool it did not offer', async () => {
    sim.script(simBehaviour.toolCall('search_web', { query: '养老金' }));
    expect(await ask()).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('search_web') });
  });

  it('throws LlmError for transport failures instead of returning a value', async () => {
    sim.script(simBehaviour.httpError(502));
    await expect(ask()).rejects.toBeInstanceOf(LlmError);
    sim.script(simBehaviour.malformedChunk());
    await expect(ask()).rejects.toMatchObject({ kind: 'malformed' });
  });
});
