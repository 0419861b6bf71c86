import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kioskWrittenText, leaksIn, missingSharedData, startKiosk, startSafetyWorld, type Kiosk, type SafetyWorld } from './safetyRig.js';

// After the verified citizen walks away (presence.left), the next person at the screen must not see what the robot
// told them: not on the screen (the answer, the robot's line, the subtitles), not in what the robot says next.

const A = { citizenId: 'QD0006', idNumber: '370214197909300510' };

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

describe.skipIf(Boolean(missingSharedData))('the verified citizen walked away', () => {
  it.each([
    ['the next face steps up', [] as string[]],
    ['the next face asks for a record', ['我的缴费基数是多少']],
    ['the next face asks a policy question', ['失业金怎么领']],
  ])('nothing of their record is left on the screen when %s', async (_when, lines) => {
    const k = (kiosk = startKiosk(world));
    k.send({ type: 'presence.arrived' });
    k.send({ type: 'citizen.text', text: '我的缴费基数是多少' });
    await k.runIdentityCheck(A.citizenId, A.idNumber);
    await k.settle();
    expect(k.actor.getSnapshot().context.answer?.mode).toBe('record');
    const start = k.mark();
    k.send({ type: 'presence.left' });
    k.send({ type: 'presence.arrived' });
    for (const text of lines) {
      k.send({ type: 'citizen.text', text });
      await k.settle();
    }
    const shown = k.since(start).views.flatMap((view, i) => leaksIn(kioskWrittenText(view), world.secrets).map((l) => `view ${i}: ${l.kind} ${l.value}`));
    expect(shown).toEqual([]);
  });
});
