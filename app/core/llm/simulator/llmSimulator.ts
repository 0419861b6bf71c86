// The far side of the government LLM link: a loopback OpenAI-compatible server for tests and the demo.
// It is a second implementation of the protocol, not a mock of our client, so it only shares the wire types.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequestBody, ErrorBody } from '../chatTypes.js';

/** One tool call the simulator is told to make; a string `args` is sent verbatim. */
export interface SimToolCall {
  name: string;
  args: unknown;
}

/** What the simulator does with one request. */
export type LlmSimBehaviour =
  | { type: 'answer' }
  | { type: 'content'; text?: string }
  | { type: 'toolCall'; name: string; args: unknown }
  | { type: 'toolCalls'; calls: SimToolCall[] }
  | { type: 'invalidCitation' }
  | { type: 'cannotAnswer'; reason?: string }
  | { type: 'httpError'; status: number; times: number }
  | { type: 'rateLimit'; retryAfterS: number }
  | { type: 'stall' }
  | { type: 'slowFirstToken'; ms: number }
  | { type: 'malformedChunk' }
  | { type: 'cutMidStream' };

export const simBehaviour = {
  /**
   * give_answer citing the first entry of the request, worded from that entry's content
   * (plain text with a 【id】 marker when the request offers no give_answer tool).
   */
  answer: (): LlmSimBehaviour => ({ type: 'answer' }),
  /** Plain text with 【id】 markers, as models that ignore tools reply. */
  content: (text?: string): LlmSimBehaviour => (text === undefined ? { type: 'content' } : { type: 'content', text }),
  /** An explicit tool call; a string `args` is sent verbatim (to send broken JSON). */
  toolCall: (name: string, args: unknown): LlmSimBehaviour => ({ type: 'toolCall', name, args }),
  /** Several tool calls in one reply (indexes 0, 1, …), as models with parallel tool calls send them. */
  toolCalls: (...calls: SimToolCall[]): LlmSimBehaviour => ({ type: 'toolCalls', calls }),
  invalidCitation: (): LlmSimBehaviour => ({ type: 'invalidCitation' }),
  cannotAnswer: (reason?: string): LlmSimBehaviour => (reason === undefined ? { type: 'cannotAnswer' } : { type: 'cannotAnswer', reason }),
  /** Fails the next `times` requests with `status`. */
  httpError: (status: number, times = 1): LlmSimBehaviour => ({ type: 'httpError', status, times }),
  rateLimit: (retryAfterS: number): LlmSimBehaviour => ({ type: 'rateLimit', retryAfterS }),
  /** Headers, then silence forever. */
  stall: (): LlmSimBehaviour => ({ type: 'stall' }),
  slowFirstToken: (ms: number): LlmSimBehaviour => ({ type: 'slowFirstToken', ms }),
  malformedChunk: (): LlmSimBehaviour => ({ type: 'malformedChunk' }),
  /** Sends half the answer, then destroys the socket. */
  cutMidStream: (): LlmSimBehaviour => ({ type: 'cutMidStream' }),
} as const;

export interface LlmSimulatorOptions {
  port?: number;
  host?: string;
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string;
  model?: string;
}

export interface LlmSimulator {
  /** OpenAI-style base URL, ending in `/v1`. */
  readonly url: string;
  /** Bodies of every POST /v1/chat/completions, in arrival order. */
  readonly requests: ChatCompletionRequestBody[];
  /** Queues behaviours, one per request, first in first out; an empty queue answers normally. */
  script(...behaviours: LlmSimBehaviour[]): void;
  reset(): void;
  close(): Promise<void>;
}

type Reply = { kind: 'content'; text: string } | { kind: 'tool'; calls: { name: string; arguments: string }[] };

const sseHeaders = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };

