import { maskIdNumber } from '../../common/maskIdNumber.js';
import type { FaceAuthView } from '../api/kioskApi.js';
import type { CameraController, CameraPreview } from './camera/index.js';
import { createCameraPreview } from './camera/index.js';
import type { SendInput } from './kioskActions.js';
import { h } from './dom.js';
import { renderChallenge } from './renderChallenge.js';
import { cameraSteps, faceAuthTitle, idInputSteps, renderCardHint, renderFaceAuthBar, renderFaceAuthInstruction, renderGuidance, renderWaiting, waitingLabel } from './renderFaceAuth.js';
import { renderFaceAuthResult } from './renderFaceAuthResult.js';
import { idNumberLength, renderIdKeypad, type IdEntryState, type IdKeypadActions } from './renderIdKeypad.js';
import { createSlot } from './slot.js';

export interface FaceAuthScreen {
  /** The 养老认证 screen; the same element for as long as the service runs. */
  element: HTMLElement;
  /** Redraws from the core's view, and starts or stops the camera frames it asks for. */
  show(view: FaceAuthView): void;
  /** The service ended: stop frames, close the preview, forget the typed number. */
  close(): void;
}

const tooShort = `身份证号是${idNumberLength}位，请输完整。`;
const offline = '暂时连接不上服务，请稍后再试。';

/**
 * The 养老认证 screen. Each part is a pure function of its slice of `view.faceAuth`; the local state is the
 * keypad's entry (never sent anywhere but the core, and dropped once sent) and the camera preview, which
 * stays the same element so the picture does not flicker when the view changes.
 */
export function createFaceAuthScreen(send: SendInput, camera: CameraController): FaceAuthScreen {
  const element = h('section', { className: 'face-auth', testId: 'face-auth', attrs: { 'aria-label': '养老认证' } });
  const bar = createSlot(element, 'face-auth-bar-slot');
  const instruction = createSlot(element, 'face-auth-instruction-slot');
  const cardHint = createSlot(element, 'face-auth-card-hint-slot');
  const keypad = createSlot(element, 'face-auth-keypad-slot');
  const waiting = createSlot(element, 'face-auth-waiting-slot');
  const cameraArea = h('div', { className: 'face-auth-camera' });
  cameraArea.hidden = true;
  element.append(cameraArea);
  const previewBox = h('div', { className: 'face-auth-preview' });
  cameraArea.append(previewBox);
  const guidance = createSlot(previewBox, 'face-auth-guidance-slot');
  const challenge = createSlot(cameraArea, 'face-auth-challenge-slot');
  const result = createSlot(element, 'face-auth-result-slot');

  let view: FaceAuthView | null = null;
  let preview: CameraPreview | null = null;
  let entry: IdEntryState = { entry: '', masked: null, hint: null };
  /** The instruction when the number went out: a new instruction in an input step means "type it again". */
  let instructionAtSend: string | null = null;
  let lastAttempt: number | null = null;
  /** The longest countdown seen for the current action: the full ring. */
  let ringKey = '';
  let ringFull = 0;

  const keypadActions: IdKeypadActions = {
    key(key) {
      if (entry.masked !== null || entry.entry.length >= idNumberLength) return;
      if (key === 'X' && entry.entry.length !== idNumberLength - 1) return;
      entry = { ...entry, entry: entry.entry + key, hint: null };
      draw();
    },
    del() {
      entry = entry.masked !== null ? { entry: '', masked: null, hint: null } : { ...entry, entry: entry.entry.slice(0, -1), hint: null };
      instructionAtSend = null;
      draw();
    },
    ok() {
      if (entry.masked !== null) return;
      if (entry.entry.length !== idNumberLength) {
        entry = { ...entry, hint: tooShort };
        draw();
        return;
      }
      const delivered = send({ type: 'auth.idNumber', idNumber: entry.entry });
      entry = delivered ? { entry: '', masked: maskIdNumber(entry.entry), hint: null } : { ...entry, hint: offline };
      instructionAtSend = delivered ? (view?.instruction ?? null) : null;
      draw();
    },
  };

  function draw(): void {
    if (!view) return;
    const current = view;
    element.dataset.step = current.step;
    element.setAttribute('aria-label', faceAuthTitle(current.purpose));
    bar.update(JSON.stringify([faceAuthTitle(current.purpose), current.step === 'result', current.attempt, current.maxAttempts]), () => renderFaceAuthBar(current, () => send({ type: 'auth.cancel' })));
    instruction.update(JSON.stringify(current.instruction), () => renderFaceAuthInstruction(current.instruction));

    const typing = idInputSteps.has(current.step);
    const shownEntry: IdEntryState = { ...entry, masked: entry.masked === null ? null : (current.idNumberMasked ?? entry.masked) };
    const hint = typing ? (current.cardHint ?? null) : null;
    cardHint.update(JSON.stringify(hint), () => renderCardHint(hint));
    keypad.update(JSON.stringify(typing ? shownEntry : null), () => (typing ? renderIdKeypad(shownEntry, keypadActions) : null));

    const label = waitingLabel(current.step);
    const cardName = current.cardNameMasked ?? null;
    waiting.update(JSON.stringify([label, current.idNumberMasked, cardName]), () => (label ? renderWaiting(label, current.idNumberMasked, cardName) : null));

    const showCamera = cameraSteps.has(current.step);
    if (showCamera && !preview) {
      preview = createCameraPreview(camera);
      previewBox.prepend(preview.element);
    }
    const wasHidden = cameraArea.hidden;
    cameraArea.hidden = !showCamera;
    if (showCamera && wasHidden) preview?.resume();
    guidance.update(JSON.stringify(showCamera ? current.guidance : null), () => (showCamera ? renderGuidance(current.guidance) : null));

    const action = showCamera ? current.challenge : null;
    if (action) {
      const key = `${current.attempt}:${action.index}:${action.kind}`;
      if (key !== ringKey) {
        ringKey = key;
        ringFull = 0;
      }
      ringFull = Math.max(ringFull, action.secondsLeft);
    }
    challenge.update(JSON.stringify(action ? [action, ringFull] : null), () => (action ? renderChallenge(action, ringFull) : null));

    result.update(JSON.stringify(current.step === 'result' ? current.result : null), () => (current.step === 'result' && current.result ? renderFaceAuthResult(current.result) : null));
  }

  return {
    element,
    show(next) {
      const previous = view;
      view = next;
      // Asked for the number again (a wrong number, not found): the keypad opens afresh.
      if (entry.masked !== null && idInputSteps.has(next.step) && (next.instruction !== instructionAtSend || (previous !== null && !idInputSteps.has(previous.step)))) {
        entry = { entry: '', masked: null, hint: null };
        instructionAtSend = null;
      }
      if (lastAttempt !== next.attempt) {
        lastAttempt = next.attempt;
        camera.resetSequence();
      }
      camera.setStreaming(next.wantFrames);
      draw();
    },
    close() {
      camera.setStreaming(false);
      preview?.dispose();
      preview?.element.remove();
      preview = null;
      view = null;
      entry = { entry: '', masked: null, hint: null };
      instructionAtSend = null;
      lastAttempt = null;
      ringKey = '';
      ringFull = 0;
    },
  };
}
