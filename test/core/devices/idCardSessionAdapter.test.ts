// The ID-card adapter with the real reader client against the simulated SAM module over a socat pty pair: a card
// placed becomes idcard.read (number, name, the chip photo through the demo decoder), lifted becomes idcard.removed,
// a pulled cable or a module switched off becomes idcard.fault once and idcard.restored when it is back; nothing of
// the card reaches the log.
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { IdCardSessionEvent } from '../../../app/core/devices/deviceSessionEvents.js';
import { socatAvailable } from '../../../app/core/devices/index.js';
import { cardReaderStateOf, createIdCardSessionAdapter } from '../../../app/core/devices/idCardSessionAdapter.js';
import { createLogger } from '../../../app/core/log/createLogger.js';
import { demoCards, demoWltDecoder, noWltDecoder, type WltDecoder } from '../../../idcard/index.js';
import { startIdCardRig, type IdCardRig } from '../../idcard/idCardRig.js';
import { until } from '../../testDeadline.js';
import { bmp24 } from './bmpFixture.js';

const socat = socatAvailable();
const card = (id: string) => demoCards.find((c) => c.id === id)!;

/** A log that keeps its JSON lines, to check that nothing of a card is in it. */
function recordingLog() {
  const lines: string[] = [];
  return { lines, log: createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } }) };
}

const photoOf = (shade: number) => sharp({ create: { width: 102, height: 126, channels: 3, background: { r: shade, g: 170, b: 150 } } }).jpeg().toBuffer();

