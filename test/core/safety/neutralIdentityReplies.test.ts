import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KioskView } from '../../../app/api/kioskApi.js';
import { DEMO_UNREGISTERED_ID_NUMBER } from '../../../app/core/backend/simulator/demoCitizens.js';
import { identityLines } from '../../../app/core/identity/identityLines.js';
import { expectNothingPersonal } from './safetyAssertions.js';
import { missingSharedData, startKiosk, startSafetyWorld, type Kiosk, type SafetyWorld } from './safetyRig.js';

// Until the face matched, the kiosk's replies do not depend on the number: an unknown number, a citizen with no
// insurance record, one who is not a pensioner, one already authenticated this year, a pensioner who is due, one
// with no photo on file — the same lines, in the same order, the same screens, the same outcome, the same staff
// call, typed or read out, for 聊天查 and for 养老认证. The face in front of the camera is 赵磊's (insured, his own
// photo on file): someone trying numbers that are not theirs. Real session, identity check, business system.

const NUMBERS = {
  unknown: DEMO_UNREGISTERED_ID_NUMBER,
  'not insured (孙悦, no record, no photo)': '370215200207210861',
  'not a pensioner (李志强)': '370211198506180177',
  'already authenticated (张建国)': '370202195608020350',
  'pensioner, due (王秀兰)': '370203196203150422',
  'no photo on file (吴国华)': '370285196805090150',
} as const;
const ATTACKER = 'QD0007';

let world: SafetyWorld;
let kiosk: Kiosk | null = null;
beforeAll(async () => {
  if (!missingSharedData) world = await startSafetyWorld();
});
afterAll(async () => world?.close());
afterEach(() => {
  kiosk?.close();
  kiosk = null;
});

/** A view as a citizen could compare two of them: the masked number (it shows the last digits typed) aside. */
function comparable(view: KioskView): unknown {
  return { ...view, faceAuth: view.faceAuth ? { ...view.faceAuth, idNumberMasked: view.faceAuth.idNumberMasked ? 'masked' : null } : null };
}

/** Drops consecutive repeats (a re-render with nothing new for the citizen). */
function changes<T>(items: T[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const text = JSON.stringify(item);
    if (out.at(-1) !== text) out.push(text);
  }
  return out;
}

type Flow = '聊天查' | '养老认证';
type Entry = 'typed' | 'spoken';

/** Everything the citizen at the screen can observe of one try with `idNumber`, and what was kept in clear. */
async function attempt(flow: Flow, entry: Entry, idNumber: string) {
  const k = (kiosk = startKiosk(world));
  k.send({ type: 'presence.arrived' });
  await k.settle();
  const start = k.mark();
  if (flow === '聊天查') k.send({ type: 'citizen.text', text: '我的养老金这个月发了没' });
  else k.send({ type: 'citizen.tapService', service: 'pension-auth' });
  await k.runIdentityCheck(ATTACKER, idNumber, entry);
  await k.settle();
  // The result stays on screen for a while, then the visit goes on (staff are called after failed attempts).
  k.clock.increment(10_000);
  await k.settle();
  const seen = k.since(start);
  expectNothingPersonal(world, k, start, null);
  const staffCalls = (k.db.prepare('SELECT reason FROM staff_requests ORDER BY id').all() as { reason: string }[]).map((r) => r.reason);
  const visitLog = (k.db.prepare('SELECT seq, type, detail FROM session_events ORDER BY seq').all() as { type: string; detail: string }[]).map((r) => `${r.type} ${r.detail}`);
  const observed = {
    said: seen.said,
    screens: changes(seen.views.map(comparable)),
    state: k.state(),
    identity: k.identity(),
    staffCalls,
    visitLog,
    reads: seen.reads,
  };
  kiosk.close();
  kiosk = null;
  return observed;
}

describe.skipIf(Boolean(missingSharedData))(`the identity check's replies do not depend on the number${missingSharedData ? ` (skipped: ${missingSharedData})` : ''}`, () => {
  for (const flow of ['聊天查', '养老认证'] as const) {
    for (const entry of ['typed', 'spoken'] as const) {
      it(`${flow}, the number ${entry}: unknown, not insured, not a pensioner, already authenticated, due and no photo look the same`, async () => {
        const tries = [];
        for (const idNumber of Object.values(NUMBERS)) tries.push(await attempt(flow, entry, idNumber));
        const [first, ...others] = tries;
        // Not vacuous: the check ran to its end, failed, fetched nothing and called staff.
        expect(first!.said).toContain(identityLines.notVerified);
        expect(first!.identity.level).toBe('none');
        expect(first!.reads).toEqual([]);
        expect(first!.staffCalls.length).toBe(1);
        others.forEach((other, i) => expect({ number: Object.keys(NUMBERS)[i + 1], ...other }).toEqual({ number: Object.keys(NUMBERS)[i + 1], ...first }));
      });
    }
  }

  it('typed and read out, the same number gets the same replies', async () => {
    const typed = await attempt('聊天查', 'typed', NUMBERS['pensioner, due (王秀兰)']);
    const spoken = await attempt('聊天查', 'spoken', NUMBERS['pensioner, due (王秀兰)']);
    expect(spoken.said).toEqual(typed.said);
    expect(spoken.screens).toEqual(typed.screens);
  });

  it('the fourth different number of a visit is refused the same way, known or unknown', async () => {
    const fourth = async (last: string) => {
      const k = (kiosk = startKiosk(world));
      k.send({ type: 'presence.arrived' });
      for (const idNumber of [NUMBERS['not a pensioner (李志强)'], NUMBERS['already authenticated (张建国)'], NUMBERS['no photo on file (吴国华)']]) {
        k.send({ type: 'citizen.text', text: '我的缴费基数是多少' });
        await k.runIdentityCheck(ATTACKER, idNumber);
        k.clock.increment(10_000);
        await k.settle();
      }
      const start = k.mark();
      k.send({ type: 'citizen.text', text: '我的缴费基数是多少' });
      await k.runIdentityCheck(ATTACKER, last);
      await k.settle();
      const seen = k.since(start);
      expectNothingPersonal(world, k, start, null);
      const result = { said: seen.said, screens: changes(seen.views.map(comparable)), state: k.state() };
      k.close();
      kiosk = null;
      return result;
    };
    const known = await fourth(NUMBERS['pensioner, due (王秀兰)']);
    const unknown = await fourth(NUMBERS.unknown);
    expect(known.said).toContain(identityLines.limitReached);
    expect(unknown).toEqual(known);
  });

  it("a number's daily limit of failed checks is reached the same way, known or unknown, across visits", async () => {
    const untilLimited = async (idNumber: string) => {
      const k = (kiosk = startKiosk(world));
      const visits: string[][] = [];
      for (let visit = 0; visit < 3; visit++) {
        k.send({ type: 'presence.arrived' });
        const start = k.mark();
        k.send({ type: 'citizen.text', text: '我的社保卡是什么状态' });
        await k.runIdentityCheck(ATTACKER, idNumber);
        await k.settle();
        visits.push(k.since(start).said);
        expectNothingPersonal(world, k, start, null);
        // The citizen says goodbye; the next visit is someone new on the same kiosk (the same count of failures).
        k.send({ type: 'citizen.end' });
        k.clock.increment(60_000);
        await k.settle();
      }
      k.close();
      kiosk = null;
      return visits;
    };
    const known = await untilLimited(NUMBERS['pensioner, due (王秀兰)']);
    const unknown = await untilLimited(NUMBERS.unknown);
    expect(known.at(-1)).toContain(identityLines.limitReached);
    expect(unknown).toEqual(known);
  });
});
