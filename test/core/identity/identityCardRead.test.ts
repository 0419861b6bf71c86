// An ID card on the reader while the identity check asks for the number: the number is filled as if typed (the
// screen shows it and the card's name masked), the chip photo is the reference when it was decoded, and everything
// else — limits, the lines said, the neutral replies — is what a typed number gets.
import { fromPromise, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { IdCardSessionEvent } from '../../../app/core/devices/deviceSessionEvents.js';
import type { CardReaderState, IdentityCheckContext, IdentityCheckInput, IdentityCheckOutput, PrepareIdentityInput, PreparedIdentity } from '../../../app/core/identity/identityCheckMachine.js';
import { identityLines } from '../../../app/core/identity/identityLines.js';
import { faceAuthView } from '../../../app/core/services/pensionAuth/faceAuthView.js';
import type { FrameMeasurement } from '../../../app/core/services/pensionAuth/faceAuthTypes.js';
import { childUnderParent } from './childUnderParent.js';
import { decision, fakeIdentityCheck, identityInput, leafOf, measured, newIdentityCalls, oneAttempt, settle, startIdentity, validId, validIdMasked, type IdentityFakes } from './identityCheckHarness.js';

const chip = () => Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 1, 2, 3);
const cardRead = (over: Partial<Extract<IdCardSessionEvent, { type: 'idcard.read' }>> = {}) =>
  ({ type: 'idcard.read', idNumber: validId, name: '王秀兰', photo: chip(), expired: false, ...over }) as const;

/**
 * The real identity check with the harness's fakes, its lookup answering as the service does: a chip photo (when
 * the number came from a card with one) is the reference; otherwise the photo on file, if there is one.
 */
function startCardCheck(options: IdentityFakes & { input?: Partial<IdentityCheckInput> } = {}) {
  const clock = new SimulatedClock();
  const calls = newIdentityCalls();
  const prepared: PrepareIdentityInput[] = [];
  let answer: (context: IdentityCheckContext) => FrameMeasurement = () => measured();
  const child = fakeIdentityCheck(options, calls, () => answer).provide({
    actors: {
      prepareIdentity: fromPromise<PreparedIdentity, PrepareIdentityInput>(async ({ input }) => {
        prepared.push({ subject: input.subject, chipPhoto: input.chipPhoto ? Uint8Array.from(input.chipPhoto) : null });
        const citizenId = options.citizenId === undefined ? 'QD0001' : options.citizenId;
        if (input.chipPhoto) return { citizenId, nameMasked: citizenId ? '王*兰' : null, reference: citizenId !== null, referenceSource: 'chip' };
        const onFile = citizenId !== null && options.reference !== false;
        return { citizenId, nameMasked: citizenId ? '王*兰' : null, reference: onFile, referenceSource: onFile ? 'on-file' : null };
      }),
    },
  });
  const rig = childUnderParent<typeof child, IdentityCheckOutput>(child, identityInput(clock, options.input), clock);
  return {
    ...rig,
    clock,
    calls,
    prepared,
    check: rig.child,
    state: () => leafOf(rig.snapshot().value),
    measure: (next: (context: IdentityCheckContext) => FrameMeasurement) => {
      answer = next;
    },
    view: () => faceAuthView(rig.snapshot(), clock.now())!,
  };
}

const withReader = (state: CardReaderState = 'ready') => ({ input: { cardReaderState: () => state } });

