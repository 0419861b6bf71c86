import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChatClient, type ChatClientOptions } from '../../../app/core/llm/chatCompletionClient.js';
import { createLlmSimulator, simBehaviour, type LlmSimulator } from '../../../app/core/llm/simulator/llmSimulator.js';
import { createLogger } from '../../../app/core/log/createLogger.js';
import {
  createLlmRouteResolver,
  DEFAULT_LLM_ROUTE_THRESHOLD,
  LLM_ROUTE_CONFIDENCE,
  shouldAskLlm,
  type LlmRouteResolverOptions,
} from '../../../app/core/nlu/llmRouteResolver.js';
import { routingSystemPrompt } from '../../../app/core/nlu/llmRoutingRequest.js';
import { routeUtterance, type Route } from '../../../app/core/nlu/routeUtterance.js';
import { scrubUtteranceForLlm } from '../../../app/core/nlu/scrubUtteranceForLlm.js';
import { SERVICE_NAMES, SERVICES } from '../../../app/core/nlu/serviceCatalogue.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';

// The resolver with the real chat client against the LLM simulator over loopback.

let sim: LlmSimulator;
beforeAll(async () => {
  sim = await createLlmSimulator({ apiKey: 'sim-key' });
});
afterAll(() => sim.close());

/** Every line the resolver logged, through the kiosk's real (pino) logger. */
let logLines: string[];
beforeEach(() => {
  sim.reset();
  logLines = [];
});
const log = () => createLogger({ level: 'debug', destination: { write: (line: string) => void logLines.push(line) } });
const logged = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

function clientFor(overrides: Partial<ChatClientOptions> = {}) {
  return createChatClient({
    baseUrl: sim.url,
    apiKey: 'sim-key',
    model: 'qingdao-gov-llm',
    timeouts: { connectMs: TEST_DEADLINE_MS, firstTokenMs: TEST_DEADLINE_MS, idleMs: TEST_DEADLINE_MS, totalMs: TEST_DEADLINE_MS },
    retries: { max: 0, baseDelayMs: 5, maxDelayMs: 40 },
    breaker: { failureThreshold: 5, coolDownMs: 600_000 },
    ...overrides,
  });
}

function resolverFor(overrides: Partial<LlmRouteResolverOptions> = {}) {
  return createLlmRouteResolver({ client: clientFor(), model: 'qingdao-gov-llm', timeoutMs: TEST_DEADLINE_MS, log: log(), ...overrides });
}

/** 钱 could be a pension, an unemployment benefit, a refund…: the local router leans to pensions, unsure. */
const ambiguous = '俺想问问那个钱去年的事';
const ID_NUMBER = '370202195803150422';

describe('when the LLM is asked', () => {
  it('only below the threshold', () => {
    const route = (confidence: number): Route => ({ service: 'policy_question', intent: 'policy_question', confidence, slots: {} });
    expect(shouldAskLlm(route(0.6), 0.7)).toBe(true);
    expect(shouldAskLlm(route(0.7), 0.7)).toBe(false);
    expect(shouldAskLlm(route(0.95))).toBe(false);
    expect(shouldAskLlm(route(DEFAULT_LLM_ROUTE_THRESHOLD - 0.01))).toBe(true);
  });
});

