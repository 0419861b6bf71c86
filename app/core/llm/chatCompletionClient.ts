import { abortableSleep } from './abortableSleep.js';
import { errorBodySchema } from './chatChunkSchema.js';
import type {
  ChatCompletionRequestBody,
  ChatCompletionResult,
  ChatRequest,
  ChatStreamEvent,
  FinishReason,
  ToolCall,
  Usage,
} from './chatTypes.js';
import { ChunkInterpreter } from './chunkInterpreter.js';
import { CircuitBreaker, type CircuitBreakerOptions, type CircuitPermit } from './circuitBreaker.js';
import { DeadlineScope } from './deadlineScope.js';
import { LlmError } from './llmError.js';
import { backoffDelayMs, isRetryable, parseRetryAfterMs, type RetryOptions } from './retryPolicy.js';
import { decodeSseStream } from './sseLineDecoder.js';

export interface ChatClientTimeouts {
  /** Until the response headers arrive. */
  connectMs: number;
  /** From sending the request until the model produces its first token. */
  firstTokenMs: number;
  /** Longest silence between two stream events once the answer is flowing (keep-alive comments do not count). */
  idleMs: number;
  /** The whole call, retries and backoff included: the citizen is standing there waiting. */
  totalMs: number;
}

export interface ChatClientOptions {
  /** OpenAI-style base URL ending before `/chat/completions`, e.g. `http://10.1.2.3:8000/v1`. Empty = unconfigured. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeouts: ChatClientTimeouts;
  retries: RetryOptions;
  /** A breaker shared with diagnostics, or options to make a private one. */
  breaker: CircuitBreaker | CircuitBreakerOptions;
  fetch?: typeof fetch;
  /** Backoff wait; must reject when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

export interface ChatCallOptions {
  signal?: AbortSignal;
}

export interface ChatClient {
  readonly model: string;
  /** The circuit breaker guarding this client, for diagnostics. */
  readonly breaker: CircuitBreaker;
  /** Streams one completion. Throws LlmError; never replays an answer that has started to arrive. */
  stream(request: ChatRequest, options?: ChatCallOptions): AsyncIterable<ChatStreamEvent>;
  /** The same call, collected. */
  complete(request: ChatRequest, options?: ChatCallOptions): Promise<ChatCompletionResult>;
}

