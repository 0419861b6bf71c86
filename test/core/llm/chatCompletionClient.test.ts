import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatRequest, ChatStreamEvent } from '../../../app/core/llm/chatTypes.js';
import { createChatClient, type ChatClientOptions } from '../../../app/core/llm/chatCompletionClient.js';
import { buildGroundedMessages, buildGroundedTools } from '../../../app/core/llm/groundedPrompt.js';
import { LlmError } from '../../../app/core/llm/llmError.js';
import { createLlmSimulator, simBehaviour, type LlmSimulator } from '../../../app/core/llm/simulator/llmSimulator.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';
import { testEntries } from './knowledgeFixtures.js';

// The real client against the real simulator over loopback.

let sim: LlmSimulator;
beforeAll(async () => {
  sim = await createLlmSimulator({ apiKey: 'sim-key' });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

function clientFor(overrides: Partial<ChatClientOptions> = {}) {
  return createChatClient({
    baseUrl: sim.url,
    apiKey: 'sim-key',
    model: 'qingdao-gov-llm',
    timeouts: { connectMs: TEST_DEADLINE_MS, firstTokenMs: TEST_DEADLINE_MS, idleMs: TEST_DEADLINE_MS, totalMs: TEST_DEADLINE_MS },
    retries: { max: 2, baseDelayMs: 5, maxDelayMs: 40 },
    breaker: { failureThreshold: 5, coolDownMs: 30_000 },
    ...overrides,
  });
}

const groundedRequest: ChatRequest = {
  messages: buildGroundedMessages('养老金认证怎么办？', testEntries),
  tools: buildGroundedTools(testEntries.map((entry) => entry.id)),
  tool_choice: 'required',
};
/** A backoff that only notes how long the client asked to wait, so waits are checked without waiting. */
function recordedWaits(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

/** Without tools the simulator, like a model, answers in text. */
const plainRequest: ChatRequest = { messages: buildGroundedMessages('养老金认证怎么办？', testEntries) };

async function collect(events: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const seen: ChatStreamEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

/** Runs `work`, expecting an LlmError; returns it. */
async function failure(work: () => Promise<unknown>): Promise<{ error: LlmError }> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof LlmError)) throw error;
    return { error };
  }
  throw new Error('expected an LlmError, but the call succeeded');
}