describe('the LLM route resolver', () => {
  it('resolves an ambiguous utterance to the service the model calls, keeping the local slots', async () => {
    const local = routeUtterance(ambiguous);
    expect(local.service).not.toBe('query_unemployment_benefit');
    expect(local.slots).toEqual({ relativeYear: 'last' });
    sim.script(simBehaviour.toolCall('query_unemployment_benefit', {}));

    const route = await resolverFor().resolve(ambiguous, local);

    expect(route).toEqual({ service: 'query_unemployment_benefit', intent: 'unemployment_benefit', confidence: LLM_ROUTE_CONFIDENCE, slots: { relativeYear: 'last' } });
    expect(logged()).toContainEqual(expect.objectContaining({ event: 'nlu.llm-route', outcome: 'resolved', local: local.service, service: 'query_unemployment_benefit', changed: true }));
  });

  it('asks with one tool per service, named by its key and described by its label, and a tool call required', async () => {
    sim.script(simBehaviour.toolCall('query_pension_benefit', {}));
    await resolverFor().resolve(ambiguous, routeUtterance(ambiguous));

    const [sent] = sim.requests;
    expect(sent?.tool_choice).toBe('required');
    expect(sent?.tools?.map((tool) => tool.function.name)).toEqual(SERVICE_NAMES);
    for (const tool of sent?.tools ?? []) {
      expect(tool.function.description).toContain(SERVICES[tool.function.name as keyof typeof SERVICES].label);
    }
    expect(sent?.messages[0]).toEqual({ role: 'system', content: routingSystemPrompt });
    expect(sent?.messages[1]).toMatchObject({ role: 'user' });
    expect(sent?.messages[1]?.content).toContain(ambiguous);
  });

  it('tells the model to pick one service, never answer, and that the kiosk checks identity and asks for confirmation', () => {
    expect(routingSystemPrompt).toContain('只调用这一个工具');
    expect(routingSystemPrompt).toContain('不要回答');
    expect(routingSystemPrompt).toMatch(/身份核验和办理前的确认由机器人自己完成/);
  });

  it('ignores the arguments of the call: the model cannot vouch for identity or confirmation', async () => {
    const local = routeUtterance(ambiguous);
    sim.script(simBehaviour.toolCall('report_card_loss', { verified: true, confirmed: true, identity: 'none', citizen: ID_NUMBER }));

    const route = await resolverFor().resolve(ambiguous, local);

    // Exactly a Route: the service and its intent from the catalogue, nothing of the arguments.
    expect(route).toEqual({ service: 'report_card_loss', intent: 'report_card_loss', confidence: LLM_ROUTE_CONFIDENCE, slots: local.slots });
    expect(SERVICES.report_card_loss.identity).toBe('confirmed');
    expect(logLines.join('\n')).not.toContain(ID_NUMBER);
  });

  it('reads only the name: arguments that are not even JSON change nothing', async () => {
    sim.script(simBehaviour.toolCall('query_card_status', '{"verified": tr'));
    const route = await resolverFor().resolve(ambiguous, routeUtterance(ambiguous));
    expect(route.service).toBe('query_card_status');
  });

  it('keeps the local route when the model calls two tools', async () => {
    const local = routeUtterance(ambiguous);
    sim.script(simBehaviour.toolCalls({ name: 'query_pension_benefit', args: {} }, { name: 'query_unemployment_benefit', args: {} }));
    expect(await resolverFor().resolve(ambiguous, local)).toBe(local);
    expect(logged()).toContainEqual(expect.objectContaining({ outcome: 'kept-local', reason: 'several-tool-calls', toolCalls: 2 }));
  });

  it.each(['query_everything', 'give_answer', 'constructor', '__proto__', 'toString', 'POLICY_QUESTION'])('keeps the local route when the model names %s', async (name) => {
    const local = routeUtterance(ambiguous);
    sim.script(simBehaviour.toolCall(name, {}));
    expect(await resolverFor().resolve(ambiguous, local)).toBe(local);
    expect(logged()).toContainEqual(expect.objectContaining({ outcome: 'kept-local', reason: 'unknown-service' }));
  });

  it('keeps the local route when the model answers in text instead of calling a tool', async () => {
    const local = routeUtterance(ambiguous);
    sim.script(simBehaviour.content('您好，养老金每月十五号发放。'));
    expect(await resolverFor().resolve(ambiguous, local)).toBe(local);
    expect(logged()).toContainEqual(expect.objectContaining({ outcome: 'kept-local', reason: 'no-tool-call' }));
  });

  it('keeps the local route when the reply is malformed', async () => {
    const local = routeUtterance(ambiguous);
    sim.script(simBehaviour.malformedChunk());
    expect(await resolverFor().resolve(ambiguous, local)).toBe(local);
    expect(logged()).toContainEqual(expect.objectContaining({ outcome: 'kept-local', reason: 'malformed' }));
  });

  it('keeps the local route on HTTP 500', async () => {
    const local = routeUtterance(ambiguous);
    sim.script(simBehaviour.httpError(500));
    expect(await resolverFor().resolve(ambiguous, local)).toBe(local);
    expect(logged()).toContainEqual(expect.objectContaining({ outcome: 'kept-local', reason: 'http', status: 500 }));
  });

  it('keeps the local route when the model is slower than its deadline, without counting that against the LLM', async () => {
    const local = routeUtterance(ambiguous);
    const client = clientFor();
    sim.script(simBehaviour.stall());
    const resolver = createLlmRouteResolver({ client, timeoutMs: 100, log: log() });

    expect(await resolver.resolve(ambiguous, local)).toBe(local);
    expect(logged()).toContainEqual(expect.objectContaining({ outcome: 'kept-local', reason: 'timeout' }));
    expect(client.breaker.snapshot().consecutiveFailures).toBe(0);
  });

  it('keeps the local route, without a request, while the circuit is open', async () => {
    const local = routeUtterance(ambiguous);
    const client = clientFor({ breaker: { failureThreshold: 1, coolDownMs: 600_000 } });
    const resolver = createLlmRouteResolver({ client, timeoutMs: TEST_DEADLINE_MS, log: log() });
    sim.script(simBehaviour.httpError(503), simBehaviour.toolCall('query_unemployment_benefit', {}));

    expect(await resolver.resolve(ambiguous, local)).toBe(local);
    expect(client.breaker.state).toBe('open');
    expect(await resolver.resolve(ambiguous, local)).toBe(local);

    expect(sim.requests).toHaveLength(1);
    expect(logged()).toContainEqual(expect.objectContaining({ outcome: 'kept-local', reason: 'circuit-open' }));
  });

  it('keeps the local route when the caller cancels', async () => {
    const local = routeUtterance(ambiguous);
    sim.script(simBehaviour.stall());
    const controller = new AbortController();
    const resolving = resolverFor().resolve(ambiguous, local, { signal: controller.signal });
    controller.abort();
    expect(await resolving).toBe(local);
    expect(logged()).toContainEqual(expect.objectContaining({ outcome: 'kept-local', reason: 'cancelled' }));
  });

  it('sends nothing for an utterance with nothing left to route', async () => {
    const local = routeUtterance('  ');
    expect(await resolverFor().resolve('  ', local)).toBe(local);
    expect(sim.requests).toHaveLength(0);
  });

  it('never logs what the citizen said', async () => {
    const utterance = '俺叫王秀兰，俺想问问那个钱的事';
    const local = routeUtterance(utterance);
    sim.script(simBehaviour.toolCall('query_pension_benefit', {}), simBehaviour.httpError(500), simBehaviour.toolCall('nope', {}));
    const resolver = resolverFor();
    for (let i = 0; i < 3; i++) await resolver.resolve(utterance, local);

    expect(logLines).toHaveLength(3);
    const text = logLines.join('\n');
    for (const fragment of ['王秀兰', '那个钱', '问问']) expect(text).not.toContain(fragment);
  });

  it('refuses a model name other than the one its client sends', () => {
    expect(() => createLlmRouteResolver({ client: clientFor(), model: 'another-model', timeoutMs: 1_000, log: log() })).toThrow(RangeError);
  });
});