export function createChatClient(options: ChatClientOptions): ChatClient {
  const breaker = options.breaker instanceof CircuitBreaker ? options.breaker : new CircuitBreaker(options.breaker);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const endpoint = chatCompletionsUrl(options.baseUrl);
  const { timeouts, retries } = options;

  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

  async function* stream(request: ChatRequest, callOptions: ChatCallOptions = {}): AsyncGenerator<ChatStreamEvent, void, undefined> {
    if (!endpoint || !options.model.trim()) throw new LlmError('unconfigured', 'no LLM base URL or model is configured');
    const body: ChatCompletionRequestBody = { ...request, model: options.model, stream: true, stream_options: { include_usage: true } };
    const payload = JSON.stringify(body);
    const call = new DeadlineScope(callOptions.signal);
    const deadlineAt = performance.now() + timeouts.totalMs;
    call.arm(timeouts.totalMs, 'total');
    try {
      let lastFailure: LlmError | undefined;
      for (let attempt = 0; ; attempt++) {
        if (call.signal.aborted) throw call.explain(undefined);
        const permit = breaker.acquire();
        if (!permit) throw lastFailure ?? new LlmError('circuit-open', 'the LLM circuit is open after repeated failures');
        const failure = yield* streamAttempt(endpoint, payload, call, permit);
        if (!failure) return;
        lastFailure = failure;
        if (attempt >= retries.max) throw failure;
        const delayMs = failure.retryAfterMs ?? backoffDelayMs(attempt, retries, random);
        // Waiting past the call's deadline cannot end in an answer; report the real failure now.
        if (performance.now() + delayMs >= deadlineAt) throw failure;
        try {
          await sleep(delayMs, call.signal);
        } catch (thrown) {
          throw call.explain(thrown);
        }
      }
    } finally {
      call.dispose();
    }
  }

  /**
   * One HTTP attempt. Returns a failure the caller may retry (nothing of the reply has arrived),
   * returns undefined when the answer completed, and throws any other failure.
   */
  async function* streamAttempt(
    url: string,
    payload: string,
    call: DeadlineScope,
    permit: CircuitPermit,
  ): AsyncGenerator<ChatStreamEvent, LlmError | undefined, undefined> {
    const attempt = new DeadlineScope(call.signal);
    const progress = { replyStarted: false };
    let settled = false;
    try {
      yield* runAttempt(url, payload, attempt, progress);
      permit.success();
      settled = true;
      return undefined;
    } catch (thrown) {
      const failure = attempt.explain(thrown);
      settlePermit(permit, failure);
      settled = true;
      if (!progress.replyStarted && isRetryable(failure)) return failure;
      throw failure;
    } finally {
      // The consumer stopped reading early: a reply that had begun shows the server is alive.
      if (!settled) {
        if (progress.replyStarted) permit.success();
        else permit.release();
      }
      attempt.dispose();
    }
  }

  async function* runAttempt(
    url: string,
    payload: string,
    attempt: DeadlineScope,
    progress: { replyStarted: boolean },
  ): AsyncGenerator<ChatStreamEvent, void, undefined> {
    const startedAt = performance.now();
    const firstTokenLeft = () => timeouts.firstTokenMs - (performance.now() - startedAt);
    if (timeouts.connectMs < timeouts.firstTokenMs) attempt.arm(timeouts.connectMs, 'connect');
    else attempt.arm(timeouts.firstTokenMs, 'first-token');

    // Raced against the signal as well: an injected fetch that ignores it must not hang the kiosk.
    const response = await untilAborted(fetchImpl(url, { method: 'POST', headers, body: payload, signal: attempt.signal }), attempt.signal);
    if (!response.ok) {
      attempt.arm(timeouts.idleMs, 'idle');
      throw await untilAborted(httpErrorFrom(response), attempt.signal);
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (!response.body || !contentType.includes('text/event-stream')) {
      await response.body?.cancel().catch(() => undefined);
      throw new LlmError('malformed', `expected a text/event-stream reply, got ${contentType || 'no content type'}`);
    }

    const payloads = decodeSseStream(response.body, {
      signal: attempt.signal,
      onBytes: () => {
        progress.replyStarted = true;
      },
    });
    const interpreter = new ChunkInterpreter();
    try {
      for (;;) {
        if (interpreter.firstTokenSeen) attempt.arm(timeouts.idleMs, 'idle');
        else attempt.arm(firstTokenLeft(), 'first-token');
        const next = await payloads.next();
        // Disarmed while the consumer handles events: its slowness is not the server's silence.
        attempt.disarm();
        if (next.done || next.value.type === 'done') {
          yield* interpreter.end(!next.done);
          return;
        }
        yield* interpreter.accept(next.value.value);
      }
    } finally {
      await payloads.return();
    }
  }

  async function complete(request: ChatRequest, callOptions: ChatCallOptions = {}): Promise<ChatCompletionResult> {
    let content = '';
    const toolCalls: ToolCall[] = [];
    let finishReason: FinishReason | null = null;
    let usage: Usage | null = null;
    for await (const event of stream(request, callOptions)) {
      if (event.type === 'content') content += event.text;
      else if (event.type === 'tool-call') toolCalls.push(event.toolCall);
      else {
        finishReason = event.finishReason;
        usage = event.usage;
      }
    }
    return { content, toolCalls, finishReason, usage };
  }

  return { model: options.model, breaker, stream, complete };
}

/** The promise's outcome, or the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as unknown);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** `…/v1` → `…/v1/chat/completions`; undefined when no base URL is configured. */
function chatCompletionsUrl(baseUrl: string): string | undefined {
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  if (!trimmed) return undefined;
  return trimmed.endsWith('/chat/completions') ? trimmed : `${trimmed}/chat/completions`;
}

/**
 * Server trouble (5xx, 429, 408, timeouts, broken streams) counts toward opening the circuit.
 * Other 4xx replies show the server is up and answering — the fault is in our request or key —
 * and a cancelled call says nothing either way.
 */
function settlePermit(permit: CircuitPermit, failure: LlmError): void {
  if (failure.kind === 'aborted') permit.release();
  else if (failure.kind !== 'http') permit.failure();
  else if (failure.status === undefined || failure.status === 408 || failure.status === 429 || failure.status >= 500) permit.failure();
  else permit.success();
}

async function httpErrorFrom(response: Response): Promise<LlmError> {
  const retryAfterMs = parseRetryAfterMs(response.headers);
  const text = await response.text().catch(() => '');
  let message = text.slice(0, 200);
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) message = parsed.data.error.message;
  } catch {
    // Not JSON (a proxy's HTML page, say): keep the start of the text.
  }
  return new LlmError('http', `LLM replied HTTP ${response.status}${message ? `: ${message}` : ''}`, {
    status: response.status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}
