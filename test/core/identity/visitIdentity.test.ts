import { describe, expect, it } from 'vitest';
import { identityAllows, noIdentity } from '../../../app/core/identity/visitIdentity.js';
import { SERVICE_NAMES, SERVICES } from '../../../app/core/nlu/serviceCatalogue.js';
import { startSession } from '../session/sessionHarness.js';

const verified = { level: 'verified' as const, citizenId: 'C1', idNumberMasked: '3702**********0422', nameMasked: '王*兰', verifiedAt: 0 };


describe('visit identity', () => {
  it('lets anyone start what needs no identity, and nothing personal before the face is verified', () => {
    for (const service of SERVICE_NAMES) {
      expect(identityAllows(service, noIdentity), service).toBe(SERVICES[service].identity === 'none');
      expect(identityAllows(service, verified), service).toBe(true);
    }
  });

  it('is nobody at the start of a visit; a verified face is kept until it leaves or the visit ends', () => {
    const { actor, clock } = startSession();
    actor.send({ type: 'identity.verified', citizenId: 'C1', idNumberMasked: '3702**********0422', nameMasked: '王*兰' });
    expect(actor.getSnapshot().context.identity).toEqual(noIdentity);

    actor.send({ type: 'citizen.touch' });
    expect(actor.getSnapshot().context.identity).toEqual(noIdentity);
    clock.increment(1_000);
    actor.send({ type: 'identity.verified', citizenId: 'C1', idNumberMasked: '3702**********0422', nameMasked: '王*兰' });
    expect(actor.getSnapshot().context.identity).toEqual({ level: 'verified', citizenId: 'C1', idNumberMasked: '3702**********0422', nameMasked: '王*兰', verifiedAt: 1_000 });

    actor.send({ type: 'presence.left' });
    expect(actor.getSnapshot().context.identity).toEqual(noIdentity);

    actor.send({ type: 'identity.verified', citizenId: 'C1', idNumberMasked: '3702**********0422', nameMasked: '王*兰' });
    actor.send({ type: 'citizen.end' });
    clock.increment(5_000);
    expect(actor.getSnapshot().context.sessionId).toBeNull();
    expect(actor.getSnapshot().context.identity).toEqual(noIdentity);
  });
});
