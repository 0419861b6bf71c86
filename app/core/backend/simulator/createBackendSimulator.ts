/**
 * The far side of the backend client: a stand-in for the hall business system on loopback, for
 * development, tests and the built-in demo. It checks signatures like the real gateway, keeps its data
 * in its own SQLite database, honours idempotency keys and can be told to misbehave (see faultInjector.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { repoRoot } from '../../config/repoRoot.js';
import { chinaDateTimeOf } from '../calendar.js';
import { IDEMPOTENCY_KEY_HEADER } from '../backendPaths.js';
import type { BackendErrorCode, IssuingHall } from '../backendTypes.js';
import { createRequestVerifier, type SignatureFailure } from '../requestSigning.js';
import { FaultInjector, type FaultControls } from './faultInjector.js';
import { HttpProblem } from './httpProblem.js';
import { createIdempotencyStore, hashWriteRequest } from './idempotencyStore.js';
import type { Route, RouteContext, RouteResult } from './route.js';
import { findRoute } from './routeTable.js';
import { openSimulatorDatabase } from './simulatorDatabase.js';

export interface BackendSimulatorOptions {
  /** SQLite file; ':memory:' (the default) for a fresh database each time. */
  dbPath?: string;
  /** The shared secret of the one kiosk the simulator knows. */
  secret: string;
  kioskId: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Simulator clock (epoch ms): business dates, signature skew, and the seed day of a new database. */
  now?: () => number;
  /** The hall the kiosk stands in, printed on certificates. */
  hall?: IssuingHall;
  /** Where the demo citizens' photos on file live (`referencePhoto` is relative to it); default ../shared/data beside the checkout. */
  sharedDataDir?: string;
}

export interface AccessLogEntry {
  method: string;
  /** Path and query exactly as received. */
  path: string;
  /** Null while unanswered (hanging, delayed, or dropped). */
  status: number | null;
  /** Present when a handler crashed (answered 500). */
  error?: string;
}

/** Read-only views for tests: what arrived, and how many effects the writes had. */
export interface SimulatorInspection {
  requests(): readonly AccessLogEntry[];
  cardLossReportCount(citizenId: string): number;
  cardLossCancellationCount(citizenId: string): number;
  contactChangeCount(citizenId: string): number;
  flexibleRegistrationCount(citizenId: string): number;
  /** Recorded 养老认证 submissions (replays of a stored answer add none). */
  pensionAuthSubmissionCount(citizenId: string): number;
  /** 技能提升补贴 applications recorded for the citizen. */
  skillSubsidyApplicationCount(citizenId: string): number;
  /** 失业登记 made from a kiosk (not those seeded as made at a window). */
  unemploymentRegistrationCount(citizenId: string): number;
  unemploymentBenefitApplicationCount(citizenId: string): number;
  /** 补换社保卡 applied for from a kiosk (not the card applications seeded as made elsewhere). */
  cardReplacementCount(citizenId: string): number;
  /** 就业创业证 applied for from a kiosk. */
  employmentCertificateApplicationCount(citizenId: string): number;
  /** How many times a write under this idempotency key was carried out (replays of its stored answer add none). */
  writesWithKey(idempotencyKey: string): number;
}

export interface BackendSimulator {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  inject: FaultControls;
  inspect: SimulatorInspection;
  close(): Promise<void>;
}

/** The shared data folder beside the checkout, where the demo citizens' photos on file are. */
export const DEFAULT_SHARED_DATA_DIR = resolvePath(repoRoot, '..', 'shared', 'data');

export const DEFAULT_ISSUING_HALL: IssuingHall = { code: 'QD-SN-01', name: '青岛市市南区人力资源和社会保障局服务大厅' };

/** Request body limit of every route that does not set its own `maxBodyBytes`. */
const MAX_BODY_BYTES = 64 * 1024;
const MAX_LOGGED_REQUESTS = 1000;
const IDEMPOTENCY_KEY_SHAPE = /^[A-Za-z0-9._:-]{8,128}$/;