describe.skipIf(!socat)(`ID-card reader events into the session${socat ? '' : ' (skipped: socat is not installed; apt-get install socat)'}`, () => {
  const rigs: IdCardRig[] = [];
  afterEach(async () => {
    for (const rig of rigs.splice(0)) await rig.close();
  });

  async function start(decoder: WltDecoder, now?: () => number, reader: Parameters<typeof startIdCardRig>[0] = {}) {
    const rig = await startIdCardRig(reader);
    rigs.push(rig);
    const sent: IdCardSessionEvent[] = [];
    const { lines, log } = recordingLog();
    rig.reader.subscribe(createIdCardSessionAdapter({ reader: rig.reader, decoder, send: (e) => sent.push(e), log, ...(now ? { now } : {}) }));
    const next = async <T extends IdCardSessionEvent['type']>(type: T) => {
      const from = sent.length;
      await until(() => sent.slice(from).some((e) => e.type === type), type);
      return sent.slice(from).find((e) => e.type === type) as Extract<IdCardSessionEvent, { type: T }>;
    };
    return { rig, sent, lines, next, waitFor: async <T extends IdCardSessionEvent['type']>(type: T) => (await until(() => sent.some((e) => e.type === type), type), sent.find((e) => e.type === type) as Extract<IdCardSessionEvent, { type: T }>) };
  }

  it('a card placed: idcard.read with the number, the name and the chip photo; lifted: idcard.removed; the log names neither', async () => {
    const jpeg = await photoOf(200);
    const t = await start(demoWltDecoder({ pensioner: jpeg }));
    t.rig.sim.putCard('pensioner');
    const read = await t.waitFor('idcard.read');
    expect(read).toMatchObject({ idNumber: '370203196203150422', name: '王秀兰', expired: false });
    expect(Buffer.from(read.photo!)).toEqual(jpeg);
    t.rig.sim.removeCard();
    await t.waitFor('idcard.removed');
    expect(t.sent.map((e) => e.type)).toEqual(['idcard.read', 'idcard.removed']);
    const logged = t.lines.join('\n');
    expect(logged).toContain('ID card read');
    for (const value of [card('pensioner').text.idNumber, card('pensioner').text.name, '0422', '王']) expect(logged).not.toContain(value);
  });

  it('without a licensed decoder the card still fills the number: photo null, nothing logged per card', async () => {
    const t = await start(noWltDecoder());
    t.rig.sim.putCard('young-worker');
    const read = await t.waitFor('idcard.read');
    expect(read).toMatchObject({ idNumber: card('young-worker').text.idNumber, name: '刘婷', photo: null, expired: false });
    // 'no-decoder' is said once at start (chipPhotoDecoder), not with every card.
    expect(t.lines.filter((l) => l.includes('not decoded'))).toEqual([]);
  });

  it('a decoder that gives a BMP (as the vendors\' do): the photo arrives as a PNG vision/ can read', async () => {
    const bmp = bmp24(4, 3, (x, y) => [x * 60, y * 100, 30]);
    const t = await start({ name: 'bmp', decode: async () => bmp });
    t.rig.sim.putCard('pensioner-hui');
    const read = await t.waitFor('idcard.read');
    const { data, info } = await sharp(read.photo!).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.format]).toEqual([4, 3, 'raw']);
    expect([...data.subarray(0, 6)]).toEqual([0, 0, 30, 60, 0, 30]);
  });

  it('a decoder that fails: the photo is null and the failure is logged once per kind, without the card', async () => {
    const t = await start({ name: 'broken', decode: async () => Uint8Array.of(1, 2, 3) });
    for (const id of ['pensioner', 'expired']) {
      const read = t.next('idcard.read');
      t.rig.sim.putCard(id);
      expect((await read).photo).toBeNull();
      const removed = t.next('idcard.removed');
      t.rig.sim.removeCard();
      await removed;
    }
    expect(t.lines.filter((l) => l.includes('not decoded'))).toHaveLength(1);
    expect(t.lines.join('\n')).not.toContain(card('expired').text.idNumber);
  });

  it('an expired card is read and said to be expired (China calendar day of the read)', async () => {
    const t = await start(noWltDecoder(), () => Date.parse('2018-03-10T15:59:00Z'));
    t.rig.sim.putCard('expired');
    expect((await t.waitFor('idcard.read')).expired).toBe(false); // 23:59 China time on its last day
    const later = await start(noWltDecoder(), () => Date.parse('2018-03-10T16:00:00Z'));
    later.rig.sim.putCard('expired');
    expect((await later.waitFor('idcard.read')).expired).toBe(true);
  });

  it('a card lifted during its read sends no idcard.read', async () => {
    const t = await start(noWltDecoder());
    t.rig.sim.faults.removeCardDuringNextRead();
    t.rig.sim.putCard('pensioner');
    await t.waitFor('idcard.removed');
    await new Promise((r) => setTimeout(r, 300));
    expect(t.rig.sim.received.filter((c) => c.command === 'readBaseInfo').map((c) => c.answered)).toEqual([0x41]);
    expect(t.sent.map((e) => e.type)).not.toContain('idcard.read');
  });

  it('cable pulled: idcard.fault once (the keypad still works); plugged back: idcard.restored, and cards read again', async () => {
    const t = await start(noWltDecoder());
    const state = cardReaderStateOf(t.rig.reader);
    expect(state()).toBe('ready');
    await t.rig.unplug();
    expect(await t.waitFor('idcard.fault')).toEqual({ type: 'idcard.fault', kind: 'disconnected' });
    expect(state()).toBe('faulted');
    await new Promise((r) => setTimeout(r, 300));
    expect(t.sent.filter((e) => e.type === 'idcard.fault')).toHaveLength(1);
    await t.rig.replug();
    await t.waitFor('idcard.restored');
    expect(state()).toBe('ready');
    t.rig.sim.putCard('pensioner');
    expect((await t.waitFor('idcard.read')).idNumber).toBe(card('pensioner').text.idNumber);
  });

  it('the module switched off (simulator killed): idcard.fault; a module on the line again: idcard.restored', async () => {
    const t = await start(noWltDecoder(), undefined, { reader: { commandTimeoutMs: 500 } });
    await t.rig.sim.stop();
    expect((await t.waitFor('idcard.fault')).kind).toBe('timeout');
    const sim = await t.rig.restartSimulator();
    await t.waitFor('idcard.restored');
    sim.putCard('young-worker');
    expect((await t.waitFor('idcard.read')).name).toBe('刘婷');
    expect(t.sent.map((e) => e.type)).toEqual(['idcard.fault', 'idcard.restored', 'idcard.read']);
  });
});

describe('the reader state an identity check sees', () => {
  it('no reader: none; closed: none; starting or faulted: faulted; ready: ready', () => {
    expect(cardReaderStateOf(null)()).toBe('none');
    expect(cardReaderStateOf({ state: 'closed' })()).toBe('none');
    expect(cardReaderStateOf({ state: 'starting' })()).toBe('faulted');
    expect(cardReaderStateOf({ state: 'faulted' })()).toBe('faulted');
    expect(cardReaderStateOf({ state: 'ready' })()).toBe('ready');
  });
});
