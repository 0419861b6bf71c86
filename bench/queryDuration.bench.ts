// 聊天查: for every query the kiosk answers, how long from the routed intent to the spoken answer line, in a verified
// visit with a typed line, on the kiosk runtime with its built-in business-system simulator (in-process, over
// loopback HTTP with signed requests, its own SQLite: as `npm start` runs it). Measured from the moment the typed line
// has been routed and the query started (citizen.text has returned: routing and the session's transition are
// synchronous) to the view that shows the answer as the robot's line (the same action hands it to the speech actor).
// TTS is not in it (bench/speechOutput.bench.ts times that). Each query runs N times for each of a few demo citizens
// (records of different sizes); the machine's load average is written beside the figures, because on a shared
// two-core machine it explains more of the spread than the code does.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KioskView, LivenessChallengeKind } from '../app/api/kioskApi.js';
import { demoCitizenSeeds } from '../app/core/backend/simulator/demoCitizens.js';
import { parseConfig } from '../app/core/config/loadConfig.js';
import { repoRoot } from '../app/core/config/repoRoot.js';
import { createKioskRuntime } from '../app/core/kioskRuntime.js';
import { loadKnowledgeBase } from '../app/core/knowledge/loadKnowledgeBase.js';
import { createLogger } from '../app/core/log/createLogger.js';
import { routeUtterance } from '../app/core/nlu/routeUtterance.js';
import { SERVICES, type ServiceName } from '../app/core/nlu/serviceCatalogue.js';
import type { FaceSessionAnalyzer } from '../app/core/services/pensionAuth/faceSessionAnalyzer.js';
import { openQueries, personalQueries } from '../app/core/services/queries/personalQueries.js';
import { decision, measured } from '../test/core/identity/identityCheckHarness.js';
import { sharedDataDir } from '../test/sharedData.js';
import { summarizeMs, writeBenchResult } from './benchResult.js';

const RUNS = Number(process.env.QUERY_DURATION_RUNS ?? 20);
const DEADLINE_MS = 20_000;
/** Demo citizens with a photo on file and different records: a pensioner with a long history, a flexible worker, an unemployed one. */
const CITIZENS = ['QD0002', 'QD0006', 'QD0007'];

/** One typed line per query, each checked below to route to its query. */
const LINES: Partial<Record<ServiceName, string>> = {
  query_insurance_status: '我想查一下我的参保信息',
  query_payment_records: '我想看看我的缴费明细',
  query_contribution_base: '我的缴费基数是多少',
  query_contribution_months: '我累计交了多少个月社保',
  query_pension_account: '我的养老个人账户余额有多少',
  query_pension_benefit: '我的养老金发放明细',
  query_pension_auth_status: '我的养老认证到什么时候',
  query_unemployment_benefit: '我的失业金还能领几个月',
  query_injury_benefit: '我的工伤待遇',
  query_resident_pension_payments: '我的城乡居民养老保险缴费记录',
  query_flexible_employment_payments: '我灵活就业交的档次',
  query_card_status: '我的社保卡状态',
  query_card_production: '我的社保卡制卡进度',
  query_transfer_progress: '我的社保关系转移进度',
  query_employment_registration: '我的就业失业登记状态',
  query_employment_certificate: '我的就业创业证',
  query_application_progress: '我申请的业务办理进度',
  estimate_pension: '我退休以后每个月能领多少养老金',
  estimate_retirement_age: '我是1965年8月出生的男职工，什么时候退休',
  query_skill_certificate: '查一下技能证书，证书编号S000037020003204000517',
};

const services = [...Object.keys(personalQueries), ...Object.keys(openQueries)] as ServiceName[];
for (const service of services) {
  const line = LINES[service];
  if (!line) throw new Error(`no typed line for ${service}`);
  const routed = routeUtterance(line).service;
  if (routed !== service) throw new Error(`"${line}" routes to ${routed}, not ${service}`);
}

if (!existsSync(path.join(sharedDataDir, 'faces'))) {
  console.log(`skipped: the photos on file are not at ${path.join(sharedDataDir, 'faces')} (no face can be verified)`);
  process.exit(0);
}

/** vision/ stood in for: the face in front of the camera is the one on file (the check itself runs for real). */
function matchingFace(): FaceSessionAnalyzer {
  let challenge: LivenessChallengeKind | null = null;
  return {
    setReference: async (image) => image.length > 0,
    analyzeFrame: async (_jpeg, at) => measured({ at, challenge: challenge ? { kind: challenge, state: 'passed', miss: null } : null }),
    startChallenge: (kind) => void (challenge = kind),
    verify: async () => decision('match'),
    newAttempt: () => void (challenge = null),
    clear: () => void (challenge = null),
    close: async () => undefined,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);
const loadBefore = loadAverage();
const loadSamples: number[] = [];
const loadTimer = setInterval(() => loadSamples.push(os.loadavg()[0]!), 1_000);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-queries-'));
const runtime = await createKioskRuntime(parseConfig({ dataDir }), {
  log: createLogger({ level: 'silent' }),
  composer: null,
  knowledge: loadKnowledgeBase(path.join(repoRoot, 'data', 'kb')),
  withoutDevices: true,
  voice: false,
  faceAnalyzer: matchingFace(),
});
let view!: KioskView;
const listeners = new Set<(v: KioskView) => void>();
runtime.api.subscribe((v) => {
  view = v;
  for (const listener of listeners) listener(v);
});
async function until(check: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > DEADLINE_MS) throw new Error(`timed out waiting for ${what}; phase ${view.phase}, line ${view.robotLine}`);
    await sleep(5);
  }
}