describe('identity check: an ID card fills the number', () => {
  it('a card while the number is asked: the number and the card\'s name masked on screen, the same line as a typed number', async () => {
    const t = startCardCheck(withReader());
    expect(t.view()).toMatchObject({ step: 'idInput', cardHint: identityLines.cardHint, idNumberMasked: null, cardNameMasked: null });
    t.send(cardRead());
    expect(t.view()).toMatchObject({ step: 'lookingUp', idNumberMasked: validIdMasked, cardNameMasked: '王*兰', cardHint: null });
    expect(t.said.map((s) => s.line)).toEqual([identityLines.askNumber, identityLines.preparing]);
    await settle();
    expect(t.state()).toBe('positioning');
    // The same attempt limits as a typed number: admitted under the number.
    expect(t.calls.admitted).toEqual([{ subject: { idNumber: validId }, visitId: null }]);
    expect(t.prepared).toEqual([{ subject: { idNumber: validId }, chipPhoto: chip() }]);
    expect(JSON.stringify(t.view())).not.toContain(validId.slice(6, 14));
    expect(JSON.stringify(t.view())).not.toContain('王秀兰');
  });

  it('the chip photo is the reference: verified against it, and the audit says chip (no number, no name)', async () => {
    const t = startCardCheck({ ...withReader(), decide: () => decision('match') });
    t.send(cardRead());
    await settle();
    await oneAttempt(t);
    expect(t.outputs[0]).toMatchObject({ outcome: 'verified', citizenId: 'QD0001', idNumberMasked: validIdMasked, nameMasked: '王*兰' });
    expect(t.verified).toEqual([{ type: 'identity.verified', citizenId: 'QD0001', idNumberMasked: validIdMasked, nameMasked: '王*兰' }]);
    expect(t.calls.audit).toEqual([expect.objectContaining({ citizenId: 'QD0001', outcome: 'verified', reference: 'chip' })]);
    expect(JSON.stringify(t.calls.audit)).not.toMatch(/370203|王秀兰/);
  });

  it('no photo decoded (no licensed decoder): the photo on file is the reference, as for a typed number', async () => {
    const t = startCardCheck({ ...withReader(), decide: () => decision('match') });
    t.send(cardRead({ photo: null }));
    await settle();
    expect(t.prepared).toEqual([{ subject: { idNumber: validId }, chipPhoto: null }]);
    await oneAttempt(t);
    expect(t.outputs[0]!.outcome).toBe('verified');
    expect(t.calls.audit[0]!.reference).toBe('on-file');
  });

  it('an expired card fills the number, but its (old) photo is not the reference: the photo on file is', async () => {
    const t = startCardCheck(withReader());
    t.send(cardRead({ expired: true }));
    await settle();
    expect(t.snapshot().context.idNumberMasked).toBe(validIdMasked);
    expect(t.prepared).toEqual([{ subject: { idNumber: validId }, chipPhoto: null }]);
  });

  it('a face that is not the card\'s holder is refused with the neutral lines, and counts against the number', async () => {
    const t = startCardCheck({ ...withReader(), decide: () => decision('no-match') });
    t.send(cardRead());
    await settle();
    for (let i = 0; i < 3 && t.outputs.length === 0; i++) await oneAttempt(t);
    expect(t.verified).toEqual([]);
    expect(t.outputs[0]).toMatchObject({ outcome: 'not-verified', line: identityLines.notVerified, staffReason: 'identity-review' });
    expect(t.calls.failedChecks).toEqual([{ idNumber: validId }, { idNumber: validId }, { idNumber: validId }]);
  });

  it('neutral: typed or from a card, known or unknown number, a wrong face — the same lines and the same end', async () => {
    const runs = [];
    for (const [name, options, card] of [
      ['typed, wrong face', { decide: () => decision('no-match') }, false],
      ['card, wrong face', { decide: () => decision('no-match') }, true],
      // A card whose number the business system does not know: vision/ may even match the chip photo; nobody to verify.
      ['card, unknown number', { citizenId: null, decide: () => decision('match') }, true],
      ['card, no photo decoded, no photo on file', { reference: false }, 'no-photo'],
    ] as const) {
      const t = startCardCheck({ ...withReader(), ...options });
      if (card === false) t.send({ type: 'auth.idNumber', idNumber: validId });
      else t.send(cardRead(card === 'no-photo' ? { photo: null } : {}));
      await settle();
      for (let i = 0; i < 3 && t.outputs.length === 0; i++) await oneAttempt(t);
      expect(t.verified, name).toEqual([]);
      const { attempts: _a, similarity: _s, liveness: _l, ...end } = t.outputs[0]! as unknown as Record<string, unknown>;
      runs.push({ said: t.said.map((s) => s.line), end, steps: t.calls.startChallenge.length });
    }
    for (const run of runs) expect(run).toEqual(runs[0]);
  });

  it('a card outside the number step changes nothing (the number is already being checked)', async () => {
    const t = startCardCheck(withReader());
    t.send({ type: 'auth.idNumber', idNumber: validId });
    await settle();
    t.send(cardRead({ idNumber: '370202195608020350', name: '张建国' }));
    await settle();
    expect(t.state()).toBe('positioning');
    expect(t.snapshot().context).toMatchObject({ idNumber: validId, idNumberMasked: validIdMasked, cardNameMasked: null, chipPhoto: null });
    expect(t.calls.admitted).toHaveLength(1);
  });

  it('the keypad hint follows the reader: shown when ready, gone when it faults, back when it is restored; none without a reader', () => {
    const t = startCardCheck(withReader());
    expect(t.view().cardHint).toBe(identityLines.cardHint);
    t.send({ type: 'idcard.fault', kind: 'disconnected' });
    expect(t.view().cardHint).toBeNull();
    // The keypad still works.
    expect(t.view().step).toBe('idInput');
    t.send({ type: 'idcard.restored' });
    expect(t.view().cardHint).toBe(identityLines.cardHint);
    expect(startCardCheck(withReader('faulted')).view().cardHint).toBeNull();
    const none = startCardCheck();
    expect(none.view().cardHint).toBeNull();
    none.send({ type: 'idcard.restored' });
    expect(none.view().cardHint).toBeNull();
  });

  it('a visit\'s verified citizen is not asked the number: no hint, a card changes nothing', async () => {
    const t = startIdentity({ input: { known: { citizenId: 'QD0001', idNumberMasked: validIdMasked, nameMasked: '王*兰' }, cardReaderState: () => 'ready' } });
    expect(faceAuthView(t.snapshot(), 0)!.cardHint).toBeNull();
    t.send(cardRead({ idNumber: '370202195608020350' }));
    await settle();
    expect(t.calls.admitted).toEqual([{ subject: { citizenId: 'QD0001' }, visitId: null }]);
  });

  it('the chip photo stays in the check\'s memory only: not in the output, the view or what the parent hears', async () => {
    const t = startCardCheck({ ...withReader(), decide: () => decision('match') });
    t.send(cardRead());
    await settle();
    await oneAttempt(t);
    expect(t.outputs[0]!.outcome).toBe('verified');
    for (const shown of [t.outputs, t.said, t.verified, faceAuthView(t.snapshot(), 0)]) {
      expect(JSON.stringify(shown)).not.toContain('"0":255');
      expect(JSON.stringify(shown)).not.toContain('chipPhoto');
    }
  });
});
