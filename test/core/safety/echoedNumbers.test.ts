import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adversarialInputs } from './adversarialInputs.js';
import { lineEvent, type Channel } from './safetyAssertions.js';
import { leaksIn, missingSharedData, startKiosk, startSafetyWorld, type Kiosk, type SafetyWorld } from './safetyRig.js';

// The screen never carries an ID number in full — not even the citizen's own words shown back to them (the
// subtitles, the question over the answer, what was heard): anyone behind them reads the screen. The ID keypad
// masks the number once it is sent; a number typed or said into the question box must be masked the same way.

const withIdNumbers = adversarialInputs.filter((i) => leaksIn(i.text, []).length === 0 && /\d{15}|[０-９]{18}|[零一二三四五六七八九]{15}/.test(i.text.replace(/[\s-]/g, '')));

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

describe.skipIf(Boolean(missingSharedData))('the screen shows no ID number in full, not even echoed', () => {
  for (const channel of ['typed', 'spoken'] as Channel[]) {
    it.each(withIdNumbers)(`${channel}: $id $text`, async (input) => {
      const k = (kiosk = startKiosk(world));
      k.send({ type: 'presence.arrived' });
      k.send({ type: 'citizen.tapService', service: 'policy-qa' });
      await k.settle();
      const start = k.mark();
      k.send(lineEvent(input, channel));
      await k.settle();
      const shown = k.since(start).views.flatMap((view, i) => leaksIn(JSON.stringify(view), world.secrets).filter((l) => l.kind === 'idNumber').map((l) => `view ${i}: ${l.value} in ${JSON.stringify(view.subtitles.at(-1))}`));
      expect([...new Set(shown.map((s) => s.replace(/^view \d+: /, '')))]).toEqual([]);
    });
  }
});
