import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createActor, SimulatedClock, type AnyActorRef } from 'xstate';
import type { BackendClient } from '../../../../app/core/backend/backendClient.js';
import type { IdentityCheckSnapshot } from '../../../../app/core/identity/identityCheckMachine.js';
import { createLogger } from '../../../../app/core/log/createLogger.js';
import type { FrameMeasurement } from '../../../../app/core/services/pensionAuth/faceAuthTypes.js';
import type { FaceSessionAnalyzer } from '../../../../app/core/services/pensionAuth/faceSessionAnalyzer.js';
import type { PensionAuthOutbox } from '../../../../app/core/services/pensionAuth/pensionAuthOutbox.js';
import { createPensionAuthService } from '../../../../app/core/services/pensionAuth/pensionAuthService.js';
import { faceAuthLines } from '../../../../app/core/services/pensionAuth/faceAuthLines.js';
import { authInput, decision, measured, settle, validId } from './pensionAuthHarness.js';

// The service's frames actor with a fake analyzer whose work the test finishes by hand: one frame at a time,
// the rest dropped, the JPEG zeroed after analysis, nothing of a frame in the log.

function fakeAnalyzer() {
  const pending: { jpeg: Uint8Array; resolve: (m: FrameMeasurement) => void; reject: (e: Error) => void }[] = [];
  const analyzer: FaceSessionAnalyzer = {
    setReference: vi.fn(async () => true),
    analyzeFrame: vi.fn((jpeg: Uint8Array) => new Promise<FrameMeasurement>((resolve, reject) => pending.push({ jpeg, resolve, reject }))),
    startChallenge: vi.fn(),
    verify: vi.fn(async () => decision('match')),
    newAttempt: vi.fn(),
    clear: vi.fn(),
    close: vi.fn(async () => {}),
  };
  return { analyzer, pending };
}

const backend = {
  lookupCitizen: async () => ({ id: 'QD0001', name: '王秀兰' }),
  getPensionAuthStatus: async () => ({ isPensioner: true, standing: '即将到期', nextDueDate: '2026-12-10' }),
  getReferencePhoto: async () => ({ bytes: new Uint8Array([1, 2, 3]) }),
} as unknown as BackendClient;

function start(analyzer: FaceSessionAnalyzer, logLines: string[] = []) {
  const log = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  });
  const identity = { attempts: { admit: () => ({ admitted: true as const, checksLeft: 5 }), recordFailedCheck: vi.fn(() => 4) }, audit: { record: vi.fn() } };
  const service = createPensionAuthService({ backend, analyzer, outbox: {} as PensionAuthOutbox, audit: { record: vi.fn() }, identity, kioskId: 'k', log });
  const clock = new SimulatedClock();
  const actor = createActor(service.machine, { clock, input: authInput(clock) });
  actor.start();
  let seq = 0;
  const jpegBase64 = Buffer.from('a camera frame, not really a JPEG').toString('base64');
  const frame = () => actor.send({ type: 'auth.frame', frame: { jpegBase64, width: 640, height: 480, capturedAt: seq * 100, seq: seq++ } });
  /** The identity check inside 养老认证 (where the frames go). */
  const check = () => (actor.getSnapshot().children as Record<string, AnyActorRef | undefined>).identityCheck?.getSnapshot() as IdentityCheckSnapshot;
  return { service, actor, frame, jpegBase64, check };
}

describe('frames into the 养老认证 machine', () => {
  it('are not analysed before the face check starts', async () => {
    const { analyzer } = fakeAnalyzer();
    const { actor, frame, check } = start(analyzer);
    frame();
    actor.send({ type: 'auth.idNumber', idNumber: validId });
    frame();
    await settle();
    expect(analyzer.analyzeFrame).not.toHaveBeenCalled();
    expect(check().value).toEqual({ attempt: 'positioning' });
  });

  it('are analysed one at a time: frames arriving while the analyzer is busy are dropped, the JPEG is zeroed after', async () => {
    const { analyzer, pending } = fakeAnalyzer();
    const { actor, frame, check } = start(analyzer);
    actor.send({ type: 'auth.idNumber', idNumber: validId });
    await settle();
    frame();
    frame();
    frame();
    expect(analyzer.analyzeFrame).toHaveBeenCalledTimes(1);
    const first = pending[0]!;
    expect(first.jpeg.some((b) => b !== 0)).toBe(true);
    first.resolve(measured({ usable: false, failures: ['too-far'] }));
    await vi.waitFor(() => expect(check().context.guidance).toBe('请靠近一点'));
    expect(first.jpeg.every((b) => b === 0)).toBe(true);
    // Free again: the next frame is taken.
    frame();
    expect(analyzer.analyzeFrame).toHaveBeenCalledTimes(2);
    pending[1]!.resolve(measured());
    await settle();
    expect(check().context.positionedRun).toBe(1);
  });

  it('a failed analysis frees the analyzer and logs the error only, nothing of the frame', async () => {
    const { analyzer, pending } = fakeAnalyzer();
    const lines: string[] = [];
    const { actor, frame, jpegBase64 } = start(analyzer, lines);
    actor.send({ type: 'auth.idNumber', idNumber: validId });
    await settle();
    frame();
    pending[0]!.reject(new Error('corrupt JPEG'));
    await settle();
    expect(pending[0]!.jpeg.every((b) => b === 0)).toBe(true);
    frame();
    expect(analyzer.analyzeFrame).toHaveBeenCalledTimes(2);
    const logged = lines.join('');
    expect(logged).toContain('frame analysis failed');
    expect(logged).toContain('corrupt JPEG');
    expect(logged).not.toContain(jpegBase64);
    expect(logged).not.toContain(jpegBase64.slice(0, 16));
  });

  it('a measurement that comes back after its state was left is not delivered', async () => {
    const { analyzer, pending } = fakeAnalyzer();
    const { actor, frame, check } = start(analyzer);
    actor.send({ type: 'auth.idNumber', idNumber: validId });
    await settle();
    frame();
    const child = (actor.getSnapshot().children as Record<string, AnyActorRef | undefined>).identityCheck!;
    const seen: (string | null)[] = [];
    child.subscribe((s: IdentityCheckSnapshot) => seen.push(s.context.guidance));
    expect(check().context.guidance).toBeNull();
    actor.send({ type: 'auth.cancel' });
    pending[0]!.resolve(measured({ usable: false, failures: ['too-far'] }));
    await settle();
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().context.instruction).toBe(faceAuthLines.cancelled);
    // The check was stopped with the cancel; the late measurement never reached it.
    expect(seen.every((g) => g === null)).toBe(true);
    expect((child.getSnapshot() as IdentityCheckSnapshot).context.guidance).toBeNull();
  });
});

describe('the service at shutdown', () => {
  it('close() closes the analyzer (which releases vision/’s ONNX sessions)', async () => {
    const { analyzer } = fakeAnalyzer();
    const { service } = start(analyzer);
    await service.close();
    expect(analyzer.close).toHaveBeenCalledTimes(1);
  });

  it('keeps no frame handling and no view of its own: machines (养老认证, the identity check), delivery and close only', () => {
    const { analyzer } = fakeAnalyzer();
    expect(Object.keys(start(analyzer).service).sort()).toEqual(['close', 'deliverQueued', 'identityCheck', 'machine']);
  });
});