describe('chat completion client: streaming', () => {
  it('streams a plain-text answer in several content events and ends with done', async () => {
    const text = '您好，养老金认证可以在手机上办😀，也可以到大厅办理。【pension-auth-online】';
    sim.script(simBehaviour.content(text));
    const events = await collect(clientFor().stream(plainRequest));

    const contents = events.filter((event) => event.type === 'content');
    expect(contents.length).toBeGreaterThan(3);
    expect(contents.map((event) => event.text).join('')).toBe(text);
    const done = events.at(-1);
    expect(done).toMatchObject({ type: 'done', finishReason: 'stop' });
    expect(done?.type === 'done' && done.usage?.total_tokens).toBeGreaterThan(0);

    const [sent] = sim.requests;
    expect(sent).toMatchObject({ model: 'qingdao-gov-llm', stream: true, stream_options: { include_usage: true } });
    expect(sent?.messages).toEqual(plainRequest.messages);
  });

  it('assembles a tool call whose arguments arrive across many chunks', async () => {
    const args = { spoken: '您可以用“青岛人社”手机应用刷脸认证。', screen: '认证方式：手机刷脸、社区、服务大厅。', citations: ['pension-auth-online'] };
    sim.script(simBehaviour.toolCall('give_answer', args));
    const result = await clientFor().complete(groundedRequest);

    expect(result.finishReason).toBe('tool_calls');
    expect(result.content).toBe('');
    expect(result.toolCalls).toHaveLength(1);
    expect(result.toolCalls[0]?.function.name).toBe('give_answer');
    expect(JSON.parse(result.toolCalls[0]?.function.arguments ?? '')).toEqual(args);
  });

  it('the simulator really splits tool-call arguments over many deltas (so the test above proves assembly)', async () => {
    sim.script(simBehaviour.toolCall('give_answer', { spoken: '一二三四五六七八九十', screen: '屏幕', citations: ['x'] }));
    const response = await fetch(`${sim.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sim-key', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', stream: true, messages: [] }),
    });
    const argumentDeltas = (await response.text()).split('\n\n').filter((frame) => frame.includes('"arguments":"') && !frame.includes('"arguments":""'));
    expect(argumentDeltas.length).toBeGreaterThan(5);
  });

  it('sends the API key as a Bearer token; a wrong key is HTTP 401, not retried', async () => {
    await expect(clientFor().complete(groundedRequest)).resolves.toBeDefined();
    const wrongKey = clientFor({ apiKey: 'wrong' });
    const { error } = await failure(() => wrongKey.complete(groundedRequest));
    expect(error).toMatchObject({ kind: 'http', status: 401 });
    expect(sim.requests).toHaveLength(2);
    // The server answered promptly; a bad key is our fault, not the server's health.
    expect(wrongKey.breaker.state).toBe('closed');
  });

  it('is unconfigured without a base URL, and sends nothing', async () => {
    const { error } = await failure(() => clientFor({ baseUrl: '' }).complete(groundedRequest));
    expect(error.kind).toBe('unconfigured');
    expect(sim.requests).toHaveLength(0);
  });
});

describe('chat completion client: retries', () => {
  it('retries after 503 and then succeeds', async () => {
    sim.script(simBehaviour.httpError(503, 2));
    const result = await clientFor({ retries: { max: 3, baseDelayMs: 5, maxDelayMs: 20 } }).complete(groundedRequest);
    expect(result.toolCalls[0]?.function.name).toBe('give_answer');
    expect(sim.requests).toHaveLength(3);
  });

  it('gives up after retries.max retries with the HTTP error', async () => {
    sim.script(simBehaviour.httpError(500, 10));
    const { error } = await failure(() => clientFor({ retries: { max: 2, baseDelayMs: 1, maxDelayMs: 5 } }).complete(groundedRequest));
    expect(error).toMatchObject({ kind: 'http', status: 500 });
    expect(sim.requests).toHaveLength(3);
  });

  it('honours Retry-After on 429 rather than its own (much shorter) backoff', async () => {
    sim.script(simBehaviour.rateLimit(1));
    const { waits, sleep } = recordedWaits();
    const result = await clientFor({ retries: { max: 1, baseDelayMs: 1, maxDelayMs: 2 }, sleep }).complete(groundedRequest);
    expect(result.finishReason).toBe('tool_calls');
    expect(sim.requests).toHaveLength(2);
    expect(waits).toEqual([1_000]);
  });

  it('does not wait for a Retry-After that ends past the total deadline', async () => {
    sim.script(simBehaviour.rateLimit(30));
    const { waits, sleep } = recordedWaits();
    const { error } = await failure(() => clientFor({ sleep }).complete(groundedRequest));
    expect(error).toMatchObject({ kind: 'http', status: 429, retryAfterMs: 30_000 });
    expect(waits).toEqual([]);
    expect(sim.requests).toHaveLength(1);
  });

  it('retries a refused connection, then reports a network error', async () => {
    const closed = await createLlmSimulator();
    const deadUrl = closed.url;
    await closed.close();
    let attempts = 0;
    const client = clientFor({
      baseUrl: deadUrl,
      retries: { max: 2, baseDelayMs: 1, maxDelayMs: 5 },
      fetch: (input, init) => {
        attempts += 1;
        return fetch(input, init);
      },
    });
    const { error } = await failure(() => client.complete(groundedRequest));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
    expect(attempts).toBe(3);
  });

  it('never replays a half-delivered answer: a stream cut midway is a network error, sent once', async () => {
    sim.script(simBehaviour.cutMidStream());
    const { error } = await failure(() => clientFor({ retries: { max: 3, baseDelayMs: 1, maxDelayMs: 5 } }).complete(groundedRequest));
    expect(error.kind).toBe('network');
    expect(sim.requests).toHaveLength(1);
  });

  it('hands over the text that arrived before a cut, then the error, and does not start again', async () => {
    sim.script(simBehaviour.cutMidStream());
    const seen: string[] = [];
    const { error } = await failure(async () => {
      for await (const event of clientFor({ retries: { max: 3, baseDelayMs: 1, maxDelayMs: 5 } }).stream(plainRequest)) {
        if (event.type === 'content') seen.push(event.text);
      }
    });
    expect(error.kind).toBe('network');
    // What arrived is a true prefix of the answer, once: a replay would repeat its start.
    const fullReply = '领取养老金的人员每年需要做一次待遇资格认证。可以在“青岛人社”手机应用上刷脸认证，也可以到社区或人社服务大厅办理。【pension-auth-online】';
    const received = seen.join('');
    expect(received.length).toBeGreaterThan(0);
    expect(received.length).toBeLessThan(fullReply.length);
    expect(fullReply.startsWith(received)).toBe(true);
    expect(sim.requests).toHaveLength(1);
  });

  it('a malformed chunk is a malformed error, not skipped and not retried', async () => {
    sim.script(simBehaviour.malformedChunk());
    const client = clientFor();
    const { error } = await failure(() => client.complete(groundedRequest));
    expect(error.kind).toBe('malformed');
    expect(sim.requests).toHaveLength(1);
    expect(client.breaker.snapshot().consecutiveFailures).toBe(1);
  });
});

// Each deadline is told apart by the phase it reports; the other deadlines are generous so only the one under test
// can fire, however busy the machine.
describe('chat completion client: timeouts and the circuit breaker', () => {
  it('a stalled stream times out at firstTokenMs, without retrying', async () => {
    sim.script(simBehaviour.stall());
    const { error } = await failure(() => clientFor({ timeouts: { connectMs: TEST_DEADLINE_MS, firstTokenMs: 300, idleMs: TEST_DEADLINE_MS, totalMs: TEST_DEADLINE_MS } }).complete(groundedRequest));
    expect(error).toMatchObject({ kind: 'timeout', timeoutPhase: 'first-token' });
    expect(sim.requests).toHaveLength(1);
  });

  it('waits for a slow first token that comes within firstTokenMs (the idle deadline starts after it), and times out one that does not', async () => {
    sim.script(simBehaviour.slowFirstToken(500), simBehaviour.slowFirstToken(TEST_DEADLINE_MS));
    const patient = { connectMs: TEST_DEADLINE_MS, firstTokenMs: TEST_DEADLINE_MS, idleMs: 100, totalMs: TEST_DEADLINE_MS };
    const result = await clientFor({ timeouts: patient }).complete(groundedRequest);
    expect(result.toolCalls).toHaveLength(1);
    const impatient = { connectMs: TEST_DEADLINE_MS, firstTokenMs: 300, idleMs: TEST_DEADLINE_MS, totalMs: TEST_DEADLINE_MS };
    const { error } = await failure(() => clientFor({ timeouts: impatient }).complete(groundedRequest));
    expect(error).toMatchObject({ kind: 'timeout', timeoutPhase: 'first-token' });
  });

  it('the total deadline bounds the call', async () => {
    sim.script(simBehaviour.stall());
    const { error } = await failure(() => clientFor({ timeouts: { connectMs: TEST_DEADLINE_MS, firstTokenMs: TEST_DEADLINE_MS, idleMs: TEST_DEADLINE_MS, totalMs: 300 } }).complete(groundedRequest));
    expect(error).toMatchObject({ kind: 'timeout', timeoutPhase: 'total' });
  });

  it('an idle gap after the first token times out (far side: a stream that goes silent)', async () => {
    const encoder = new TextEncoder();
    const silentAfterOneToken: typeof fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(encoder.encode('data: {"choices":[{"index":0,"delta":{"content":"您好"}}]}\n\n'));
          },
        }),
        { status: 200, headers: { 'content-type': 'text/event-stream' } },
      );
    const seen: ChatStreamEvent[] = [];
    const client = clientFor({ fetch: silentAfterOneToken, timeouts: { connectMs: TEST_DEADLINE_MS, firstTokenMs: TEST_DEADLINE_MS, idleMs: 200, totalMs: TEST_DEADLINE_MS } });
    const { error } = await failure(async () => {
      for await (const event of client.stream(groundedRequest)) seen.push(event);
    });
    expect(seen).toEqual([{ type: 'content', text: '您好' }]);
    expect(error).toMatchObject({ kind: 'timeout', timeoutPhase: 'idle' });
  });

  it('a cancelled call is aborted and does not count against the server', async () => {
    sim.script(simBehaviour.stall());
    const client = clientFor();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { error } = await failure(() => client.complete(groundedRequest, { signal: controller.signal }));
    expect(error.kind).toBe('aborted'); // not a timeout: every deadline is far off
    expect(client.breaker.snapshot().consecutiveFailures).toBe(0);
  });

  it('opens after N failures, short-circuits without calling, then half-opens after the cool-down', async () => {
    const clock = { now: 1_000_000 };
    const client = clientFor({
      retries: { max: 0, baseDelayMs: 1, maxDelayMs: 1 },
      timeouts: { connectMs: TEST_DEADLINE_MS, firstTokenMs: 150, idleMs: TEST_DEADLINE_MS, totalMs: TEST_DEADLINE_MS },
      breaker: { failureThreshold: 2, coolDownMs: 60_000, now: () => clock.now },
    });
    sim.script(simBehaviour.stall(), simBehaviour.stall(), simBehaviour.stall());

    expect((await failure(() => client.complete(groundedRequest))).error.kind).toBe('timeout');
    expect(client.breaker.state).toBe('closed');
    expect((await failure(() => client.complete(groundedRequest))).error.kind).toBe('timeout');
    expect(client.breaker.state).toBe('open');

    const shortCircuited = await failure(() => client.complete(groundedRequest));
    expect(shortCircuited.error.kind).toBe('circuit-open');
    expect(sim.requests).toHaveLength(2); // short-circuited: the server was not called

    clock.now += 60_000;
    expect(client.breaker.state).toBe('half-open');
    // The trial stalls too: the circuit opens again for another cool-down.
    expect((await failure(() => client.complete(groundedRequest))).error.kind).toBe('timeout');
    expect(client.breaker.state).toBe('open');
    expect(sim.requests).toHaveLength(3);

    clock.now += 60_000;
    const result = await client.complete(groundedRequest);
    expect(result.toolCalls).toHaveLength(1);
    expect(client.breaker.state).toBe('closed');
    expect(sim.requests).toHaveLength(4);
  });
});
