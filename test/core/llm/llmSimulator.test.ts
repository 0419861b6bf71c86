import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../../app/core/llm/chatCompletionClient.js';
import { decodeSseStream } from '../../../app/core/llm/sseLineDecoder.js';
import { createLlmSimulator, simBehaviour, type LlmSimulator } from '../../../app/core/llm/simulator/llmSimulator.js';
import { TEST_DEADLINE_MS } from '../../testDeadline.js';

// The simulator's non-streaming side, checked with plain fetch.

let sim: LlmSimulator;
beforeAll(async () => {
  sim = await createLlmSimulator({ apiKey: 'k', model: 'sim-model' });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const auth = { authorization: 'Bearer k', 'content-type': 'application/json' };

describe('LLM simulator', () => {
  it('lists its model on GET /v1/models', async () => {
    const response = await fetch(`${sim.url}/models`, { headers: auth });
    expect(await response.json()).toMatchObject({ object: 'list', data: [{ id: 'sim-model', object: 'model' }] });
  });

  it('answers stream: false with a single chat.completion body', async () => {
    const response = await fetch(`${sim.url}/chat/completions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ model: 'sim-model', messages: [{ role: 'user', content: '<entry id="a-b">\n内容：每年认证一次。手机可办。\n</entry>' }] }),
    });
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toMatchObject({
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: '每年认证一次。手机可办。【a-b】' }, finish_reason: 'stop' }],
    });
  });

  it('refuses a wrong API key with 401 and an OpenAI error body, recording the request', async () => {
    const response = await fetch(`${sim.url}/chat/completions`, {
      method: 'POST',
      headers: { ...auth, authorization: 'Bearer nope' },
      body: JSON.stringify({ model: 'sim-model', messages: [] }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_api_key' } });
    expect(sim.requests).toHaveLength(1);
  });

  it('plays queued behaviours in order, one per request, then answers normally', async () => {
    sim.script(simBehaviour.httpError(503, 2), simBehaviour.rateLimit(3));
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${sim.url}/chat/completions`, { method: 'POST', headers: auth, body: JSON.stringify({ model: 'm', messages: [] }) });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
      await response.text();
    }
    expect(statuses).toEqual([503, 503, 429, 200]);
    expect(retryAfter).toBe('3');
  });

  it('sends several scripted tool calls in one reply, whole and streamed', async () => {
    sim.script(simBehaviour.toolCalls({ name: 'a', args: { x: 1 } }, { name: 'b', args: '{"broken' }));
    const whole = await fetch(`${sim.url}/chat/completions`, { method: 'POST', headers: auth, body: JSON.stringify({ model: 'm', messages: [] }) });
    expect(await whole.json()).toMatchObject({
      choices: [{ message: { tool_calls: [{ function: { name: 'a', arguments: '{"x":1}' } }, { function: { name: 'b', arguments: '{"broken' } }] }, finish_reason: 'tool_calls' }],
    });

    sim.script(simBehaviour.toolCalls({ name: 'a', args: {} }, { name: 'b', args: { y: '二' } }));
    const client = createChatClient({
      baseUrl: sim.url,
      apiKey: 'k',
      model: 'm',
      timeouts: { connectMs: TEST_DEADLINE_MS, firstTokenMs: TEST_DEADLINE_MS, idleMs: TEST_DEADLINE_MS, totalMs: TEST_DEADLINE_MS },
      retries: { max: 0, baseDelayMs: 1, maxDelayMs: 1 },
      breaker: { failureThreshold: 5, coolDownMs: 1_000 },
    });
    const streamed = await client.complete({ messages: [{ role: 'user', content: '?' }] });
    expect(streamed.toolCalls.map((call) => [call.function.name, call.function.arguments])).toEqual([
      ['a', '{}'],
      ['b', '{"y":"二"}'],
    ]);
    expect(new Set(streamed.toolCalls.map((call) => call.id)).size).toBe(2);
  });

  it('streams in small byte pieces, so the client really sees characters cut in half', async () => {
    const response = await fetch(`${sim.url}/chat/completions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: '<entry id="a">\n内容：养老金每年认证一次。\n</entry>' }] }),
    });
    const reads: number[] = [];
    const payloads = [];
    for await (const payload of decodeSseStream(response.body!, { onBytes: (count) => reads.push(count) })) payloads.push(payload);
    expect(reads.length).toBeGreaterThan(20);
    expect(Math.max(...reads)).toBeLessThan(64);
    expect(payloads.at(-1)).toEqual({ type: 'done' });
  });
});
