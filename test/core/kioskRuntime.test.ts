import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import type { KioskView } from '../../app/api/kioskApi.js';
import { parseConfig } from '../../app/core/config/loadConfig.js';
import { createKioskRuntime, type KioskRuntime } from '../../app/core/kioskRuntime.js';
import { createLogger } from '../../app/core/log/createLogger.js';
import { replayVisit } from '../../app/core/session/replayVisit.js';
import { hearingOffReasons } from '../../app/core/session/robotLines.js';

const dirs: string[] = [];
const runtimes: KioskRuntime[] = [];
afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function startRuntime() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-runtime-'));
  dirs.push(dataDir);
  const clock = new SimulatedClock();
  const runtime = await createKioskRuntime(parseConfig({ dataDir }), { clock, composer: null, log: createLogger({ level: 'silent' }), withoutDevices: true, voice: false });
  runtimes.push(runtime);
  let view: KioskView | undefined;
  runtime.api.subscribe((v) => (view = v));
  return { runtime, clock, view: () => view! };
}

const settle = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('kiosk runtime (real session machine, real knowledge base, SQLite)', () => {
  it('answers a typed question from the knowledge base with its source', async () => {
    const { runtime, view } = await startRuntime();
    expect(view().phase).toBe('idle');
    runtime.api.send({ type: 'citizen.touch' });
    expect(view().phase).toBe('greeting');
    runtime.api.send({ type: 'citizen.text', text: '失业金怎么领' });
    await settle(() => view().phase === 'answering');
    const answer = view().answer!;
    expect(answer.mode).toBe('kb');
    expect(answer.offerStaff).toBe(false);
    expect(answer.sources[0]!.doc).toMatch(/^D\d\d$/);
    expect(answer.spoken.length).toBeGreaterThan(5);
    // Every line the robot says is also a subtitle (greeting, 我查一下, the answer), for citizens who hear badly.
    expect(view().subtitles.map((s) => s.who)).toEqual(['robot', 'citizen', 'robot', 'robot']);
    expect(view().subtitles.at(-1)!.text).toBe(answer.spoken);
  });

  it('declines an off-topic question and offers staff', async () => {
    const { runtime, view } = await startRuntime();
    runtime.api.send({ type: 'citizen.text', text: '明天青岛会下雨吗' });
    await settle(() => view().phase === 'answering');
    expect(view().answer!.offerStaff).toBe(true);
    expect(view().answer!.sources).toEqual([]);
    runtime.api.send({ type: 'citizen.tapService', service: 'call-staff' });
    await settle(() => runtime.staffRequests.list().length > 0);
    expect(runtime.staffRequests.list()).toHaveLength(1);
    expect(runtime.staffRequests.list()[0]!.reason).toBe('kb-cannot-answer');
  });

  it('keeps an event log per visit without what the citizen typed, and wipes the visit on farewell', async () => {
    const { runtime, clock, view } = await startRuntime();
    runtime.api.send({ type: 'citizen.text', text: '我的身份证号是370202199001011234，养老金怎么查' });
    // A personal question, with an ID number typed into it: the kiosk asks for the number on its own keypad and checks
    // the face first; the number in the text is neither used nor kept.
    await settle(() => view().faceAuth?.step === 'idInput');
    expect(view().faceAuth?.step).toBe('idInput');
    expect(view().answer).toBeNull();
    const sessionId = view().sessionId!;
    runtime.api.send({ type: 'citizen.end' });
    clock.increment(10_000);
    expect(view().phase).toBe('idle');
    expect(view().subtitles).toEqual([]);
    const events = runtime.sessionEvents.events(sessionId);
    expect(events.slice(0, 2).map((e) => e.type)).toEqual(['visit.started', 'citizen.text']);
    expect(events.map((e) => e.type)).toContain('said');
    expect(events.filter((e) => e.type === 'transition').map((e) => (e.detail as { to: string }).to)).toContain('personalQuery.checkingIdentity');
    const clear = JSON.stringify(events.map((e) => [e.type, e.detail]));
    expect(clear).not.toContain('370202199001011234');
    expect(clear).not.toContain('养老金怎么查');
    expect(JSON.stringify(events)).not.toContain('370202199001011234');
    const [session] = runtime.sessionEvents.recentSessions(1);
    expect(session!.endReason).toBe('citizen-ended');
  });

  it('says why the robot cannot hear when voice is off, and replays a stored visit to what the citizen saw', async () => {
    const { runtime, clock, view } = await startRuntime();
    expect(view().voice).toEqual({ enabled: false, reason: hearingOffReasons.disabled });
    const seen: string[] = [];
    runtime.api.subscribe((v) => { if (seen.at(-1) !== v.robotLine) seen.push(v.robotLine); });
    runtime.api.send({ type: 'citizen.text', text: '失业金怎么领' });
    await settle(() => view().phase === 'answering');
    const sessionId = view().sessionId!;
    runtime.api.send({ type: 'citizen.end' });
    clock.increment(10_000);
    const replayed = replayVisit(runtime.sessionEvents.events(sessionId), {
      timing: parseConfig({}).session,
      robotName: parseConfig({}).hall.robotName,
      places: parseConfig({}).places,
      unseal: runtime.unseal,
    });
    expect(replayed.frames.map((f) => f.robotLine).filter((line, i, all) => line !== all[i - 1])).toEqual(seen);
  });
});
