/**
 * Headers on every web-kiosk response. The CSP allows only this server's own files (and compiling its own
 * WebAssembly), its WebSocket and the camera picture (a MediaStream needs no source);
 * the explicit ws:// origin is for browsers whose 'self' does not yet cover WebSocket schemes.
 */
export function securityHeaders(hostHeader: string | undefined): Record<string, string> {
  const wsSelf = hostHeader && /^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(hostHeader) ? ` ws://${hostHeader}` : '';
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      // 'wasm-unsafe-eval' lets the page compile WebAssembly (MediaPipe face tracking) and nothing else: no eval.
      "script-src 'self' 'wasm-unsafe-eval'",
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
