// The real reader client against the simulated SAM module over a socat pty pair: reading demo cards, presence
// events, and every fault the kiosk must see as a value (no card, card lifted mid-read, SAM fault, corrupted
// answers, silence, cable pulled).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { openPtyPair, socatAvailable } from '../../app/core/devices/index.js';
import {
  createIdCardReader,
  demoCards,
  demoWltDecoder,
  IdCardError,
  SamStatus,
  startIdCardReaderSimulator,
  type IdCardErrorKind,
  type IdCardEvent,
} from '../../idcard/index.js';
import { TEST_DEADLINE_MS, until } from '../testDeadline.js';
import { fastReader, startIdCardRig, type IdCardRig } from './idCardRig.js';

const card = (id: string) => demoCards.find((c) => c.id === id)!;

async function failure(promise: Promise<unknown>): Promise<IdCardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IdCardError) return error;
    throw error;
  }
  throw new Error('expected an IdCardError');
}

const kind = async (promise: Promise<unknown>): Promise<IdCardErrorKind> => (await failure(promise)).kind;
const types = (events: IdCardEvent[]) => events.map((e) => e.type);

const socat = socatAvailable();

describe.skipIf(!socat)(`ID-card reader against the simulated SAM${socat ? '' : ' (skipped: socat is not installed; apt-get install socat)'}`, () => {
  let rig: IdCardRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('becomes ready with the SAM ID, then reads a demo card: text, and a photo the demo decoder turns into the supplied JPEG', async () => {
    rig = await startIdCardRig();
    expect(rig.events[0]).toEqual({ type: 'idcard.ready', samId: '05.01-20240612-0000000042-1234567890' });
    expect(rig.reader.state).toBe('ready');
    rig.sim.putCard('pensioner');
    const read = await rig.reader.readCard();
    expect(read.text).toEqual(card('pensioner').text);
    expect(read.text.validTo).toBe('long-term');
    expect(read.textBytes).toHaveLength(256);
    expect(read.wlt).toHaveLength(1024);

    const jpeg = await sharp({ create: { width: 102, height: 126, channels: 3, background: { r: 200, g: 170, b: 150 } } }).jpeg().toBuffer();
    const photo = await demoWltDecoder({ pensioner: jpeg }).decode(read.wlt);
    expect(Buffer.from(photo)).toEqual(jpeg);

    // Find, select, read on the wire, one after the other (no presence poll in between), after the SAM checks.
    const commands = rig.sim.received.map((c) => c.command);
    const select = commands.indexOf('selectCard');
    expect(commands.slice(select - 1, select + 2)).toEqual(['findCard', 'selectCard', 'readBaseInfo']);
    expect(commands.slice(0, 2)).toEqual(['samStatus', 'samId']);
  });

  it('reads each demo card', async () => {
    rig = await startIdCardRig({ reader: { poll: false } });
    for (const { id, text } of demoCards) {
      rig.sim.putCard(id);
      expect((await rig.reader.readCard()).text, id).toEqual(text);
    }
  });

  it('tells the kiosk when a card is placed and lifted, with no personal data in the events', async () => {
    rig = await startIdCardRig();
    const present = rig.waitFor('idcard.cardPresent');
    rig.sim.putCard('young-worker');
    await present;
    expect(rig.reader.cardPresent).toBe(true);
    const read = await rig.reader.readCard();
    expect(read.text.name).toBe(card('young-worker').text.name);
    const removed = rig.waitFor('idcard.cardRemoved');
    rig.sim.removeCard();
    await removed;
    expect(rig.reader.cardPresent).toBe(false);
    expect(types(rig.events)).toEqual(['idcard.ready', 'idcard.cardPresent', 'idcard.cardRemoved']);
    const logged = JSON.stringify(rig.events);
    for (const value of Object.values(read.text)) if (value.length > 2) expect(logged).not.toContain(value);
  });

  it('without a card, readCard settles no-card after its find attempts', async () => {
    rig = await startIdCardRig({ reader: { poll: false, findAttempts: 3 } });
    const before = rig.sim.received.length;
    const error = await failure(rig.reader.readCard());
    expect(error).toMatchObject({ kind: 'no-card', status: SamStatus.FindCardFailed, command: 'findCard' });
    expect(rig.sim.received.slice(before).map((c) => [c.command, c.answered])).toEqual([
      ['findCard', 0x80],
      ['findCard', 0x80],
      ['findCard', 0x80],
    ]);
  });

  it('a card lifted during the read settles card-removed; placed again, it reads', async () => {
    rig = await startIdCardRig({ reader: { poll: false } });
    rig.sim.putCard('young-worker');
    rig.sim.faults.removeCardDuringNextRead();
    const error = await failure(rig.reader.readCard());
    expect(error.kind).toBe('card-removed');
    const reads = rig.sim.received.filter((c) => c.command === 'readBaseInfo');
    expect(reads.map((c) => c.answered)).toEqual([SamStatus.ReadCardFailed]);
    rig.sim.putCard('young-worker');
    expect((await rig.reader.readCard()).text.idNumber).toBe(card('young-worker').text.idNumber);
  });

  it('answers the single commands as the SAM does: out of sequence they fail with the SAM\'s status', async () => {
    rig = await startIdCardRig({ reader: { poll: false } });
    expect(await rig.reader.findCard()).toBe(false);
    rig.sim.putCard('expired');
    expect(await failure(rig.reader.selectCard())).toMatchObject({ kind: 'select-failed', status: 0x81 }); // not found yet
    expect(await rig.reader.findCard()).toBe(true);
    expect(await failure(rig.reader.readBaseInfo())).toMatchObject({ kind: 'read-failed', status: 0x41 }); // not selected
    await rig.reader.selectCard();
    const read = await rig.reader.readBaseInfo();
    expect(read.text.validTo).toBe('2018-03-10');
    await rig.reader.samStatus();
    expect((await rig.reader.samId()).text).toBe('05.01-20240612-0000000042-1234567890');
  });

  it('a SAM that fails its self-test faults the reader with sam-fault; fixed, the reader is restored', async () => {
    rig = await startIdCardRig();
    rig.sim.putCard('pensioner');
    await rig.waitFor('idcard.cardPresent');
    const fault = rig.waitFor('idcard.fault');
    rig.sim.faults.samFault(0x60);
    expect(await fault).toEqual({ type: 'idcard.fault', kind: 'sam-fault', status: 0x60 });
    expect(rig.reader.state).toBe('faulted');
    expect(await failure(rig.reader.readCard())).toMatchObject({ kind: 'sam-fault', status: 0x60 });
    // The card can no longer be vouched for: it was reported removed before the fault.
    expect(types(rig.events).slice(-2)).toEqual(['idcard.cardRemoved', 'idcard.fault']);

    const restored = rig.waitFor('idcard.restored');
    rig.sim.faults.samFault(null);
    await restored;
    expect(rig.reader.state).toBe('ready');
    expect((await rig.reader.readCard()).text.name).toBe(card('pensioner').text.name);
  });

  it('an answer with a bad check byte is dropped and the command sent again; the read succeeds', async () => {
    rig = await startIdCardRig({ reader: { poll: false } });
    rig.sim.putCard('pensioner-hui');
    const before = rig.reader.stats();
    rig.sim.faults.corruptAnswers(1);
    const read = await rig.reader.readCard();
    expect(read.text.nationCode).toBe('03');
    const after = rig.reader.stats();
    expect(after.checksumErrors - before.checksumErrors).toBe(1);
    expect(after.retries - before.retries).toBe(1);
    expect(rig.reader.state).toBe('ready');
  });

  it('answers that keep failing their check settle checksum and fault the reader; clean answers restore it', async () => {
    rig = await startIdCardRig({ reader: { commandTimeoutMs: 500 } });
    const fault = rig.waitFor('idcard.fault');
    rig.sim.faults.corruptAnswers(1_000_000);
    expect(await fault).toEqual({ type: 'idcard.fault', kind: 'checksum' });
    expect(await kind(rig.reader.findCard())).toBe('checksum');
    const restored = rig.waitFor('idcard.restored');
    rig.sim.faults.clear();
    await restored;
  });

  it('a silent module times out, faults the reader with timeout, and is restored when it answers again', async () => {
    rig = await startIdCardRig({ reader: { commandTimeoutMs: 500 } });
    const fault = rig.waitFor('idcard.fault');
    rig.sim.faults.silence(true);
    expect(await fault).toEqual({ type: 'idcard.fault', kind: 'timeout' });
    expect(await failure(rig.reader.samStatus())).toMatchObject({ kind: 'timeout', command: 'samStatus' });
    const restored = rig.waitFor('idcard.restored');
    rig.sim.faults.silence(false);
    await restored;
    rig.sim.putCard('young-worker');
    expect((await rig.reader.readCard()).text.name).toBe(card('young-worker').text.name);
  });

  it('cable pulled: disconnected fault, commands settle disconnected at once; plugged back: restored and reading', async () => {
    rig = await startIdCardRig();
    rig.sim.putCard('pensioner');
    await rig.waitFor('idcard.cardPresent');
    const fault = rig.waitFor('idcard.fault');
    await rig.unplug();
    expect(await fault).toEqual({ type: 'idcard.fault', kind: 'disconnected' });
    expect(types(rig.events).slice(-2)).toEqual(['idcard.cardRemoved', 'idcard.fault']);
    expect(await kind(rig.reader.readCard())).toBe('disconnected');

    const restored = rig.waitFor('idcard.restored');
    await rig.replug();
    await restored;
    await rig.waitFor('idcard.cardPresent');
    expect((await rig.reader.readCard()).text.idNumber).toBe(card('pensioner').text.idNumber);
    expect(rig.reader.stats()).toMatchObject({ connects: 2, disconnects: 1 });
  });

  it('the module stopped (powered off) while the cable stays: timeout fault; a new module on the line: restored', async () => {
    rig = await startIdCardRig({ reader: { commandTimeoutMs: 500 } });
    const fault = rig.waitFor('idcard.fault');
    await rig.sim.stop();
    expect((await fault).kind).toBe('timeout');
    const restored = rig.waitFor('idcard.restored');
    const sim = await rig.restartSimulator();
    await restored;
    sim.putCard('expired');
    expect((await rig.reader.readCard()).text.name).toBe(card('expired').text.name);
  });

  it('a reader started before its cable is plugged in reports disconnected, then becomes ready', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'idcard-late-'));
    const reader = createIdCardReader({ ...fastReader, path: path.join(dir, 'idcard-kiosk') });
    const events: IdCardEvent[] = [];
    reader.subscribe((e) => events.push(e));
    let pair: Awaited<ReturnType<typeof openPtyPair>> | undefined;
    let sim: Awaited<ReturnType<typeof startIdCardReaderSimulator>> | undefined;
    try {
      await until(() => events.some((e) => e.type === 'idcard.fault'), 'the disconnected fault');
      expect(events[0]).toEqual({ type: 'idcard.fault', kind: 'disconnected' });
      expect(await kind(reader.findCard())).toBe('disconnected');
      pair = await openPtyPair({ dir, name: 'idcard' });
      sim = await startIdCardReaderSimulator({ path: pair.devicePath });
      expect(await reader.waitUntilReady(TEST_DEADLINE_MS)).toBe(true);
      expect(types(events)).toEqual(['idcard.fault', 'idcard.ready']);
    } finally {
      await reader.close();
      await sim?.stop();
      await pair?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
