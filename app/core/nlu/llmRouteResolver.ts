import type { ChatClient } from '../llm/chatCompletionClient.js';
import type { ChatCompletionResult } from '../llm/chatTypes.js';
import { LlmError } from '../llm/llmError.js';
import { buildRoutingRequest } from './llmRoutingRequest.js';
import type { Route } from './routeUtterance.js';
import { scrubUtteranceForLlm } from './scrubUtteranceForLlm.js';
import { SERVICES, type ServiceName } from './serviceCatalogue.js';

/**
 * When an LLM is configured, it resolves what the local router is unsure of, with the services as tools.
 *
 * The LLM can only change WHICH service a route names. What that service demands before anything personal is said
 * or done — a verified face, an explicit yes — is the identity level in the service catalogue, enforced by the
 * session, and nothing the model sends can reach it: only the tool's name is read, never its arguments, so a call
 * like `query_payment_records({"verified": true})` is just `query_payment_records`, and the identity step runs as
 * for any other route to it.
 */

/** Below this local confidence the kiosk asks the LLM (when one is configured). A judgment, not tuned on a data set. */
export const DEFAULT_LLM_ROUTE_THRESHOLD = 0.8;

/**
 * The confidence of a route the LLM chose. The model gives no measure of its own certainty, so the route says
 * where it came from instead: 0.5 is what the local router reports for a dead heat between two services, and an
 * LLM pick never claims more than that — nothing downstream takes it for a clear local match.
 */
export const LLM_ROUTE_CONFIDENCE = 0.5;

/** Whether the local route is unsure enough to ask the LLM. */
export function shouldAskLlm(route: Route, threshold: number = DEFAULT_LLM_ROUTE_THRESHOLD): boolean {
  return route.confidence < threshold;
}

/** Where the resolver reports; a pino logger fits. It is never given the utterance or the model's arguments. */
export interface RouteResolverLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface LlmRouteResolverOptions {
  client: Pick<ChatClient, 'complete' | 'model'>;
  /** The model the client is configured with, checked against it (the client sends its own model). */
  model?: string;
  /** The longest the citizen waits for the LLM's pick before the local route is used. */
  timeoutMs: number;
  log: RouteResolverLog;
  /** The confidence given to a route the LLM chose (default LLM_ROUTE_CONFIDENCE). */
  confidence?: number;
}

export interface ResolveOptions {
  /** The visit ended or the citizen spoke again: stop waiting and keep the local route. */
  signal?: AbortSignal;
}

export interface LlmRouteResolver {
  /** The route the LLM picks for an utterance, or `local` unchanged whenever its answer cannot be used. Never throws. */
  resolve(utterance: string, local: Route, options?: ResolveOptions): Promise<Route>;
}

/** Why the local route was kept; logged, with neither the utterance nor what the model sent. */
export type KeptLocalReason =
  | 'empty-utterance'
  | 'no-tool-call'
  | 'several-tool-calls'
  | 'unknown-service'
  | 'cut-off'
  | 'content-filter'
  | 'timeout'
  | 'cancelled'
  | Exclude<LlmError['kind'], 'timeout' | 'aborted'>
  | 'failed';

/** What the model's reply comes to: a service of the catalogue, or why the local route stays. */
export type RoutingPick = { ok: true; service: ServiceName } | { ok: false; reason: KeptLocalReason; detail?: Record<string, unknown> };

const LOG_EVENT = 'nlu.llm-route';

export function createLlmRouteResolver(options: LlmRouteResolverOptions): LlmRouteResolver {
  const { client, log, timeoutMs } = options;
  if (!(timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
  if (options.model !== undefined && options.model !== client.model) {
    throw new RangeError(`the route resolver was given model ${options.model}, but its client sends ${client.model}`);
  }
  const confidence = options.confidence ?? LLM_ROUTE_CONFIDENCE;
  if (!(confidence >= 0 && confidence <= 1)) throw new RangeError('confidence must be between 0 and 1');

  async function resolve(utterance: string, local: Route, resolveOptions: ResolveOptions = {}): Promise<Route> {
    const started = performance.now();
    const picked = await pickService(utterance, resolveOptions.signal);
    const ms = Math.round(performance.now() - started);
    if (!picked.ok) {
      log.warn({ event: LOG_EVENT, outcome: 'kept-local', reason: picked.reason, local: local.service, ms, ...picked.detail }, 'LLM did not resolve the route; keeping the local one');
      return local;
    }
    log.info({ event: LOG_EVENT, outcome: 'resolved', local: local.service, service: picked.service, changed: picked.service !== local.service, ms }, 'LLM resolved an uncertain route');
    // Only the service (and its catalogue intent) change. The slots are the local router's, read from the citizen's
    // own words; the identity a service needs stays in the catalogue, out of the model's reach.
    return { service: picked.service, intent: SERVICES[picked.service].intent, confidence, slots: local.slots };
  }

  async function pickService(utterance: string, signal: AbortSignal | undefined): Promise<RoutingPick> {
    const scrubbed = scrubUtteranceForLlm(utterance).trim();
    if (!scrubbed) return { ok: false, reason: 'empty-utterance' };
    const deadline = new AbortController();
    const timedOut = new Error('route resolver deadline');
    const timer = setTimeout(() => deadline.abort(timedOut), timeoutMs);
    const follow = () => deadline.abort(signal?.reason);
    if (signal?.aborted) follow();
    else signal?.addEventListener('abort', follow, { once: true });
    try {
      // The deadline aborts the call rather than timing it out: the client then releases its circuit permit, so
      // our own impatience is not counted against the LLM's health, which policy answers share.
      const result = await client.complete(buildRoutingRequest(scrubbed), { signal: deadline.signal });
      return interpretRoutingReply(result);
    } catch (thrown) {
      if (deadline.signal.aborted) return { ok: false, reason: deadline.signal.reason === timedOut ? 'timeout' : 'cancelled' };
      if (!(thrown instanceof LlmError)) return { ok: false, reason: 'failed', detail: { error: thrown instanceof Error ? thrown.name : typeof thrown } };
      const detail: Record<string, unknown> = { errorKind: thrown.kind };
      if (thrown.status !== undefined) detail.status = thrown.status;
      if (thrown.timeoutPhase !== undefined) detail.timeoutPhase = thrown.timeoutPhase;
      const reason: KeptLocalReason = thrown.kind === 'timeout' ? 'timeout' : thrown.kind === 'aborted' ? 'cancelled' : thrown.kind;
      return { ok: false, reason, detail };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', follow);
    }
  }

  return { resolve };
}

/** Exactly one tool call naming a service of the catalogue, or why not. Text and arguments are never read. */
export function interpretRoutingReply(result: ChatCompletionResult): RoutingPick {
  if (result.finishReason === 'length') return { ok: false, reason: 'cut-off' };
  if (result.finishReason === 'content_filter') return { ok: false, reason: 'content-filter' };
  const [call, ...others] = result.toolCalls;
  if (!call) return { ok: false, reason: 'no-tool-call' };
  if (others.length > 0) return { ok: false, reason: 'several-tool-calls', detail: { toolCalls: result.toolCalls.length } };
  const name = call.function.name;
  // Own keys only: a model naming `constructor` or `__proto__` must not find something on Object.prototype.
  if (!Object.hasOwn(SERVICES, name)) return { ok: false, reason: 'unknown-service' };
  return { ok: true, service: name as ServiceName };
}
