/**
 * The screen talks to its own server only. A library that tries to reach another host over http(s) — MediaPipe
 * tasks-vision posts usage logs to odml.pa.googleapis.com once a minute — is refused here, before any request,
 * so nothing is attempted. The page's Content Security Policy (connect-src) still enforces the same; this stops
 * the attempts (and the violation each one reports) at the source.
 */
export function keepFetchLocal(): void {
  const nativeFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const remote = (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== location.origin;
    return remote ? Promise.reject(new TypeError(`the kiosk screen does not contact ${url.host}`)) : nativeFetch(input, init);
  };
}
