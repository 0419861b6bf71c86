import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { parseClientMessage } from '../api/clientMessage.js';
import { maxFrameMessageBytes } from '../api/inputLimits.js';
import type { KioskApi, ServerMessage } from '../api/kioskApi.js';
import { lookUpFaceTrackingAsset, type FaceTrackingAsset } from './faceTrackingAssets.js';
import { securityHeaders } from './securityHeaders.js';
import { lookUpStaticFile, sendStaticFile, type StaticLookup } from './staticFiles.js';
import { isTrustedWebSocketRequest } from './trustedWebSocketRequest.js';

export interface WebKioskOptions {
  api: KioskApi;
  /** Loopback by default: the web kiosk is for a browser on the same machine and for tests. */
  host?: string;
  /** 0 picks a free port; read the real one from `url`. */
  port?: number;
  /** The built renderer (index.html, main.js, styles.css), e.g. dist/renderer. */
  rendererDir: string;
  /**
   * The MediaPipe Face Landmarker bundle (face_landmarker.task) the screen loads for presence and the camera
   * overlay, served at /models/face_landmarker.task. Absent or null: that path answers 404 and the screen runs
   * without presence detection (touch still wakes it). `findFaceLandmarkerModel(modelDirs)` finds it.
   */
  faceLandmarkerModelPath?: string | null;
  /** Where rejected messages and failures are reported (never with what the citizen typed or a picture). */
  log?: (message: string, detail?: unknown) => void;
}

export interface WebKiosk {
  url: string;
  close(): Promise<void>;
}

/**
 * ws closes the connection on a bigger message. Only camera frames (养老认证, staff enrolment) need this much;
 * parseClientMessage (app/api) refuses any other message above 16 KB.
 */
const maxFrameBytes = maxFrameMessageBytes;
/** Dead sockets (a browser that vanished without closing) are dropped after one missed ping. */
const heartbeatMs = 30_000;

/** Serves the renderer over HTTP and the KioskApi over a WebSocket at /api: the kiosk in any browser. */
export async function startWebKiosk(options: WebKioskOptions): Promise<WebKiosk> {
  const { api, host = '127.0.0.1', port = 0, rendererDir } = options;
  const log = options.log ?? ((message: string, detail?: unknown) => console.warn(`[web-kiosk] ${message}`, detail ?? ''));

  const server = http.createServer((request, response) => {
    for (const [name, value] of Object.entries(securityHeaders(request.headers.host))) response.setHeader(name, value);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('不支持的请求方法');
      return;
    }
    lookUpFile(request.url ?? '/')
      .then(({ found, cacheable }) => {
        if (found.status === 200 && 'body' in found) {
          response.writeHead(200, { 'Content-Type': found.contentType, 'Content-Length': String(Buffer.byteLength(found.body)) });
          response.end(request.method === 'HEAD' ? undefined : found.body);
          return;
        }
        // The wasm runtime and the model hold no personal data and are large: let the browser keep them.
        if (found.status === 200) return sendStaticFile(found, request, response, cacheable ? { 'Cache-Control': 'private, max-age=3600' } : {});
        log(`refused ${request.url ?? ''}: ${found.reason}`);
        response.writeHead(found.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(found.status === 403 ? '禁止访问' : '找不到该页面');
      })
      .catch((error: unknown) => {
        log('static file failed', error);
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('服务器内部错误');
      });
  });

  async function lookUpFile(url: string): Promise<{ found: StaticLookup | FaceTrackingAsset; cacheable: boolean }> {
    const asset = await lookUpFaceTrackingAsset(url, options.faceLandmarkerModelPath);
    if (asset) return { found: asset, cacheable: true };
    return { found: await lookUpStaticFile(rendererDir, url), cacheable: false };
  }

  const wss = new WebSocketServer({
    server,
    path: '/api',
    maxPayload: maxFrameBytes,
    verifyClient: ({ req }: { req: http.IncomingMessage }) => {
      const trusted = isTrustedWebSocketRequest(req, host);
      if (!trusted) log(`refused WebSocket from origin ${req.headers.origin ?? '(none)'} host ${req.headers.host ?? '(none)'}`);
      return trusted;
    },
  });
  const alive = new WeakMap<WebSocket, boolean>();

  wss.on('connection', (socket) => {
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
    socket.on('error', (error) => log('WebSocket error', error));

    let unsubscribe: () => void = () => {};
    try {
      // KioskApi calls back at once with the current view: that is the view sent on connect.
      unsubscribe = api.subscribe((view) => sendMessage(socket, { type: 'view', view }));
    } catch (error) {
      log('subscribe failed', error);
      socket.close(1011, 'kiosk unavailable');
      return;
    }
    socket.on('close', () => unsubscribe());
    socket.on('message', (data, isBinary) => handleFrame(socket, data, isBinary));
  });

  function handleFrame(socket: WebSocket, data: RawData, isBinary: boolean): void {
    if (isBinary) {
      reject(socket, '只接受文本消息。', 'binary frame');
      return;
    }
    const parsed = parseClientMessage(rawDataToString(data));
    if (!parsed.ok) {
      reject(socket, parsed.error.message, parsed.error.reason);
      return;
    }
    try {
      api.send(parsed.message.input);
    } catch (error) {
      log('api.send failed', error);
      sendMessage(socket, { type: 'error', message: '系统暂时无法处理，请稍后再试或联系工作人员。' });
    }
  }

  /**
   * Tells the screen what was wrong and keeps the connection: one bad message is no reason to go dark.
   * The log gets the reason (input type, failed check, field), never the content.
   */
  function reject(socket: WebSocket, message: string, reason: string): void {
    log(`rejected message: ${reason}`);
    sendMessage(socket, { type: 'error', message });
  }

  const heartbeat = setInterval(() => {
    for (const socket of wss.clients) {
      if (alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  return {
    url: `http://${urlHost(host)}:${address.port}/`,
    async close() {
      clearInterval(heartbeat);
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function sendMessage(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

function rawDataToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** The address a local browser should open, also when the server listens on every interface. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
