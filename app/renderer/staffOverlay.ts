import type { StaffView } from '../api/kioskApi.js';
import { createCameraPreview, type CameraController, type CameraPreview } from './camera/index.js';
import type { SendInput } from './kioskActions.js';
import { h } from './dom.js';
import { maxPinLength, minPinLength, renderStaffKeypad, type StaffKeypadActions } from './renderStaffKeypad.js';
import { renderStaffPanel, type StaffEnrolment } from './renderStaffPanel.js';

export interface StaffOverlay {
  /** A full-screen layer over the citizen screen; hidden (and empty) unless the keypad or the panel is up. */
  element: HTMLElement;
  /** Redraws from the core's staff view. */
  show(staff: StaffView): void;
  /** The staff gesture (long press on the brand): opens the PIN keypad unless the panel is already open. */
  openKeypad(): void;
}

/** A keypad left open closes by itself, so the next citizen never finds it. */
const keypadIdleMs = 30_000;

const tooShort = `密码至少${minPinLength}位数字。`;
const offline = '暂时连接不上服务，请稍后再试。';

/**
 * The staff layer. The panel is a pure function of `view.staff`; the only local state is the keypad's:
 * whether it is open and the digits typed so far, which never reach the DOM and are dropped once sent.
 */
export function createStaffOverlay(send: SendInput, camera: CameraController): StaffOverlay {
  const element = h('div', { className: 'staff-slot' });
  element.hidden = true;

  let staff: StaffView | null = null;
  let keypadOpen = false;
  let pin = '';
  let hint: string | null = null;
  /** A PIN went out since the keypad opened (or since the last key), so the core's message is about it. */
  let awaitingAnswer = false;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let lastKey: string | null = null;
  /** The reference-photo camera view, open for one demo citizen at a time. */
  let enrolling: { citizenId: string; preview: CameraPreview; hint: string | null; busy: boolean } | null = null;

  function openEnrolment(citizenId: string): void {
    closeEnrolment();
    enrolling = { citizenId, preview: createCameraPreview(camera, 'staff-enroll-preview'), hint: null, busy: false };
    draw();
    // The camera view opens at the top of the panel.
    element.scrollTop = 0;
  }

  function closeEnrolment(): void {
    if (!enrolling) return;
    enrolling.preview.dispose();
    enrolling = null;
  }

  async function captureReference(): Promise<void> {
    const current = enrolling;
    if (!current || current.busy) return;
    current.busy = true;
    current.hint = '正在拍照…';
    draw();
    const frame = await camera.captureOne().catch(() => null);
    if (enrolling !== current) return;
    current.busy = false;
    if (!frame) current.hint = camera.status().cameraProblem ?? '摄像头没有画面，请稍后再拍。';
    else current.hint = send({ type: 'staff.enrollPhoto', citizenId: current.citizenId, frame }) ? '照片已发送，处理结果见上方提示；不满意可以再拍一张。' : offline;
    draw();
  }

  function enrolment(citizens: StaffView['demoCitizens']): StaffEnrolment | null {
    if (!enrolling) return null;
    const current = enrolling;
    return {
      citizenId: current.citizenId,
      name: citizens.find((citizen) => citizen.id === current.citizenId)?.name ?? current.citizenId,
      preview: current.preview.element,
      hint: current.hint,
      busy: current.busy,
      capture: () => void captureReference(),
      close: () => {
        closeEnrolment();
        draw();
      },
    };
  }

  function resetKeypad(open: boolean): void {
    keypadOpen = open;
    pin = '';
    hint = null;
    awaitingAnswer = false;
    clearTimeout(idleTimer);
    if (open) restartIdleTimer();
  }

  function restartIdleTimer(): void {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      resetKeypad(false);
      draw();
    }, keypadIdleMs);
  }

  const actions: StaffKeypadActions = {
    digit(digit) {
      if (pin.length < maxPinLength) pin += digit;
      hint = null;
      awaitingAnswer = false;
      restartIdleTimer();
      draw();
    },
    clear() {
      pin = '';
      hint = null;
      awaitingAnswer = false;
      restartIdleTimer();
      draw();
    },
    confirm() {
      restartIdleTimer();
      if (pin.length < minPinLength) {
        hint = tooShort;
        draw();
        return;
      }
      const delivered = send({ type: 'staff.unlock', pin });
      pin = '';
      hint = delivered ? null : offline;
      awaitingAnswer = delivered;
      draw();
    },
    close() {
      resetKeypad(false);
      draw();
    },
  };

  function draw(): void {
    const unlocked = staff?.unlocked === true;
    const message = hint ?? (awaitingAnswer ? (staff?.message ?? null) : null);
    if (!unlocked) closeEnrolment();
    const enrolKey = enrolling ? [enrolling.citizenId, enrolling.hint, enrolling.busy] : null;
    const key = unlocked ? JSON.stringify(['panel', staff, enrolKey]) : keypadOpen ? JSON.stringify(['keypad', pin.length, message]) : '';
    if (key === lastKey) return;
    lastKey = key;
    const content =
      unlocked && staff
        ? renderStaffPanel(staff, send, { enrolment: enrolment(staff.demoCitizens), startEnrolment: openEnrolment })
        : keypadOpen
          ? renderStaffKeypad({ typed: pin.length, message }, actions)
          : null;
    // The layer is the scroller and survives redraws, so a job update does not jump the panel back to the top.
    if (!content) element.scrollTop = 0;
    element.replaceChildren(...(content ? [content] : []));
    element.hidden = content === null;
    // The preview moved into the new panel: a moved video may have paused.
    enrolling?.preview.resume();
  }

  return {
    element,
    show(next) {
      staff = next;
      // Unlocked: the panel replaces the keypad, and the typed PIN is forgotten.
      if (next.unlocked && keypadOpen) resetKeypad(false);
      draw();
    },
    openKeypad() {
      if (staff?.unlocked) return;
      resetKeypad(true);
      draw();
    },
  };
}
