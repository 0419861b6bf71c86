// Motion-controller link over a socat pty pair: command round trip (codec + ACK), one-way frame rate, time to notice
// a pulled cable, time to be back after replug, time for a move to settle after an e-stop or a bumper hit. Client
// with its product defaults; the simulator as the base.
// PTYs ignore the baud rate: the figures are the software's, not a 115200-baud line's (see lineLimit below).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { openPtyPair, type PtyPair } from '../app/core/devices/index.js';
import {
  createMotionClient,
  DeviceFrameReader,
  encodeCommand,
  encodeFrame,
  encodeTelemetry,
  FrameParser,
  startMotionSimulator,
  writeDeviceFrame,
  type MotionClient,
  type MotionClientOptions,
  type RobotEvent,
} from '../robot/index.js';
import { percentile, summarizeMs, writeBenchResult } from './benchResult.js';

const ROUND_TRIPS = 2_000;
const ONE_WAY_FRAMES = 50_000;
const CABLE_TRIALS = 7;
const clientDefaults = { ackTimeoutMs: 100, maxRetries: 3, heartbeatMs: 200, linkTimeoutMs: 1_000, reconnectMs: 500 } satisfies Partial<MotionClientOptions>;

const dir = mkdtempSync(path.join(os.tmpdir(), 'robot-bench-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function nextEvent(client: MotionClient, match: (e: RobotEvent) => boolean, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('event did not come'));
    }, timeoutMs);
    const off = client.subscribe((e) => {
      if (!match(e)) return;
      clearTimeout(timer);
      off();
      resolve(performance.now());
    });
  });
}
const isConnection = (state: 'connected' | 'disconnected') => (e: RobotEvent) => e.type === 'robot.connection' && e.state === state;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { ...summarizeMs(samples), p99: r(percentile(sorted, 99)), mean: r(samples.reduce((a, b) => a + b, 0) / samples.length), min: r(sorted[0]!) };
}

// ── command round trip ─────────────────────────────────────────────────────────────────────────────────────
let pair: PtyPair = await openPtyPair({ dir, name: 'base' });
const sim = await startMotionSimulator({ path: pair.devicePath });
const client = createMotionClient({ ...clientDefaults, path: pair.kioskPath });
if (!(await client.waitForConnection(5_000))) throw new Error('no connection');

for (let i = 0; i < 200; i++) await client.headPanTilt({ pan: i % 2 ? 5 : -5, tilt: 0 }); // warm-up
const roundTrips: number[] = [];
const before = client.stats();
for (let i = 0; i < ROUND_TRIPS; i++) {
  const started = performance.now();
  const result = await client.headPanTilt({ pan: (i % 180) - 90, tilt: 0 });
  roundTrips.push(performance.now() - started);
  if (result.outcome !== 'accepted') throw new Error(`command ${i}: ${result.outcome}`);
}
const after = client.stats();
const commandRoundTrip = { ...stats(roundTrips), retransmissions: after.retransmissions - before.retransmissions, command: 'HEAD_PAN_TILT (12-byte frame) → ACK (12-byte frame)' };

// ── cable pull: detection and recovery ────────────────────────────────────────────────────────────────────────
const detectPull: number[] = [];
const recoverFromReplugStart: number[] = [];
const recoverFromLinksPresent: number[] = [];
for (let trial = 0; trial < CABLE_TRIALS; trial++) {
  await sleep(150);
  const lost = nextEvent(client, isConnection('disconnected'), 5_000);
  const pulledAt = performance.now();
  await pair.close();
  detectPull.push((await lost) - pulledAt);
  await sleep(300 + trial * 71); // unplugged for a while; vary where the replug falls in the reconnect period
  const back = nextEvent(client, isConnection('connected'), 10_000);
  const replugAt = performance.now();
  pair = await openPtyPair({ dir, name: 'base' });
  const linksAt = performance.now();
  const connectedAt = await back;
  recoverFromReplugStart.push(connectedAt - replugAt);
  recoverFromLinksPresent.push(connectedAt - linksAt);
}

