import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import type { BackendClient } from '../../../app/core/backend/backendClient.js';
import { BackendError } from '../../../app/core/backend/backendError.js';
import { openIdentityStore } from '../../../app/core/identity/identityAudit.js';
import type { IdentityCheckInput } from '../../../app/core/identity/identityCheckMachine.js';
import { createIdentityCheckService } from '../../../app/core/identity/identityCheckService.js';
import { identityLines } from '../../../app/core/identity/identityLines.js';
import { createLogger } from '../../../app/core/log/createLogger.js';
import { createFieldCipher } from '../../../app/core/privacy/fieldCipher.js';
import type { FaceSessionAnalyzer } from '../../../app/core/services/pensionAuth/faceSessionAnalyzer.js';
import { kioskMigrations } from '../../../app/core/store/migrations.js';
import { openDatabase } from '../../../app/core/store/openDatabase.js';
import { decision, identityInput, measured, otherIds, settle, validId } from './identityCheckHarness.js';

// The identity check's service with a fake business system and a fake vision/ analyzer that decides as vision/
// does (no reference: nothing matches), and the real attempt ledger in SQLite.

const log = createLogger({ level: 'silent' });
const notFound = () => new BackendError({ kind: 'not-found', status: 404, code: 'NOT_FOUND', message: 'not found' });

function fakeBackend(options: { known?: Record<string, string>; photos?: string[]; down?: boolean } = {}) {
  const known = options.known ?? { [validId]: 'QD0001' };
  const photos = new Set(options.photos ?? ['QD0001']);
  return {
    lookupCitizen: vi.fn(async (idNumber: string) => {
      if (options.down) throw new BackendError({ kind: 'unreachable', status: null, code: 'UNREACHABLE', message: 'down' });
      const id = known[idNumber];
      if (!id) throw notFound();
      return { id, name: '王秀兰' };
    }),
    getReferencePhoto: vi.fn(async (citizenId: string) => {
      if (!photos.has(citizenId)) throw notFound();
      return { bytes: new Uint8Array([1, 2, 3]) };
    }),
  } as unknown as Pick<BackendClient, 'lookupCitizen' | 'getReferencePhoto'> & { lookupCitizen: ReturnType<typeof vi.fn>; getReferencePhoto: ReturnType<typeof vi.fn> };
}

/** As vision/: a reference is needed for a match; the face in front of the camera is (or is not) the one on file. */
function fakeAnalyzer(sameFace: boolean) {
  let reference = false;
  const analyzer: FaceSessionAnalyzer = {
    setReference: vi.fn(async () => (reference = true)),
    analyzeFrame: vi.fn(async () => measured()),
    startChallenge: vi.fn(),
    verify: vi.fn(async () => (reference && sameFace ? decision('match') : decision('no-match', reference ? 0.1 : -1))),
    newAttempt: vi.fn(),
    clear: vi.fn(() => void (reference = false)),
    close: vi.fn(async () => {}),
  };
  return analyzer;
}

function setup(options: { backend?: ReturnType<typeof fakeBackend>; sameFace?: boolean } = {}) {
  const db = openDatabase(':memory:', kioskMigrations);
  const cipher = createFieldCipher({ keyFile: path.join(mkdtempSync(path.join(os.tmpdir(), 'identity-key-')), 'k') });
  const store = openIdentityStore(db, cipher);
  const backend = options.backend ?? fakeBackend();
  const analyzer = fakeAnalyzer(options.sameFace ?? true);
  const service = createIdentityCheckService({ backend, analyzer, attempts: store.attempts, audit: store.audit, log });
  /** One identity check: the number typed, then whole attempts until it ends (frames measured as usable, challenges passed). */
  async function check(idNumber: string, visitId: string | null, input: Partial<IdentityCheckInput> = {}) {
    const clock = new SimulatedClock();
    const actor = createActor(service.machine, { clock, input: { ...identityInput(clock, { challengesPerAttempt: { min: 1, max: 1 }, challengePool: ['blink'], timing: { challengeMs: 8_000, positioningMs: 15_000, positionedFrames: 1 } }), visitId, ...input } });
    actor.start();
    if (!input.known) actor.send({ type: 'auth.idNumber', idNumber });
    await settle();
    let seq = 0;
    const frame = async () => {
      actor.send({ type: 'auth.frame', frame: { jpegBase64: '/9j/', width: 640, height: 480, capturedAt: seq, seq: seq++ } });
      await settle();
    };
    for (let i = 0; i < 20 && actor.getSnapshot().status === 'active'; i++) {
      // Positioned, then the blink passes.
      (analyzer.analyzeFrame as ReturnType<typeof vi.fn>).mockImplementation(async () =>
        actor.getSnapshot().value && JSON.stringify(actor.getSnapshot().value).includes('challenge') ? measured({ challenge: { kind: 'blink', state: 'passed', miss: null } }) : measured(),
      );
      await frame();
    }
    return actor.getSnapshot();
  }
  return { db, store, backend, analyzer, service, check };
}

