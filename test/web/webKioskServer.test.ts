import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { KioskApi, KioskInput, KioskView, ServerMessage } from '../../app/api/kioskApi.js';
import { parseKioskInput } from '../../app/api/parseKioskInput.js';
import { findFaceLandmarkerModel } from '../../app/web/faceTrackingAssets.js';
import { startWebKiosk, type WebKiosk } from '../../app/web/webKioskServer.js';

const chinese = /[\u4e00-\u9fff]/;

function idleView(): KioskView {
  return {
    phase: 'idle', sessionId: null, robotLine: '', subtitles: [], answer: null, services: [],
    suggestions: [], notice: null, voice: { enabled: false, reason: null }, heard: null, faceAuth: null,
  citizen: null,
  queryMenu: null,
  transaction: null,
    staff: { unlocked: false, message: null, demoCitizens: [], printJobs: [], staffRequests: [], devices: [] },
  };
}

/** The smallest KioskApi: remembers what it was sent and lets the test push views. */
function createTestApi(): KioskApi & { sent: KioskInput[]; push(view: KioskView): void } {
  const listeners = new Set<(view: KioskView) => void>();
  let current = idleView();
  return {
    sent: [],
    send(input) {
      this.sent.push(input);
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    push(view) {
      current = view;
      for (const listener of listeners) listener(view);
    },
  };
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with the path exactly as written (fetch would normalise `..` away before sending). */
function rawGet(url: string, rawPath: string, method = 'GET'): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path: rawPath, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** Opens a WebSocket and queues every server message, so none is missed between awaits. */
async function openClient(url: string, headers: Record<string, string> = {}): Promise<{ socket: WebSocket; next(): Promise<ServerMessage> }> {
  const socket = new WebSocket(`${url.replace('http:', 'ws:')}api`, { headers });
  const queue: ServerMessage[] = [];
  const waiting: ((message: ServerMessage) => void)[] = [];
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as ServerMessage;
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    next: () => {
      const queued = queue.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

describe('startWebKiosk', () => {
  let workDir: string;
  let api: ReturnType<typeof createTestApi>;
  let kiosk: WebKiosk;
  const logged: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'web-kiosk-'));
    const rendererDir = path.join(workDir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
    await writeFile(path.join(rendererDir, 'main.js'), 'console.log("kiosk");');
    await writeFile(path.join(rendererDir, 'styles.css'), 'body { color: black; }');
    await writeFile(path.join(rendererDir, '.env'), 'HIDDEN=1');
    await writeFile(path.join(workDir, 'secret.txt'), 'TOP SECRET');
    await writeFile(path.join(workDir, 'secret.js'), 'TOP SECRET');
    api = createTestApi();
    kiosk = await startWebKiosk({ api, rendererDir, log: (message) => logged.push(message) });
  });

  afterAll(async () => {
    await kiosk.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('listens on loopback and reports its URL', () => {
    expect(kiosk.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the renderer files with their content types and a CSP', async () => {
    const index = await rawGet(kiosk.url, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('<title>kiosk</title>');
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${kiosk.url.replace('http:', 'ws:').replace(/\/$/, '')}`);
    expect(index.headers['x-content-type-options']).toBe('nosniff');

    expect((await rawGet(kiosk.url, '/index.html')).status).toBe(200);
    const script = await rawGet(kiosk.url, '/main.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const styles = await rawGet(kiosk.url, '/styles.css');
    expect(styles.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(styles.body).toContain('color: black');
  });

  it('refuses paths that leave the renderer folder, hidden files and unknown files', async () => {
    for (const rawPath of ['/../secret.txt', '/..%2fsecret.js', '/%2e%2e%2fsecret.js', '/%2e%2e/secret.js', '/..%5csecret.js', '/.env', '/missing.js', '/%00.js']) {
      const response = await rawGet(kiosk.url, rawPath);
      expect([403, 404], rawPath).toContain(response.status);
      expect(response.body, rawPath).not.toContain('SECRET');
      expect(response.body, rawPath).not.toContain('HIDDEN');
    }
    expect((await rawGet(kiosk.url, '/..%2fsecret.js')).status).toBe(403);
  });

  it('answers only GET and HEAD', async () => {
    expect((await rawGet(kiosk.url, '/', 'POST')).status).toBe(405);
    const head = await rawGet(kiosk.url, '/main.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('sends the view on connect and on every change', async () => {
    const client = await openClient(kiosk.url);
    expect(await client.next()).toEqual({ type: 'view', view: idleView() });
    api.push({ ...idleView(), phase: 'greeting', robotLine: '您好' });
    const changed = await client.next();
    expect(changed.type === 'view' && changed.view.robotLine).toBe('您好');
    client.socket.close();
  });

  it('forwards valid input to api.send', async () => {
    const client = await openClient(kiosk.url);
    await client.next();
    const before = api.sent.length;
    client.socket.send(JSON.stringify({ type: 'input', input: { type: 'citizen.text', text: '  失业金怎么领 ' } }));
    client.socket.send(JSON.stringify({ type: 'input', input: { type: 'citizen.tapService', service: 'card-loss' } }));
    await expect.poll(() => api.sent.length).toBe(before + 2);
    expect(api.sent.slice(before)).toEqual([
      { type: 'citizen.text', text: '失业金怎么领' },
      { type: 'citizen.tapService', service: 'card-loss' },
    ]);
    client.socket.close();
  });

  it('forwards staff panel input to api.send', async () => {
    const client = await openClient(kiosk.url);
    await client.next();
    const before = api.sent.length;
    const staffInputs: KioskInput[] = [
      { type: 'staff.unlock', pin: '2580' },
      { type: 'staff.printSample', citizenId: 'demo-001' },
      { type: 'staff.closeRequest', id: 7 },
      { type: 'staff.lock' },
    ];
    for (const input of staffInputs) client.socket.send(JSON.stringify({ type: 'input', input }));
    await expect.poll(() => api.sent.length).toBe(before + staffInputs.length);
    expect(api.sent.slice(before)).toEqual(staffInputs);
    client.socket.close();
  });

  it('answers an invalid message with a Chinese error, logs it and keeps the connection', async () => {
    const client = await openClient(kiosk.url);
    await client.next();
    const before = api.sent.length;
    const invalid = [
      'not json',
      JSON.stringify({ type: 'hello' }),
      JSON.stringify({ type: 'input', input: { type: 'citizen.text', text: '   ' } }),
      JSON.stringify({ type: 'input', input: { type: 'citizen.tapService', service: 'open-safe' } }),
      JSON.stringify({ type: 'input', input: { type: 'citizen.text', text: 'x'.repeat(501) } }),
      JSON.stringify({ type: 'input', input: { type: 'staff.unlock', pin: '25a0' } }),
      JSON.stringify({ type: 'input', input: { type: 'staff.unlock', pin: '12' } }),
      JSON.stringify({ type: 'input', input: { type: 'staff.printSample', citizenId: '../../etc' } }),
      JSON.stringify({ type: 'input', input: { type: 'staff.closeRequest', id: -1 } }),
      JSON.stringify({ type: 'input', input: { type: 'staff.openSafe' } }),
    ];
    for (const frame of invalid) {
      client.socket.send(frame);
      const reply = await client.next();
      expect(reply.type, frame).toBe('error');
      expect(reply.type === 'error' && reply.message, frame).toMatch(chinese);
    }
    expect(api.sent.length).toBe(before);
    expect(logged.some((line) => line.startsWith('rejected message'))).toBe(true);
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    client.socket.send(JSON.stringify({ type: 'input', input: { type: 'citizen.end' } }));
    await expect.poll(() => api.sent.length).toBe(before + 1);
    client.socket.close();
  });

  it('refuses input with the shared parser’s Chinese message and logs the reason, not what was typed', async () => {
    const client = await openClient(kiosk.url);
    await client.next();
    const before = api.sent.length;
    const loggedBefore = logged.length;
    const inputs = [
      { type: 'auth.idNumber', idNumber: '37020319620315042Y' },
      { type: 'citizen.text', text: `我的电话是13912345678${'问'.repeat(500)}` },
      { type: 'camera.lost', reason: 'unplugged' },
    ];
    for (const input of inputs) {
      const expected = parseKioskInput(input);
      if (expected.ok) throw new Error('the parser accepts what this test means to be refused');
      client.socket.send(JSON.stringify({ type: 'input', input }));
      expect(await client.next()).toEqual({ type: 'error', message: expected.error.message });
    }
    const lines = logged.slice(loggedBefore);
    expect(lines).toEqual([
      'rejected message: auth.idNumber: invalid_format at idNumber',
      'rejected message: citizen.text: too_big at text',
      'rejected message: camera.lost: invalid_value at reason',
    ]);
    expect(lines.join('\n')).not.toMatch(/3702|139123|问问/);
    expect(api.sent.length).toBe(before);
    client.socket.close();
  });

  it('forwards camera.lost and camera.restored to the core', async () => {
    const client = await openClient(kiosk.url);
    await client.next();
    const before = api.sent.length;
    const cameraInputs: KioskInput[] = [{ type: 'camera.lost', reason: 'ended' }, { type: 'camera.restored' }];
    for (const input of cameraInputs) client.socket.send(JSON.stringify({ type: 'input', input }));
    await expect.poll(() => api.sent.length).toBe(before + 2);
    expect(api.sent.slice(before)).toEqual(cameraInputs);
    client.socket.close();
  });

  it('keeps serving when the core throws on an input it does not know yet', async () => {
    const throwing: KioskApi = {
      send(input) {
        if (input.type.startsWith('camera.')) throw new Error(`unknown event ${input.type}`);
        api.send(input);
      },
      subscribe: (listener) => api.subscribe(listener),
    };
    const strict = await startWebKiosk({ api: throwing, rendererDir: path.join(workDir, 'renderer'), log: () => {} });
    try {
      const client = await openClient(strict.url);
      await client.next();
      const before = api.sent.length;
      client.socket.send(JSON.stringify({ type: 'input', input: { type: 'camera.lost', reason: 'denied' } }));
      const reply = await client.next();
      expect(reply.type === 'error' && reply.message).toMatch(chinese);
      client.socket.send(JSON.stringify({ type: 'input', input: { type: 'citizen.touch' } }));
      await expect.poll(() => api.sent.length).toBe(before + 1);
      expect(client.socket.readyState).toBe(WebSocket.OPEN);
      client.socket.close();
    } finally {
      await strict.close();
    }
  });

  it('refuses a WebSocket opened by a page from another site', async () => {
    await expect(openClient(kiosk.url, { Origin: 'http://evil.example' })).rejects.toThrow(/401|Unexpected server response/);
  });
});

/** Raw bytes of a response (the wasm and the model are binary). */
function rawGetBytes(url: string, rawPath: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path: rawPath }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('startWebKiosk: face tracking assets and camera frames', () => {
  let workDir: string;
  let api: ReturnType<typeof createTestApi>;
  let withModel: WebKiosk;
  let withoutModel: WebKiosk;
  const modelBytes = Buffer.from('not really a model, but bytes all the same');

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'web-kiosk-assets-'));
    const rendererDir = path.join(workDir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
    await mkdir(path.join(workDir, 'models-b', 'mediapipe'), { recursive: true });
    await writeFile(path.join(workDir, 'models-b', 'mediapipe', 'face_landmarker.task'), modelBytes);
    await writeFile(path.join(workDir, 'models-b', 'secret.txt'), 'TOP SECRET');
    api = createTestApi();
    const modelPath = findFaceLandmarkerModel([path.join(workDir, 'models-a'), path.join(workDir, 'models-b')]);
    withModel = await startWebKiosk({ api, rendererDir, faceLandmarkerModelPath: modelPath, log: () => {} });
    withoutModel = await startWebKiosk({ api, rendererDir, faceLandmarkerModelPath: null, log: () => {} });
  });

  afterAll(async () => {
    await withModel.close();
    await withoutModel.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('finds the model in the first model folder that has it', () => {
    expect(findFaceLandmarkerModel([path.join(workDir, 'models-a'), path.join(workDir, 'models-b')])).toBe(path.join(workDir, 'models-b', 'mediapipe', 'face_landmarker.task'));
    expect(findFaceLandmarkerModel([path.join(workDir, 'models-a')])).toBeNull();
  });

  it('serves the MediaPipe wasm runtime from node_modules with its content types', async () => {
    const wasm = await rawGetBytes(withModel.url, '/vendor/mediapipe/wasm/vision_wasm_internal.wasm');
    expect(wasm.status).toBe(200);
    expect(wasm.headers['content-type']).toBe('application/wasm');
    expect(wasm.body.subarray(0, 4)).toEqual(Buffer.from([0x00, 0x61, 0x73, 0x6d]));
    expect(wasm.headers['cache-control']).toContain('max-age');
    const loader = await rawGet(withModel.url, '/vendor/mediapipe/wasm/vision_wasm_internal.js', 'HEAD');
    expect(loader.status).toBe(200);
    expect(loader.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('serves the face landmarker model when configured, 404 when not', async () => {
    const model = await rawGetBytes(withModel.url, '/models/face_landmarker.task');
    expect(model.status).toBe(200);
    expect(model.headers['content-type']).toBe('application/octet-stream');
    expect(model.body).toEqual(modelBytes);
    expect((await rawGet(withoutModel.url, '/models/face_landmarker.task')).status).toBe(404);
    // The screen asks first, so a kiosk without the model logs no failed request.
    const yes = await rawGet(withModel.url, '/models/available.json');
    expect([yes.status, yes.headers['content-type'], JSON.parse(yes.body)]).toEqual([200, 'application/json; charset=utf-8', { faceLandmarker: true }]);
    const no = await rawGet(withoutModel.url, '/models/available.json');
    expect([no.status, JSON.parse(no.body)]).toEqual([200, { faceLandmarker: false }]);
    // The renderer still works without it.
    expect((await rawGet(withoutModel.url, '/')).status).toBe(200);
  });

  it('serves nothing else from node_modules or the model folders', async () => {
    for (const rawPath of [
      '/vendor/mediapipe/wasm/../package.json',
      '/vendor/mediapipe/wasm/..%2fpackage.json',
      '/vendor/mediapipe/wasm/%2e%2e%2fvision_bundle.mjs',
      '/vendor/mediapipe/wasm/..%2f..%2f..%2fpackage.json',
      '/vendor/mediapipe/wasm/',
      '/vendor/mediapipe/wasm/missing.wasm',
      '/vendor/mediapipe/vision_bundle.mjs',
      '/vendor/ws/package.json',
      '/models/secret.txt',
      '/models/../models-b/secret.txt',
      '/models/face_landmarker.task/../secret.txt',
      '/models/%2e%2e/secret.txt',
    ]) {
      const response = await rawGet(withModel.url, rawPath);
      expect([403, 404], rawPath).toContain(response.status);
      expect(response.body, rawPath).not.toContain('SECRET');
      expect(response.body, rawPath).not.toContain('"name"');
    }
  });

  it('lets the page compile WebAssembly but not eval', async () => {
    const csp = String((await rawGet(withModel.url, '/')).headers['content-security-policy']);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
  });

  it('takes a camera frame of a few hundred KB over the WebSocket, refuses other big messages and keeps the connection', async () => {
    const client = await openClient(withModel.url);
    await client.next();
    const before = api.sent.length;
    const frame = { jpegBase64: `/9j/${'A'.repeat(200 * 1024)}`, width: 640, height: 480, capturedAt: 1, seq: 0 };
    client.socket.send(JSON.stringify({ type: 'input', input: { type: 'auth.frame', frame } }));
    await expect.poll(() => api.sent.length).toBe(before + 1);
    expect(api.sent.at(-1)).toEqual({ type: 'auth.frame', frame });

    client.socket.send(JSON.stringify({ type: 'input', input: { type: 'citizen.text', text: '问'.repeat(20_000) } }));
    const reply = await client.next();
    expect(reply.type === 'error' && reply.message).toMatch(chinese);
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    expect(api.sent.length).toBe(before + 1);
    client.socket.close();
  });

  it('closes a connection that sends a message bigger than any frame', async () => {
    const client = await openClient(withModel.url);
    await client.next();
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code: number) => resolve(code)));
    client.socket.send(JSON.stringify({ type: 'input', input: { type: 'auth.frame', frame: { jpegBase64: `/9j/${'A'.repeat(600 * 1024)}` } } }));
    expect(await closed).toBe(1009);
  });
});