// A base that stops answering (not a vanished port): heartbeat loss.
const detectSilence: number[] = [];
for (let trial = 0; trial < 3; trial++) {
  await sleep(200);
  const lost = nextEvent(client, isConnection('disconnected'), 5_000);
  const silentAt = performance.now();
  sim.faults.silence(true);
  detectSilence.push((await lost) - silentAt);
  sim.faults.silence(false);
  await nextEvent(client, isConnection('connected'), 10_000);
}
// Safety: a move in progress settles (the client hears the base's e-stop or bumper telemetry) how soon after the press.
const SAFETY_TRIALS = 10;
const estopSettle: number[] = [];
const bumperSettle: number[] = [];
const untilEvent = (match: (e: RobotEvent) => boolean) => nextEvent(client, match, 5_000);
for (let trial = 0; trial < SAFETY_TRIALS; trial++) {
  const move = client.velocity({ linear: 0.3, angular: 0, durationMs: 3_000 });
  await untilEvent((e) => e.type === 'robot.progress');
  const pressedAt = performance.now();
  sim.faults.estop(true);
  const result = await move;
  estopSettle.push(performance.now() - pressedAt);
  if (result.outcome !== 'e-stop') throw new Error(`e-stop trial ${trial}: ${result.outcome}`);
  sim.faults.estop(false);
  await untilEvent((e) => e.type === 'robot.estop' && !e.pressed);
  if ((await client.resetEstop()).outcome !== 'accepted') throw new Error('e-stop reset refused');

  const bumped = client.velocity({ linear: -0.3, angular: 0, durationMs: 3_000 });
  await untilEvent((e) => e.type === 'robot.progress');
  const hitAt = performance.now();
  sim.faults.bumper(true);
  const bumpResult = await bumped;
  bumperSettle.push(performance.now() - hitAt);
  if (bumpResult.outcome !== 'bumper') throw new Error(`bumper trial ${trial}: ${bumpResult.outcome}`);
  sim.faults.bumper(false);
  await untilEvent((e) => e.type === 'robot.bumper' && !e.pressed);
}

await client.close();
await sim.stop();
await pair.close();

// ── one-way frame rate ────────────────────────────────────────────────────────────────────────────────────────
async function oneWay(name: string, frames: Buffer[], parse: (port: SerialPort, onFrame: () => void) => void) {
  const raw = await openPtyPair({ dir, name });
  const open = (p: string) => new Promise<SerialPort>((resolve, reject) => {
    const port = new SerialPort({ path: p, baudRate: 115_200 }, (e) => (e ? reject(e) : resolve(port)));
  });
  const writer = await open(raw.kioskPath);
  const reader = await open(raw.devicePath);
  let received = 0;
  const all = new Promise<number>((resolve) =>
    parse(reader, () => {
      if (++received === frames.length) resolve(performance.now());
    }),
  );
  const started = performance.now();
  for (const frame of frames) {
    if (!writer.write(frame)) await new Promise((r) => writer.once('drain', r));
  }
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([all, new Promise<number>((r) => (timer = setTimeout(() => r(NaN), 60_000)))]);
  clearTimeout(timer);
  const seconds = (done - started) / 1000;
  await new Promise((r) => writer.close(r));
  await new Promise((r) => reader.close(r));
  await raw.close();
  const bytes = frames.reduce((n, f) => n + f.length, 0);
  return { frames: frames.length, received, frameBytes: frames[0]!.length, seconds: Math.round(seconds * 1000) / 1000, framesPerSecond: Math.round(frames.length / seconds), megabytesPerSecond: Math.round((bytes / seconds / 1e6) * 100) / 100 };
}

const goTo = encodeCommand({ kind: 'goTo', taskId: 1, target: { x: 12.5, y: -3.2, heading: 90 }, maxSpeed: null });
const kioskToBase = await oneWay(
  'k2b',
  Array.from({ length: ONE_WAY_FRAMES }, (_, i) => encodeFrame({ seq: 1 + (i % 255), ...goTo })),
  (port, onFrame) => {
    const r = new DeviceFrameReader();
    port.on('data', (chunk: Buffer) => r.feed(chunk, onFrame));
  },
);
const telemetry = encodeTelemetry(sim.snapshot());
const baseToKiosk = await oneWay(
  'b2k',
  Array.from({ length: ONE_WAY_FRAMES }, () => writeDeviceFrame(0, telemetry.type, telemetry.payload)),
  (port, onFrame) => {
    const parser = new FrameParser();
    parser.on('data', onFrame);
    port.pipe(parser);
  },
);
rmSync(dir, { recursive: true, force: true });

const lineLimit = (frameBytes: number) => Math.floor(115_200 / 10 / frameBytes);
writeBenchResult('robot-link', {
  clientOptions: clientDefaults,
  commandRoundTripMs: commandRoundTrip,
  oneWay: {
    kioskToBase: { ...kioskToBase, frame: 'GO_TO', parser: 'simulator DeviceFrameReader', at115200BaudMax: lineLimit(kioskToBase.frameBytes) },
    baseToKiosk: { ...baseToKiosk, frame: 'TELEMETRY', parser: 'client FrameParser', at115200BaudMax: lineLimit(baseToKiosk.frameBytes) },
  },
  cablePullDetectMs: { ...stats(detectPull), how: 'socat killed (both pty ends vanish) → robot.connection disconnected' },
  silenceDetectMs: { ...stats(detectSilence), how: 'base stops sending → heartbeat loss (linkTimeoutMs 1000)' },
  safetySettleMs: {
    estop: stats(estopSettle),
    bumper: stats(bumperSettle),
    how: 'velocity move in progress → fault on the simulated base → the move settles e-stop / bumper in the client (the base reports a safety change at once, not at its next telemetry tick)',
  },
  replugRecoverMs: {
    fromReplugStart: stats(recoverFromReplugStart),
    fromLinksPresent: stats(recoverFromLinksPresent),
    how: 'openPtyPair on the same paths → robot.connection connected (reopen every reconnectMs 500, HELLO, first telemetry)',
  },
});
