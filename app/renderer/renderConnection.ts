import type { ConnectionState } from './kioskClient.js';
import { h } from './dom.js';

/** Transport trouble, shown only when the screen cannot reach the kiosk core. */
export function renderConnection(state: ConnectionState, transportError: string | null): HTMLElement | null {
  if (state !== 'open') {
    const text = state === 'connecting' ? '正在连接服务，请稍候…' : '连接已断开，正在重新连接…';
    return h('div', { className: 'connection', testId: 'connection', attrs: { role: 'status' } }, [text]);
  }
  if (transportError) return h('div', { className: 'connection', testId: 'connection', attrs: { role: 'alert' } }, [transportError]);
  return null;
}
