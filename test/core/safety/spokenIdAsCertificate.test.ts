import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificateNumber } from '../../../app/core/nlu/spokenCertificateNumber.js';
import { toTonelessPinyin } from '../../../app/core/nlu/toPinyin.js';
import { spokenForm } from './adversarialInputs.js';
import { expectNothingPersonal, lineEvent } from './safetyAssertions.js';
import { missingSharedData, startKiosk, startSafetyWorld, type Kiosk, type SafetyWorld } from './safetyRig.js';

// An old (15-digit) ID number read out before 灵活就业: the 灵 of 灵活 is heard as a digit (ling), the run becomes 16
// digits. It was taken for a skill-certificate number — looked up in the business system and written back on the
// screen in full ("您说的编号：3702036203150420"); an ID number inside a run is never a certificate number now.

const SAID = '老身份证号370203620315042，灵活就业怎么交';

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

describe('an ID number read out is never a certificate number', () => {
  it('the slot', () => {
    const text = spokenForm(SAID);
    expect(parseCertificateNumber(text, toTonelessPinyin(text))).toBeNull();
  });

  it.skipIf(Boolean(missingSharedData))('through the kiosk: nothing looked up, nothing of the number on screen', async () => {
    const k = (kiosk = startKiosk(world));
    k.send({ type: 'presence.arrived' });
    await k.settle();
    const start = k.mark();
    k.send(lineEvent({ text: SAID }, 'spoken'));
    await k.settle();
    expectNothingPersonal(world, k, start, null);
  });
});