/** A new visit; the citizen asks for a record, types the ID number and looks at the camera until verified. */
async function verify(citizenId: string): Promise<void> {
  if (view.phase !== 'idle') {
    runtime.api.send({ type: 'citizen.end' });
    await until(() => view.phase === 'idle' || view.phase === 'farewell', 'the visit to end');
  }
  const seed = demoCitizenSeeds.find((c) => c.citizenId === citizenId)!;
  runtime.api.send({ type: 'citizen.touch' });
  runtime.api.send({ type: 'citizen.text', text: LINES.query_insurance_status! });
  await until(() => view.faceAuth?.step === 'idInput', 'the number step');
  runtime.api.send({ type: 'auth.idNumber', idNumber: seed.idNumber });
  let seq = 0;
  const start = Date.now();
  while (view.citizen === null) {
    if (Date.now() - start > DEADLINE_MS) throw new Error(`${citizenId} was not verified: step ${view.faceAuth?.step}, line ${view.robotLine}`);
    if (view.faceAuth?.wantFrames) runtime.api.send({ type: 'auth.frame', frame: { jpegBase64: '/9j/', width: 640, height: 480, capturedAt: Date.now(), seq: seq++ } });
    await sleep(40);
  }
  await until(() => view.phase === 'answering', 'the first record');
}

/** Types the line and resolves with the time from the routed intent to the view saying the answer. */
function timeQuery(line: string): Promise<{ ms: number; view: KioskView }> {
  return new Promise((resolve, reject) => {
    let routedAt = 0;
    const timer = setTimeout(() => {
      listeners.delete(onView);
      reject(new Error(`no answer to "${line}" within ${DEADLINE_MS} ms; phase ${view.phase}, line ${view.robotLine}`));
    }, DEADLINE_MS);
    const onView = (v: KioskView) => {
      if (routedAt === 0 || v.phase !== 'answering' || v.answer === null || v.robotLine !== v.answer.spoken) return;
      const ms = performance.now() - routedAt;
      clearTimeout(timer);
      listeners.delete(onView);
      resolve({ ms, view: v });
    };
    listeners.add(onView);
    runtime.api.send({ type: 'citizen.text', text: line });
    routedAt = performance.now();
    // The route was taken inside send(): the visit is fetching the record, nothing has been answered yet.
    if (view.answer !== null) reject(new Error(`"${line}" was answered without a query`));
  });
}

const samples = new Map<ServiceName, number[]>(services.map((s) => [s, []]));
const empty: Record<string, Record<string, boolean>> = {};
for (const citizenId of CITIZENS) {
  await verify(citizenId);
  for (const service of services) {
    const line = LINES[service]!;
    // What the kiosk must say: the query's answer from the same business system (computed outside the timing).
    const slots = routeUtterance(line).slots;
    const expected = personalQueries[service]
      ? await personalQueries[service].answer(runtime.backend.client, citizenId, slots)
      : await openQueries[service]!.answer(runtime.backend.client, slots, citizenId);
    (empty[service] ??= {})[citizenId] = expected.empty;
    for (let run = 0; run < RUNS; run++) {
      const { ms, view: answered } = await timeQuery(line);
      if (answered.answer!.spoken !== expected.spoken || answered.answer!.mode !== 'record') throw new Error(`${service} for ${citizenId}: said "${answered.answer!.spoken}", expected "${expected.spoken}"`);
      if (view.citizen === null) throw new Error('the visit lost its verified citizen');
      samples.get(service)!.push(ms);
    }
  }
}
clearInterval(loadTimer);
const loadAfter = loadAverage();
await runtime.close();
rmSync(dataDir, { recursive: true, force: true });

const all = [...samples.values()].flat();
writeBenchResult('query-duration', {
  measured: 'routed intent (typed line routed, query started) → answer line on the view and to the speech actor; verified visit; built-in business-system simulator over loopback HTTP; no TTS',
  citizens: CITIZENS,
  runsPerQueryPerCitizen: RUNS,
  loadAverage: {
    before: loadBefore,
    after: loadAfter,
    oneMinuteDuringMax: Math.round(Math.max(...loadSamples, 0) * 100) / 100,
    oneMinuteDuringMedian: summarizeMs(loadSamples).median,
  },
  allQueriesMs: summarizeMs(all),
  queries: Object.fromEntries(
    services.map((service) => [
      service,
      { label: SERVICES[service].label, identity: SERVICES[service].identity, line: LINES[service], ms: summarizeMs(samples.get(service)!), emptyAnswer: empty[service] },
    ]),
  ),
});