export async function createLlmSimulator(options: LlmSimulatorOptions = {}): Promise<LlmSimulator> {
  const host = options.host ?? '127.0.0.1';
  const model = options.model ?? 'qingdao-gov-llm-sim';
  const queue: LlmSimBehaviour[] = [];
  const requests: ChatCompletionRequestBody[] = [];
  let completions = 0;

  function nextBehaviour(): LlmSimBehaviour {
    const head = queue[0];
    if (!head) return { type: 'answer' };
    if (head.type === 'httpError' && head.times > 1) {
      queue[0] = { ...head, times: head.times - 1 };
      return head;
    }
    queue.shift();
    return head;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://simulator').pathname;
    const raw = await readBody(req);
    let body: ChatCompletionRequestBody | undefined;
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      try {
        body = JSON.parse(raw) as ChatCompletionRequestBody;
      } catch {
        return sendError(res, 400, 'request body is not JSON');
      }
      requests.push(body);
    }
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendError(res, 401, 'Incorrect API key provided.', 'invalid_api_key');
    }
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: [{ id: model, object: 'model', created: 0, owned_by: 'simulator' }] });
    }
    if (!body) return sendError(res, 404, `no route for ${req.method ?? ''} ${path}`);
    completions += 1;
    await respond(nextBehaviour(), body, res, `chatcmpl-sim-${completions}`);
  }

  async function respond(behaviour: LlmSimBehaviour, body: ChatCompletionRequestBody, res: ServerResponse, id: string): Promise<void> {
    const streaming = body.stream === true;
    switch (behaviour.type) {
      case 'httpError':
        return sendError(res, behaviour.status, `simulated HTTP ${behaviour.status}`);
      case 'rateLimit':
        res.setHeader('retry-after', String(behaviour.retryAfterS));
        return sendError(res, 429, 'Rate limit reached, please retry later.', 'rate_limit_exceeded');
      case 'stall':
        // Headers only; the connection stays open until the client gives up or close() runs.
        if (streaming) res.writeHead(200, sseHeaders).flushHeaders();
        return;
      default:
        break;
    }
    const reply = replyFor(behaviour, body);
    if (!streaming) {
      if (behaviour.type === 'slowFirstToken') await delay(behaviour.ms);
      const text = JSON.stringify(completionBody(reply, body, id, model));
      if (behaviour.type === 'malformedChunk') return void res.writeHead(200, { 'content-type': 'application/json' }).end(text.slice(0, 20));
      if (behaviour.type === 'cutMidStream') return cutAfter(res.writeHead(200, { 'content-type': 'application/json' }), text.slice(0, text.length / 2));
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(text);
    }

    res.writeHead(200, sseHeaders).flushHeaders();
    if (behaviour.type === 'slowFirstToken') await delay(behaviour.ms);
    const frames = chunkFrames(reply, body, id, model);
    if (behaviour.type === 'malformedChunk') frames.splice(2, 0, `data: {"id":"${id}","choices":[{"delta":{"content":"断\n\n`);
    const bytes = Buffer.from(frames.join(''), 'utf8');
    if (behaviour.type === 'cutMidStream') {
      await writeInSmallPieces(res, bytes.subarray(0, Math.floor(bytes.length / 2)));
      return cutAfter(res, '');
    }
    await writeInSmallPieces(res, bytes);
    if (!res.destroyed) res.end();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, `simulator failed: ${String(error)}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}/v1`,
    requests,
    script: (...behaviours) => void queue.push(...behaviours),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// --- what to say -----------------------------------------------------------------

interface PromptEntry {
  id: string;
  content: string;
}

/** The first `<entry id="…">` of the last user message, with its 内容 (content) text. */
function firstEntryOf(body: ChatCompletionRequestBody): PromptEntry | undefined {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const user = messages.filter((message) => message.role === 'user').at(-1)?.content ?? '';
  const match = /<entry id="([^"]+)">([\s\S]*?)<\/entry>/.exec(user);
  if (!match?.[1]) return undefined;
  const inner = match[2] ?? '';
  const content = /内容：([\s\S]*)$/.exec(inner)?.[1]?.trim() ?? /标题：(.*)/.exec(inner)?.[1]?.trim() ?? '';
  return { id: match[1], content };
}

/** The first two sentences, so the spoken part is short like a real answer. */
function opening(text: string): string {
  return (text.match(/[^。！？]+[。！？]?/g) ?? [text]).slice(0, 2).join('').replace(/\s+/g, '');
}

function replyFor(behaviour: LlmSimBehaviour, body: ChatCompletionRequestBody): Reply {
  const entry = firstEntryOf(body);
  const call = (name: string, args: unknown) => ({ name, arguments: typeof args === 'string' ? args : JSON.stringify(args) });
  const tool = (name: string, args: unknown): Reply => ({ kind: 'tool', calls: [call(name, args)] });
  switch (behaviour.type) {
    case 'toolCall':
      return tool(behaviour.name, behaviour.args);
    case 'toolCalls':
      return { kind: 'tool', calls: behaviour.calls.map(({ name, args }) => call(name, args)) };
    case 'cannotAnswer':
      return tool('cannot_answer', { reason: behaviour.reason ?? '给出的条目没有讲到这个问题' });
    case 'content':
      return { kind: 'content', text: behaviour.text ?? (entry ? `${opening(entry.content)}【${entry.id}】` : '模拟器没有收到知识条目。') };
    case 'invalidCitation':
      return tool('give_answer', { spoken: opening(entry?.content ?? '请到窗口咨询。'), screen: entry?.content ?? '', citations: ['no-such-entry'] });
    default: {
      // answer, and the delivery faults (slow, malformed, cut) that deliver an answer.
      // Like a real model, it can only call give_answer when the request offers it; otherwise it writes text.
      const offersGiveAnswer = Array.isArray(body.tools) && body.tools.some((offered) => offered.function?.name === 'give_answer');
      if (!offersGiveAnswer) return { kind: 'content', text: entry ? `${opening(entry.content)}【${entry.id}】` : '您好，请问有什么可以帮您？' };
      if (!entry) return tool('cannot_answer', { reason: '请求里没有知识条目' });
      return tool('give_answer', { spoken: opening(entry.content), screen: entry.content, citations: [entry.id] });
    }
  }
}

