// The Electron bridge without Electron: an ipcMain-like emitter and a window-like object are injected.
import { describe, expect, it } from 'vitest';
import type { KioskApi, KioskInput, KioskView } from '../../app/api/kioskApi.js';
import { kioskIpcChannels } from '../../app/api/kioskIpcChannels.js';
import { parseKioskInput } from '../../app/api/parseKioskInput.js';
import { connectKioskIpc, type KioskIpcEvent, type KioskIpcMain } from '../../app/main/connectKioskIpc.js';
import { kioskPageBeside } from '../../app/main/kioskPage.js';

type Listener = (event: KioskIpcEvent, ...args: unknown[]) => void;

function createIpc(): KioskIpcMain & { emit(channel: string, event: KioskIpcEvent, ...args: unknown[]): void; count(): number } {
  const listeners = new Map<string, Set<Listener>>();
  return {
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
    emit(channel, event, ...args) {
      for (const listener of listeners.get(channel) ?? []) listener(event, ...args);
    },
    count: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  };
}

function view(robotLine: string): KioskView {
  return {
    phase: 'idle', sessionId: null, robotLine, subtitles: [], answer: null, services: [],
    suggestions: [], notice: null, voice: { enabled: false, reason: null }, heard: null, faceAuth: null,
  citizen: null,
  queryMenu: null,
  transaction: null,
    staff: { unlocked: false, message: null, demoCitizens: [], printJobs: [], staffRequests: [], devices: [] },
  };
}

function setUp(options: { sendThrows?: boolean } = {}) {
  const page = kioskPageBeside('/opt/kiosk/dist/electron');
  const mainFrame = { url: `${page.indexUrl}#staff` };
  const pushed: { channel: string; args: unknown[] }[] = [];
  const window = { destroyed: false, isDestroyed() { return this.destroyed; }, webContents: { mainFrame, send: (channel: string, ...args: unknown[]) => pushed.push({ channel, args }) } };
  const sent: KioskInput[] = [];
  const viewListeners = new Set<(view: KioskView) => void>();
  let current = view('您好');
  const api: KioskApi & { push(next: KioskView): void } = {
    send(input) {
      if (options.sendThrows) throw new Error('core failed');
      sent.push(input);
    },
    subscribe(listener) {
      viewListeners.add(listener);
      listener(current);
      return () => viewListeners.delete(listener);
    },
    push(next) {
      current = next;
      for (const listener of viewListeners) listener(next);
    },
  };
  const ipc = createIpc();
  const warnings: string[] = [];
  const errors: string[] = [];
  const disconnect = connectKioskIpc({ api, ipc, window, page, log: { warn: (m) => warnings.push(m), error: (m) => errors.push(m) } });
  const fromPage: KioskIpcEvent = { sender: window.webContents, senderFrame: mainFrame };
  return { page, window, pushed, sent, api, ipc, warnings, errors, disconnect, fromPage, viewListeners };
}

describe('connectKioskIpc (the Electron bridge)', () => {
  it('forwards input from the kiosk page exactly as parseKioskInput gives it', () => {
    const { ipc, sent, fromPage } = setUp();
    const raws = [
      { type: 'citizen.text', text: '  失业金怎么领 ', extra: 1 },
      { type: 'auth.idNumber', idNumber: '37020319620315042x' },
      { type: 'camera.lost', reason: 'ended' },
      { type: 'camera.restored' },
    ];
    for (const raw of raws) ipc.emit(kioskIpcChannels.send, fromPage, raw);
    expect(sent).toEqual(raws.map((raw) => {
      const parsed = parseKioskInput(raw);
      if (!parsed.ok) throw new Error('fixture refused');
      return parsed.input;
    }));
    expect(sent[0]).toEqual({ type: 'citizen.text', text: '失业金怎么领' });
  });

  it('refuses what the shared parser refuses and logs why, without the content', () => {
    const { ipc, sent, warnings, fromPage } = setUp();
    ipc.emit(kioskIpcChannels.send, fromPage, { type: 'citizen.text', text: '   ' });
    ipc.emit(kioskIpcChannels.send, fromPage, { type: 'auth.idNumber', idNumber: '37020319620315042Y' });
    ipc.emit(kioskIpcChannels.send, fromPage, { type: 'staff.openSafe' });
    ipc.emit(kioskIpcChannels.send, fromPage, 'citizen.touch');
    expect(sent).toEqual([]);
    expect(warnings).toEqual([
      'rejected input: citizen.text: too_small at text',
      'rejected input: auth.idNumber: invalid_format at idNumber',
      'rejected input: unknown type: invalid_union at type',
      'rejected input: unknown type: invalid_type at (root)',
    ]);
    expect(warnings.join('\n')).not.toContain('3702');
  });

  it('listens only to the kiosk page’s own main frame', () => {
    const { ipc, sent, warnings, window, page } = setUp();
    const input = { type: 'citizen.touch' };
    ipc.emit(kioskIpcChannels.send, { sender: {}, senderFrame: window.webContents.mainFrame }, input);
    ipc.emit(kioskIpcChannels.send, { sender: window.webContents, senderFrame: { url: page.indexUrl } }, input);
    ipc.emit(kioskIpcChannels.send, { sender: window.webContents, senderFrame: null }, input);
    window.webContents.mainFrame.url = 'https://evil.example/';
    ipc.emit(kioskIpcChannels.send, { sender: window.webContents, senderFrame: window.webContents.mainFrame }, input);
    expect(sent).toEqual([]);
    expect(warnings).toHaveLength(4);
  });

  it('pushes the latest view on subscribe and on every change, never to a closed window', () => {
    const { ipc, pushed, api, window, fromPage } = setUp();
    // The first view arrives before the page loaded; the page gets it when it subscribes.
    expect(pushed.map((p) => (p.args[0] as KioskView).robotLine)).toEqual(['您好']);
    ipc.emit(kioskIpcChannels.subscribe, fromPage);
    api.push(view('请问有什么可以帮您？'));
    expect(pushed.map((p) => [p.channel, (p.args[0] as KioskView).robotLine])).toEqual([
      [kioskIpcChannels.view, '您好'],
      [kioskIpcChannels.view, '您好'],
      [kioskIpcChannels.view, '请问有什么可以帮您？'],
    ]);
    window.destroyed = true;
    api.push(view('再见'));
    ipc.emit(kioskIpcChannels.subscribe, fromPage);
    expect(pushed).toHaveLength(3);
  });

  it('logs a failing core and keeps listening', () => {
    const { ipc, errors, fromPage } = setUp({ sendThrows: true });
    ipc.emit(kioskIpcChannels.send, fromPage, { type: 'camera.lost', reason: 'denied' });
    ipc.emit(kioskIpcChannels.send, fromPage, { type: 'citizen.touch' });
    expect(errors).toEqual(['api.send failed', 'api.send failed']);
  });

  it('disconnects: no listeners left, no views pushed', () => {
    const { ipc, disconnect, viewListeners, sent, fromPage } = setUp();
    expect(ipc.count()).toBe(2);
    disconnect();
    expect(ipc.count()).toBe(0);
    expect(viewListeners.size).toBe(0);
    ipc.emit(kioskIpcChannels.send, fromPage, { type: 'citizen.touch' });
    expect(sent).toEqual([]);
  });
});
