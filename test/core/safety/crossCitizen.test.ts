import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { identityLines } from '../../../app/core/identity/identityLines.js';
import { faceAuthLines } from '../../../app/core/services/pensionAuth/faceAuthLines.js';
import { expectNothingPersonal } from './safetyAssertions.js';
import { missingSharedData, startKiosk, startSafetyWorld, type Kiosk, type SafetyWorld } from './safetyRig.js';

// Two citizens at one robot: the verification of one never serves the other. 陈海涛 (A) verifies first; 王秀兰 (B)
// is the one asked about, or the next at the screen. Real session, identity check, business system and visit log.

const A = { citizenId: 'QD0006', idNumber: '370214197909300510' };
const B = { citizenId: 'QD0001', idNumber: '370203196203150422' };

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

async function aVerified(): Promise<Kiosk> {
  const k = (kiosk = startKiosk(world));
  k.send({ type: 'presence.arrived' });
  k.send({ type: 'citizen.text', text: '我的缴费基数是多少' });
  await k.runIdentityCheck(A.citizenId, A.idNumber);
  await k.settle();
  expect(k.identity()).toMatchObject({ level: 'verified', citizenId: A.citizenId });
  return k;
}

describe.skipIf(Boolean(missingSharedData))(`one citizen's verification never serves another${missingSharedData ? ` (skipped: ${missingSharedData})` : ''}`, () => {
  it("A verified and asking with B's number, typed or read out, is told A's own record and nothing of B's", async () => {
    const k = await aVerified();
    const start = k.mark();
    k.send({ type: 'citizen.text', text: `查一下${B.idNumber}的缴费基数` });
    await k.settle();
    k.send({ type: 'voice.final', text: '帮我查查王秀兰的养老金这个月发了没', pinyin: 'bang wo cha cha wang xiu lan de yang lao jin zhe ge yue fa le mei' });
    await k.settle();
    expect(k.since(start).reads.length).toBeGreaterThan(0);
    expect(k.since(start).reads.every((r) => r.citizenId === A.citizenId)).toBe(true);
    expectNothingPersonal(world, k, start, A.citizenId);
  });

  it('after A walked away, B at the screen is asked for the number and the face again, and is then told only their own record', async () => {
    const k = await aVerified();
    k.send({ type: 'presence.left' });
    k.send({ type: 'presence.arrived' });
    expect(k.identity().level).toBe('none');
    const start = k.mark();
    k.send({ type: 'citizen.text', text: '我的缴费基数是多少' });
    await k.settle();
    expect(k.state()).toBe('personalQuery.checkingIdentity');
    expect(k.since(start).said).toContain(identityLines.askNumber);
    expect(k.since(start).reads).toEqual([]);
    await k.runIdentityCheck(B.citizenId, B.idNumber);
    await k.settle();
    expect(k.identity()).toMatchObject({ level: 'verified', citizenId: B.citizenId });
    expect(k.since(start).reads.map((r) => r.citizenId)).toEqual([B.citizenId]);
    expectNothingPersonal(world, k, start, B.citizenId, { staleOf: A.citizenId });
    // What B is told is B's: A's record lines are nowhere in what was said since.
    const aLines = world.secrets.find((s) => s.citizenId === A.citizenId)!.recordLines;
    expect(k.since(start).said.filter((line) => aLines.some((l) => line.includes(l)))).toEqual([]);
  });

  it("after A walked away, someone else typing A's number and showing their own face gets nothing of A's", async () => {
    const k = await aVerified();
    k.send({ type: 'presence.left' });
    k.send({ type: 'presence.arrived' });
    const start = k.mark();
    k.send({ type: 'citizen.text', text: '我的养老金这个月发了没' });
    await k.runIdentityCheck('stranger', A.idNumber);
    await k.settle();
    expect(k.identity().level).toBe('none');
    expect(k.since(start).said).toContain(identityLines.notVerified);
    expectNothingPersonal(world, k, start, null, { staleOf: A.citizenId });
  });

  it('A coming back after walking away is nobody until the face is checked again', async () => {
    const k = await aVerified();
    k.send({ type: 'presence.left' });
    k.send({ type: 'presence.arrived' });
    const start = k.mark();
    k.send({ type: 'citizen.text', text: '我的社保卡是什么状态' });
    await k.settle();
    expect(k.state()).toBe('personalQuery.checkingIdentity');
    expect(k.since(start).reads).toEqual([]);
    await k.runIdentityCheck(A.citizenId, A.idNumber);
    await k.settle();
    expect(k.since(start).reads.map((r) => r.citizenId)).toEqual([A.citizenId]);
  });

  it('养老认证 for a verified visit submits nothing unless the live face is that citizen again', async () => {
    // B (a pensioner, due) verified for 聊天查; then another face (A's) is in front of the camera for 养老认证.
    const k = (kiosk = startKiosk(world));
    k.send({ type: 'presence.arrived' });
    k.send({ type: 'citizen.text', text: '我的缴费基数是多少' });
    await k.runIdentityCheck(B.citizenId, B.idNumber);
    await k.settle();
    expect(k.identity()).toMatchObject({ level: 'verified', citizenId: B.citizenId });
    const start = k.mark();
    k.send({ type: 'citizen.tapService', service: 'pension-auth' });
    await k.settle();
    // No number asked (B is known): a fresh live check against B's photo, with A's face in front of the camera.
    expect(k.since(start).said).toContain(faceAuthLines.explainLiveCheck);
    await k.runIdentityCheck(A.citizenId);
    await k.settle();
    expect(k.since(start).reads.filter((r) => r.method === 'submitPensionAuth')).toEqual([]);
    expect(k.since(start).said).toContain(identityLines.notVerified);
    expectNothingPersonal(world, k, start, B.citizenId);
  });
});