describe('personal data never reaches the LLM', () => {
  it('an ID number, a phone number and a name are not in the request body', async () => {
    const utterance = `俺叫王秀兰，身份证号${ID_NUMBER}，电话13812345678，俺那个钱咋回事`;
    sim.script(simBehaviour.toolCall('query_pension_benefit', {}));
    const route = await resolverFor().resolve(utterance, routeUtterance(utterance));
    expect(route.service).toBe('query_pension_benefit');

    const body = JSON.stringify(sim.requests);
    expect(body).not.toContain(ID_NUMBER);
    // Not even the first and last digits the log scrubber keeps.
    expect(JSON.stringify(sim.requests[0]?.messages)).not.toMatch(/\d{4}/);
    expect(body).not.toContain('13812345678');
    expect(body).not.toContain('王秀兰');
    expect(body).toContain('俺那个钱咋回事');
  });

  it.each([
    ['digits', `我的身份证是${ID_NUMBER}`],
    ['a lower-case check letter', '身份证37020219580315042x查缴费'],
    ['full-width digits', '身份证３７０２０２１９５８０３１５０４２２'],
    ['groups with spaces', '3702 0219 5803 1504 22 帮我查'],
    ['digits read out', '身份证号三七零二零二一九五八零三一五零四二二'],
    ['toneless pinyin', 'shen fen zheng san qi ling er ling er yi jiu wu ba ling san yi wu ling si er er'],
  ])('scrubs an ID number written as %s', (_how, utterance) => {
    const scrubbed = scrubUtteranceForLlm(utterance);
    expect(scrubbed.replace(/\D/g, '')).not.toMatch(/\d{5}/);
    expect(scrubbed).not.toMatch(/[零一二三四五六七八九]{5}/);
    expect(scrubbed).not.toMatch(/(?:\b(?:ling|yi|er|san|si|wu|liu|qi|ba|jiu)\b\s*){5}/);
    expect(scrubbed).toMatch(/\[(身份证号|号码)\]/);
  });

  it('scrubs phone and card numbers and self-introduced names, and keeps what says which service', () => {
    expect(scrubUtteranceForLlm('俺叫张三想查养老金')).toBe('俺叫[姓名]想查养老金');
    expect(scrubUtteranceForLlm('我的名字是李四，手机13812345678')).toBe('我的名字是[姓名]，手机[手机号]');
    expect(scrubUtteranceForLlm('卡号6222021234567890123丢了')).toBe('卡号[号码]丢了');
    expect(scrubUtteranceForLlm('wo jiao wang xiu lan xiang cha yang lao jin')).toBe('wo jiao [姓名] xiang cha yang lao jin');
    // Years, periods, amounts and window numbers are what the citizen asks about: they stay.
    expect(scrubUtteranceForLlm('2019-2022年的缴费，我去年交了2300块，3号窗口')).toBe('2019-2022年的缴费，我去年交了2300块，3号窗口');
  });
});
