import type { IncomingMessage } from 'node:http';

const loopbackNames = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const wildcardHosts = new Set(['0.0.0.0', '::', '']);

/**
 * Whether a WebSocket upgrade may drive the kiosk. A browser page from another site must not
 * (cross-site WebSocket hijacking), and neither may a rebound DNS name pointing at our loopback port.
 * Clients that send no Origin (Node tools, tests) are not browsers and are let through.
 */
export function isTrustedWebSocketRequest(request: IncomingMessage, boundHost: string): boolean {
  const hostHeader = request.headers.host;
  if (!hostHeader) return false;
  const hostname = hostnameOf(hostHeader);
  if (!wildcardHosts.has(boundHost) && !loopbackNames.has(hostname) && hostname !== boundHost && hostname !== `[${boundHost}]`) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === hostHeader;
  } catch {
    return false;
  }
}

function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.replace(/:\d+$/, '');
}
