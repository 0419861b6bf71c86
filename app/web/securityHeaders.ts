/**
 * Headers on every web-kiosk response. The CSP allows only this server's own files and its WebSocket;
 * the explicit ws:// origin is for browsers whose 'self' does not yet cover WebSocket schemes.
 */
export function securityHeaders(hostHeader: string | undefined): Record<string, string> {
  const wsSelf = hostHeader && /^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(hostHeader) ? ` ws://${hostHeader}` : '';
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self'${wsSelf}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