describe('identity check service', () => {
  it('verifies the citizen on file: looked up, photo set, live check, decided', async () => {
    const { check, analyzer, store } = setup();
    const end = await check(validId, 'v1');
    expect(end.output).toMatchObject({ outcome: 'verified', citizenId: 'QD0001', idNumberMasked: '3702**********0422' });
    expect(analyzer.setReference).toHaveBeenCalledTimes(1);
    expect(analyzer.clear).toHaveBeenCalledTimes(1);
    expect(store.audit.recent(1)[0]).toMatchObject({ citizenId: 'QD0001', outcome: 'verified', attempts: 1 });
  });

  it('an unknown number and a number without a photo go through the same face check to the same end as a wrong face', async () => {
    const ends = [];
    for (const [name, s, idNumber] of [
      ['unknown', setup(), otherIds[0]],
      ['no photo', setup({ backend: fakeBackend({ known: { [validId]: 'QD0001' }, photos: [] }) }), validId],
      ['wrong face', setup({ sameFace: false }), validId],
    ] as const) {
      const end = await s.check(idNumber, 'v1');
      expect(s.analyzer.verify, name).toHaveBeenCalledTimes(3);
      expect(s.store.attempts.failuresToday({ idNumber }), name).toBe(3);
      ends.push(end.output && 'line' in end.output ? { outcome: end.output.outcome, line: end.output.line, staffReason: end.output.staffReason } : end.output);
    }
    expect(ends).toEqual([0, 1, 2].map(() => ({ outcome: 'not-verified', line: identityLines.notVerified, staffReason: 'identity-review' })));
  });

  it('does not fetch a photo for an unknown number (nothing to fetch), and never sets a reference', async () => {
    const { check, backend, analyzer } = setup();
    await check(otherIds[0], null);
    expect(backend.getReferencePhoto).not.toHaveBeenCalled();
    expect(analyzer.setReference).not.toHaveBeenCalled();
  });

  it('five failed face checks of a number in a day: the next check of it, in another visit, is refused at once', async () => {
    const { check, store, backend } = setup({ sameFace: false });
    const first = await check(validId, 'v1');
    expect(first.output).toMatchObject({ outcome: 'not-verified', line: identityLines.notVerified });
    const second = await check(validId, 'v2');
    // Two checks left after the first three: the second check stops when the number has none left.
    expect(second.output).toMatchObject({ outcome: 'not-verified', line: identityLines.limitReached, staffReason: null, attempts: 2 });
    expect(store.attempts.failuresToday({ idNumber: validId })).toBe(5);
    const lookups = backend.lookupCitizen.mock.calls.length;
    const third = await check(validId, 'v3');
    expect(third.output).toMatchObject({ outcome: 'not-verified', line: identityLines.limitReached, attempts: 0 });
    expect(backend.lookupCitizen.mock.calls.length).toBe(lookups);
  });

  it('a fourth different number in one visit is refused with the same line, before any lookup', async () => {
    const { service, backend } = setup();
    const clock = new SimulatedClock();
    const tries = [validId, ...otherIds];
    const ends = [];
    for (const idNumber of tries) {
      const actor = createActor(service.machine, { clock, input: { ...identityInput(clock), visitId: 'busy-visit' } });
      actor.start();
      actor.send({ type: 'auth.idNumber', idNumber });
      await settle();
      ends.push(actor.getSnapshot().value);
      actor.stop();
    }
    expect(ends).toEqual([{ attempt: 'positioning' }, { attempt: 'positioning' }, { attempt: 'positioning' }, 'done']);
    expect(backend.lookupCitizen).toHaveBeenCalledTimes(3);
  });

  it('a business system that is down: unavailable, said the same for every number', async () => {
    const { check } = setup({ backend: fakeBackend({ down: true }) });
    const a = await check(validId, null);
    const b = await check(otherIds[0], null);
    expect(a.output).toMatchObject({ outcome: 'unavailable', line: identityLines.unavailable });
    expect(b.output).toEqual(a.output);
  });

  it('a failed count (disk) is logged and the check goes on', async () => {
    const { check, store, analyzer } = setup({ sameFace: false });
    const record = vi.spyOn(store.attempts, 'recordFailedCheck').mockImplementation(() => {
      throw new Error('SQLITE_FULL');
    });
    const end = await check(validId, null);
    expect(record).toHaveBeenCalledTimes(3);
    expect(analyzer.verify).toHaveBeenCalledTimes(3);
    expect(end.output).toMatchObject({ outcome: 'not-verified', line: identityLines.notVerified });
  });
});
