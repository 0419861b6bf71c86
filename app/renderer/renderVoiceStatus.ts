import type { KioskView } from '../api/kioskApi.js';
import { h } from './dom.js';

/** Tells the citizen whether speaking works, so nobody talks to a deaf robot. */
export function renderVoiceStatus(voice: KioskView['voice']): HTMLElement {
  // The core's reason is already a full sentence telling the citizen what to do instead.
  const text = voice.enabled
    ? '语音已开启：您可以直接说话'
    : `语音暂不可用：${voice.reason ?? '请在屏幕上输入或点选。'}`;
  return h('p', { className: voice.enabled ? 'voice voice-on' : 'voice voice-off', testId: 'voice' }, [text]);
}