// --- how to say it -----------------------------------------------------------------

/** Splits into pieces of a few characters, the way models stream tokens. */
function pieces(text: string, size: number): string[] {
  const chars = Array.from(text);
  const result: string[] = [];
  for (let i = 0; i < chars.length; i += size) result.push(chars.slice(i, i + size).join(''));
  return result;
}

function chunkFrames(reply: Reply, body: ChatCompletionRequestBody, id: string, model: string): string[] {
  const base = { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model || model };
  const frame = (chunk: Omit<ChatCompletionChunk, 'id' | 'object' | 'created' | 'model'>) => `data: ${JSON.stringify({ ...base, ...chunk })}\n\n`;
  const delta = (value: NonNullable<ChatCompletionChunk['choices'][number]['delta']>) => frame({ choices: [{ index: 0, delta: value, finish_reason: null }] });

  const frames = [delta({ role: 'assistant', content: '' })];
  if (reply.kind === 'content') {
    for (const text of pieces(reply.text, 4)) frames.push(delta({ content: text }));
  } else {
    reply.calls.forEach((call, index) => {
      frames.push(delta({ tool_calls: [{ index, id: `call_${id}_${index}`, type: 'function', function: { name: call.name, arguments: '' } }] }));
      for (const args of pieces(call.arguments, 6)) frames.push(delta({ tool_calls: [{ index, function: { arguments: args } }] }));
    });
  }
  frames.push(frame({ choices: [{ index: 0, delta: {}, finish_reason: reply.kind === 'content' ? 'stop' : 'tool_calls' }] }));
  if (body.stream_options?.include_usage) frames.push(frame({ choices: [], usage: usageFor(body, reply) }));
  frames.push('data: [DONE]\n\n');
  return frames;
}

function completionBody(reply: Reply, body: ChatCompletionRequestBody, id: string, model: string): ChatCompletion {
  const message: ChatCompletion['choices'][number]['message'] =
    reply.kind === 'content'
      ? { role: 'assistant', content: reply.text }
      : {
          role: 'assistant',
          content: null,
          tool_calls: reply.calls.map((call, index) => ({ id: `call_${id}_${index}`, type: 'function', function: { name: call.name, arguments: call.arguments } })),
        };
  return {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model || model,
    choices: [{ index: 0, message, finish_reason: reply.kind === 'content' ? 'stop' : 'tool_calls' }],
    usage: usageFor(body, reply),
  };
}

/** Rough token counts (about one per character), enough for diagnostics to show something real. */
function usageFor(body: ChatCompletionRequestBody, reply: Reply) {
  const prompt_tokens = JSON.stringify(body.messages ?? []).length;
  const completion_tokens = reply.kind === 'content' ? reply.text.length : reply.calls.reduce((sum, call) => sum + call.arguments.length, 0);
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}

// --- the wire ------------------------------------------------------------------------

/** 7-byte writes, one per event-loop turn: every split lands somewhere new, often inside a 3-byte character. */
async function writeInSmallPieces(res: ServerResponse, bytes: Buffer): Promise<void> {
  for (let offset = 0; offset < bytes.length; offset += 7) {
    if (res.destroyed) return;
    res.write(bytes.subarray(offset, offset + 7));
    await nextTurn();
  }
}

/** Sends `text`, lets it reach the client, then kills the socket mid-reply. */
async function cutAfter(res: ServerResponse, text: string): Promise<void> {
  if (text) res.write(text);
  await delay(30);
  res.socket?.destroy();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

function sendError(res: ServerResponse, status: number, message: string, code: string | null = null): void {
  const body: ErrorBody = { error: { message, type: status >= 500 ? 'server_error' : 'invalid_request_error', code, param: null } };
  sendJson(res, status, body);
}
