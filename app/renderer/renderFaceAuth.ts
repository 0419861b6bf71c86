import type { FaceAuthView } from '../api/kioskApi.js';
import { button, h } from './dom.js';
import { scrubIdNumbers } from './scrubIdNumbers.js';

/** Steps that show the camera: the citizen looks at the screen, does the actions, waits for the check. */
export const cameraSteps: ReadonlySet<FaceAuthView['step']> = new Set(['positioning', 'challenge', 'verifying', 'submitting']);
/** Steps that show the ID-number keypad. */
export const idInputSteps: ReadonlySet<FaceAuthView['step']> = new Set(['explain', 'idInput']);

/** The screen's title: the identity check before a citizen's own record (聊天查) is 核实身份, the rest 养老认证. */
export function faceAuthTitle(purpose: FaceAuthView['purpose']): string {
  return purpose === 'identity' ? '核实身份' : '养老认证';
}

/**
 * The pure parts of the 养老认证 screen (faceAuthScreen.ts puts them together and keeps the keypad's state).
 * The instruction is the largest text; everything from the core goes in as text nodes.
 */
export function renderFaceAuthBar(view: FaceAuthView, onCancel: () => void): HTMLElement {
  const done = view.step === 'result';
  return h('header', { className: 'face-auth-bar' }, [
    h('h1', { className: 'face-auth-title', testId: 'face-auth-title' }, [faceAuthTitle(view.purpose)]),
    view.attempt > 0 && !done && h('span', { className: 'face-auth-attempt', testId: 'face-auth-attempt' }, [`第${view.attempt}次，共可试${view.maxAttempts}次`]),
    button(done ? '完成' : '取消', onCancel, { className: 'face-auth-cancel', testId: 'face-auth-cancel' }),
  ]);
}

export function renderFaceAuthInstruction(instruction: string): HTMLElement {
  return h('p', { className: 'face-auth-instruction', testId: 'face-auth-instruction', attrs: { role: 'status', 'aria-live': 'polite' } }, [instruction]);
}

/** The core's quality guidance from the last frame (请靠近一点 …), laid over the bottom of the preview. */
export function renderGuidance(guidance: string | null): HTMLElement | null {
  if (!guidance) return null;
  return h('p', { className: 'face-auth-guidance', testId: 'face-auth-guidance', attrs: { role: 'alert' } }, [guidance]);
}

/** With an ID-card reader ready while the number is asked: where to put the card (the core's line). */
export function renderCardHint(cardHint: string | null | undefined): HTMLElement | null {
  if (!cardHint) return null;
  return h('p', { className: 'face-auth-card-hint', testId: 'face-auth-card-hint', attrs: { role: 'note' } }, [cardHint]);
}

/**
 * While the core looks the number up or checks the face: the masked number (with the card holder's masked name
 * when the number came from the ID card) and a waiting indicator.
 */
export function renderWaiting(label: string, idNumberMasked: string | null, cardNameMasked: string | null = null): HTMLElement {
  return h('div', { className: 'face-auth-waiting', testId: 'face-auth-waiting' }, [
    cardNameMasked && h('p', { className: 'face-auth-id-masked', testId: 'face-auth-card-name' }, [`身份证：${cardNameMasked}`]),
    idNumberMasked && h('p', { className: 'face-auth-id-masked', testId: 'face-auth-id-masked' }, [`身份证号：${scrubIdNumbers(idNumberMasked)}`]),
    h('p', { className: 'thinking' }, [
      h('span', { className: 'thinking-dots', attrs: { 'aria-hidden': 'true' } }, [h('i'), h('i'), h('i')]),
      label,
    ]),
  ]);
}

export function waitingLabel(step: FaceAuthView['step']): string | null {
  switch (step) {
    case 'lookingUp':
      return '正在查询';
    case 'verifying':
      return '正在核对';
    case 'submitting':
      return '正在提交';
    default:
      return null;
  }
}
