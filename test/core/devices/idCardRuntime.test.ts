// The kiosk runtime as `npm start` builds it, with its built-in simulators (robot, printer and the ID-card reader on
// socat pty pairs): a demo card put on the simulated reader while the kiosk asks for the number fills it on the
// screen, masked with the card's name; the staff panel lists the reader; the visit log keeps no card data.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import type { KioskView } from '../../../app/api/kioskApi.js';
import { parseConfig } from '../../../app/core/config/loadConfig.js';
import { socatAvailable } from '../../../app/core/devices/index.js';
import { identityLines } from '../../../app/core/identity/identityLines.js';
import { createKioskRuntime, type KioskRuntime } from '../../../app/core/kioskRuntime.js';
import { createLogger } from '../../../app/core/log/createLogger.js';
import type { FaceSessionAnalyzer } from '../../../app/core/services/pensionAuth/faceSessionAnalyzer.js';
import { sharedDataDir } from '../../sharedData.js';
import { until } from '../../testDeadline.js';
import { measured } from '../identity/identityCheckHarness.js';

const socat = socatAvailable();
const facesThere = existsSync(path.join(sharedDataDir, 'faces', 'faceapi__amy'));

/** Face decisions are not what this test is about: the analyzer only has to exist (the service is offered). */
const quietAnalyzer: FaceSessionAnalyzer = {
  setReference: async () => true,
  analyzeFrame: async () => measured(),
  startChallenge: () => undefined,
  verify: async () => {
    throw new Error('not in this test');
  },
  newAttempt: () => undefined,
  clear: () => undefined,
  close: async () => undefined,
};

describe.skipIf(!socat)(`the kiosk runtime with its ID-card reader simulator${socat ? '' : ' (skipped: socat is not installed; apt-get install socat)'}`, () => {
  let runtime: KioskRuntime | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await runtime?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('a demo card placed while the number is asked fills it on screen; the reader is on the staff panel; the log keeps no card data', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-idcard-'));
    const config = parseConfig({ dataDir, idcard: { demoPhotoDir: path.join(sharedDataDir, 'faces') } });
    runtime = await createKioskRuntime(config, { clock: new SimulatedClock(), composer: null, log: createLogger({ level: 'silent' }), voice: false, faceAnalyzer: quietAnalyzer });
    let view: KioskView | undefined;
    runtime.api.subscribe((v) => (view = v));
    const devices = runtime.devices!;
    expect(devices.idCardReader).not.toBeNull();
    expect(devices.chipPhotos.kind).toBe('demo');
    expect(await devices.idCardReader!.waitUntilReady(10_000)).toBe(true);
    expect(devices.states().find((d) => d.name.startsWith('身份证读卡器'))).toMatchObject({ name: '身份证读卡器（模拟器）', state: '已连接' });

    runtime.api.send({ type: 'citizen.text', text: '我2024年的缴费基数是多少' });
    await until(() => view?.faceAuth?.step === 'idInput', 'the number step');
    expect(view!.faceAuth!.cardHint).toBe(identityLines.cardHint);
    const sessionId = view!.sessionId!;

    devices.simulators.idCard!.putCard('pensioner');
    await until(() => view?.faceAuth?.idNumberMasked === '3702**********0422', 'the number from the card');
    expect(view!.faceAuth).toMatchObject({ cardNameMasked: '王*兰', cardHint: null });
    expect(JSON.stringify(view)).not.toMatch(/370203196203150422|王秀兰/);

    runtime.api.send({ type: 'citizen.end' });
    const events = runtime.sessionEvents.events(sessionId);
    const read = events.find((e) => e.type === 'idcard.read');
    expect(read).toMatchObject({ detail: { photoDecoded: facesThere, expired: false }, sealed: null });
    expect(JSON.stringify(events.map((e) => [e.type, e.detail]))).not.toMatch(/370203196203150422|王秀兰/);
  });

  it('idcard.port "off": no reader, no hint, the number is typed', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-idcard-off-'));
    runtime = await createKioskRuntime(parseConfig({ dataDir, idcard: { port: 'off' } }), { clock: new SimulatedClock(), composer: null, log: createLogger({ level: 'silent' }), voice: false, faceAnalyzer: quietAnalyzer });
    let view: KioskView | undefined;
    runtime.api.subscribe((v) => (view = v));
    expect(runtime.devices!.idCardReader).toBeNull();
    expect(runtime.devices!.simulators.idCard).toBeNull();
    expect(runtime.devices!.states().some((d) => d.name.startsWith('身份证读卡器'))).toBe(false);
    runtime.api.send({ type: 'citizen.text', text: '我2024年的缴费基数是多少' });
    await until(() => view?.faceAuth?.step === 'idInput', 'the number step');
    expect(view!.faceAuth!.cardHint).toBeNull();
  });
});