const SIGNATURE_FAILURE_CODES: Record<SignatureFailure, BackendErrorCode> = {
  'missing-signature': 'MISSING_SIGNATURE',
  'unknown-kiosk': 'UNKNOWN_KIOSK',
  'bad-signature': 'BAD_SIGNATURE',
  'clock-skew': 'CLOCK_SKEW',
  'replayed-nonce': 'REPLAYED_NONCE',
};

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new BodyTooLarge());
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The body limit of the route a request is for (the photo upload needs more than the default). Only this is decided before the signature check. */
function bodyLimitFor(method: string, path: string): number {
  try {
    const match = findRoute(method, new URL(path, 'http://simulator.invalid').pathname);
    return (match.found === 'route' ? match.route.maxBodyBytes : undefined) ?? MAX_BODY_BYTES;
  } catch {
    return MAX_BODY_BYTES;
  }
}

function problem(status: number, code: BackendErrorCode, message: string): RouteResult {
  return { status, body: { code, message } };
}

export async function createBackendSimulator(options: BackendSimulatorOptions): Promise<BackendSimulator> {
  const now = options.now ?? Date.now;
  const hall = options.hall ?? DEFAULT_ISSUING_HALL;
  const sharedDataDir = options.sharedDataDir ?? DEFAULT_SHARED_DATA_DIR;
  const db = openSimulatorDatabase(options.dbPath ?? ':memory:', now());
  const idempotency = createIdempotencyStore(db);
  const verifier = createRequestVerifier({ secretForKiosk: (kioskId) => (kioskId === options.kioskId ? options.secret : undefined), now });
  const faults = new FaultInjector();
  const accessLog: AccessLogEntry[] = [];
  const hanging = new Set<ServerResponse>();
  const delayTimers = new Set<NodeJS.Timeout>();
  const writesByKey = new Map<string, number>();

  faults.onReset(() => {
    // Let go of requests held by hang(): the client sees the connection drop.
    for (const response of hanging) response.destroy();
    hanging.clear();
  });

  function invoke(route: Route, context: RouteContext): RouteResult {
    try {
      // A nested transaction is a savepoint: a handler that throws leaves no partial write behind.
      return db.transaction(() => route.handler(context))();
    } catch (error) {
      if (error instanceof HttpProblem) return { status: error.status, body: error.body };
      throw error;
    }
  }

  function runRoute(route: Route, context: RouteContext, request: { method: string; path: string; body: string; key: string | undefined }): RouteResult & { replayed?: boolean } {
    if (!route.idempotent) return invoke(route, context);
    if (request.key === undefined) return problem(400, 'MISSING_IDEMPOTENCY_KEY', '缺少幂等键（idempotency-key）');
    if (!IDEMPOTENCY_KEY_SHAPE.test(request.key)) return problem(400, 'INVALID_REQUEST', '幂等键格式不正确');
    const key = request.key;
    const requestHash = hashWriteRequest(request.method, request.path, request.body);
    const stored = idempotency.find(context.kioskId, key);
    if (stored) {
      if (stored.requestHash !== requestHash) return problem(422, 'IDEMPOTENCY_KEY_REUSED', '同一幂等键已用于另一笔不同的业务');
      return { status: stored.status, body: stored.body, replayed: true };
    }
    // The effect and the stored answer commit together: no effect without its record, no record without its effect.
    const result = db.transaction(() => {
      const done = invoke(route, context);
      idempotency.save(context.kioskId, key, { requestHash, status: done.status, body: done.body }, chinaDateTimeOf(context.now));
      return done;
    })();
    writesByKey.set(key, (writesByKey.get(key) ?? 0) + 1);
    return result;
  }

  function respond(response: ServerResponse, entry: AccessLogEntry, result: RouteResult, headers: Record<string, string> = {}): void {
    if (response.destroyed || response.writableEnded) return;
    entry.status = result.status;
    const payload = JSON.stringify(result.body);
    response.writeHead(result.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(payload),
      'cache-control': 'no-store',
      ...headers,
    });
    response.end(payload);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const entry: AccessLogEntry = { method, path, status: null };
    accessLog.push(entry);
    if (accessLog.length > MAX_LOGGED_REQUESTS) accessLog.shift();

    let body: string;
    try {
      body = await readBody(request, bodyLimitFor(method, path));
    } catch (error) {
      if (error instanceof BodyTooLarge) respond(response, entry, problem(413, 'BODY_TOO_LARGE', '请求内容过大'), { connection: 'close' });
      return;
    }

    if (faults.isHanging) {
      hanging.add(response);
      response.on('close', () => hanging.delete(response));
      return;
    }
    const injectedStatus = faults.takeFailure();
    if (injectedStatus !== null) return respond(response, entry, problem(injectedStatus, 'INJECTED_FAULT', '业务系统模拟故障'));

    const verdict = verifier.verify({ method, path, body, headers: request.headers });
    if (!verdict.ok) return respond(response, entry, problem(401, SIGNATURE_FAILURE_CODES[verdict.reason], verdict.message));

    const url = new URL(path, 'http://simulator.invalid');
    const match = findRoute(method, url.pathname);
    if (match.found === 'nothing') return respond(response, entry, problem(404, 'ROUTE_NOT_FOUND', '没有这个接口'));
    if (match.found === 'wrong-method') return respond(response, entry, problem(405, 'METHOD_NOT_ALLOWED', '接口不支持该请求方法'));
    // A write (a submission, carried out once per key) while the write side is down: refused before anything is done.
    const writeFailure = match.route.idempotent ? faults.takeWriteFailure() : null;
    if (writeFailure !== null) return respond(response, entry, problem(writeFailure, 'INJECTED_FAULT', '业务系统模拟故障'));

    let parsedBody: unknown;
    if (method === 'POST') {
      try {
        parsedBody = body === '' ? {} : (JSON.parse(body) as unknown);
      } catch {
        return respond(response, entry, problem(400, 'INVALID_REQUEST', '请求内容不是有效的JSON'));
      }
    }

    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    const context: RouteContext = { db, params: match.params, query: url.searchParams, body: parsedBody, kioskId: verdict.kioskId, now: now(), hall, sharedDataDir };
    let result: RouteResult & { replayed?: boolean };
    try {
      result = runRoute(match.route, context, { method, path, body, key: typeof key === 'string' ? key : undefined });
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error);
      result = problem(500, 'INTERNAL', '业务系统内部错误');
    }
    const headers: Record<string, string> = result.replayed ? { 'idempotent-replayed': 'true' } : {};

    if (faults.delay > 0) {
      // Slow system: the work is done, the answer is late.
      const timer = setTimeout(() => {
        delayTimers.delete(timer);
        respond(response, entry, result, headers);
      }, faults.delay);
      delayTimers.add(timer);
      return;
    }
    respond(response, entry, result, headers);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.destroy(error instanceof Error ? error : undefined);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  const countFor = (table: 'card_loss_reports' | 'card_loss_cancellations' | 'contact_changes' | 'flexible_registrations' | 'pension_auth_submissions' | 'skill_subsidy_applications') => {
    const statement = db.prepare(`SELECT COUNT(*) FROM ${table} WHERE citizen_id = ?`).pluck();
    return (citizenId: string) => statement.get(citizenId) as number;
  };

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${address.port}`,
    inject: {
      delayMs: (ms) => faults.delayMs(ms),
      failNext: (status, times) => faults.failNext(status, times),
      failWrites: (status, times) => faults.failWrites(status, times),
      hang: () => faults.hang(),
      reset: () => faults.reset(),
    },
    inspect: {
      requests: () => accessLog.map((entry) => ({ ...entry })),
      cardLossReportCount: countFor('card_loss_reports'),
      cardLossCancellationCount: countFor('card_loss_cancellations'),
      contactChangeCount: countFor('contact_changes'),
      flexibleRegistrationCount: countFor('flexible_registrations'),
      pensionAuthSubmissionCount: countFor('pension_auth_submissions'),
      skillSubsidyApplicationCount: countFor('skill_subsidy_applications'),
      unemploymentRegistrationCount: (citizenId) =>
        db.prepare('SELECT COUNT(*) FROM unemployment_registrations WHERE citizen_id = ? AND kiosk_id IS NOT NULL').pluck().get(citizenId) as number,
      unemploymentBenefitApplicationCount: (citizenId) =>
        db.prepare('SELECT COUNT(*) FROM unemployment_benefit_applications WHERE citizen_id = ?').pluck().get(citizenId) as number,
      cardReplacementCount: (citizenId) => db.prepare('SELECT COUNT(*) FROM card_replacements WHERE citizen_id = ?').pluck().get(citizenId) as number,
      employmentCertificateApplicationCount: (citizenId) =>
        db.prepare('SELECT COUNT(*) FROM employment_certificate_applications WHERE citizen_id = ?').pluck().get(citizenId) as number,
      writesWithKey: (idempotencyKey) => writesByKey.get(idempotencyKey) ?? 0,
    },
    close() {
      closing ??= (async () => {
        for (const timer of delayTimers) clearTimeout(timer);
        delayTimers.clear();
        faults.reset();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        db.close();
      })();
      return closing;
    },
  };
}
