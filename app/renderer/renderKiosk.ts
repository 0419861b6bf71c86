import type { KioskView } from '../api/kioskApi.js';
import type { CameraController, CameraStatus } from './camera/index.js';
import type { SendInput } from './kioskActions.js';
import type { ConnectionState } from './kioskClient.js';
import { createAskBox } from './askBox.js';
import { h } from './dom.js';
import { createFaceAuthScreen } from './faceAuthScreen.js';
import { renderAnswer } from './renderAnswer.js';
import { renderAttract } from './renderAttract.js';
import { renderCameraStatus } from './renderCameraStatus.js';
import { renderConnection } from './renderConnection.js';
import { renderGreeting } from './renderGreeting.js';
import { renderGuiding } from './renderGuiding.js';
import { renderHeader } from './renderHeader.js';
import { renderNotice } from './renderNotice.js';
import { renderQueryMenu } from './renderQueryMenu.js';
import { renderServices } from './renderServices.js';
import { renderSubtitles, scrollToNewest } from './renderSubtitles.js';
import { renderThinking } from './renderThinking.js';
import { renderTransaction } from './renderTransaction.js';
import { renderVoiceStatus } from './renderVoiceStatus.js';
import { createSlot } from './slot.js';
import { createStaffOverlay } from './staffOverlay.js';

export interface KioskScreen {
  showView(view: KioskView): void;
  showConnection(state: ConnectionState): void;
  showTransportError(message: string): void;
}

/** How long a transport error stays up; it is about one tap, not the whole visit. */
const transportErrorMs = 6_000;

/**
 * Mounts the screen and redraws it from each KioskView. Every part is a pure function of its slice of
 * the view; a part is rebuilt only when its slice changed, so taps and scrolling are not disturbed.
 */
export function mountKioskScreen(root: HTMLElement, send: SendInput, camera: CameraController): KioskScreen {
  const header = createSlot(root, 'header-slot');
  const connection = createSlot(root, 'connection-slot');
  const notice = createSlot(root, 'notice-slot');
  const attract = createSlot(root, 'attract-slot');
  const stage = createSlot(root, 'stage-slot');
  const subtitles = createSlot(root, 'subtitles-slot');
  const voice = createSlot(root, 'voice-slot');
  const cameraLine = createSlot(root, 'camera-slot');
  const askBox = createAskBox(send);
  root.append(h('div', { className: 'ask-slot' }, [askBox.element]));
  // Last, so it lies over everything; empty and hidden unless a member of staff opened it.
  const staff = createStaffOverlay(send, camera);
  root.append(staff.element);
  // One 养老认证 screen for the page's life: its camera preview survives view changes.
  const faceAuth = createFaceAuthScreen(send, camera);

  let connectionState: ConnectionState = 'connecting';
  let transportError: string | null = null;
  let transportErrorTimer: ReturnType<typeof setTimeout> | undefined;
  let lastPhase: KioskView['phase'] | null = null;
  let cameraStatus: CameraStatus = camera.status();

  function drawConnection(): void {
    connection.update(JSON.stringify([connectionState, transportError]), () => renderConnection(connectionState, transportError));
  }
  drawConnection();

  function drawCamera(): void {
    const idle = lastPhase === null || lastPhase === 'idle';
    cameraLine.update(JSON.stringify([cameraStatus, idle]), () => renderCameraStatus(cameraStatus, idle));
  }
  camera.onStatus((status) => {
    cameraStatus = status;
    drawCamera();
  });
  drawCamera();

  return {
    showView(view) {
      const authRunning = view.faceAuth !== null;
      root.className = `kiosk phase-${view.phase}${answerShown(view) && !authRunning ? ' has-answer' : ''}${authRunning ? ' has-face-auth' : ''}`;
      root.dataset.phase = view.phase;
      if (view.phase === 'idle' && lastPhase !== 'idle') askBox.reset();
      lastPhase = view.phase;
      drawCamera();

      const idle = view.phase === 'idle';
      header.update(JSON.stringify([view.phase, view.citizen]), () => renderHeader(view, send, staff.openKeypad));
      notice.update(JSON.stringify(view.notice), () => renderNotice(view.notice));
      attract.update(JSON.stringify(idle && !authRunning), () => (idle && !authRunning ? renderAttract(send) : null));
      // 养老认证 takes the stage while it runs, whatever the phase; its screen redraws itself part by part.
      const stageChanged = stage.update(
        authRunning ? 'face-auth' : JSON.stringify(idle ? null : [view.phase, view.robotLine, view.suggestions, view.answer, view.services, view.queryMenu, view.transaction]),
        () => (authRunning ? h('main', { className: 'stage stage-face-auth' }, [faceAuth.element]) : idle ? null : renderStage(view, send)),
      );
      if (view.faceAuth) faceAuth.show(view.faceAuth);
      else faceAuth.close();
      if (stageChanged && answerShown(view)) stage.element.scrollTop = 0;
      if (subtitles.update(JSON.stringify(idle ? null : [view.subtitles, view.heard]), () => (idle ? null : renderSubtitles(view.subtitles, view.heard)))) {
        const list = subtitles.element.firstElementChild;
        if (list instanceof HTMLElement) scrollToNewest(list);
      }
      voice.update(JSON.stringify(view.voice), () => renderVoiceStatus(view.voice));
      staff.show(view.staff);
    },
    showConnection(state) {
      connectionState = state;
      drawConnection();
    },
    showTransportError(message) {
      transportError = message;
      drawConnection();
      clearTimeout(transportErrorTimer);
      transportErrorTimer = setTimeout(() => {
        transportError = null;
        drawConnection();
      }, transportErrorMs);
    },
  };
}

/** While the robot walks the citizen somewhere, the screen shows only where to (no answer card, no tiles). */
function answerShown(view: KioskView): boolean {
  return view.answer !== null && view.phase !== 'guiding';
}

/**
 * The middle of the screen: what the robot says, the thinking indicator, the answer, the 聊天查 menu while the
 * citizen chooses a query (the suggestions give it the room), the service tiles.
 */
function renderStage(view: KioskView, send: SendInput): HTMLElement {
  if (view.phase === 'guiding') return h('main', { className: 'stage stage-guiding' }, [renderGuiding(view.robotLine)]);
  const menu = view.queryMenu;
  return h('main', { className: 'stage' }, [
    // The menu or a transaction needs the room the suggestion chips would take.
    renderGreeting(menu || view.transaction ? { ...view, suggestions: [] } : view, send),
    view.phase === 'thinking' && renderThinking(),
    view.answer && renderAnswer(view.answer, send),
    menu && renderQueryMenu(menu, send),
    view.transaction && renderTransaction(view.transaction, send),
    !view.transaction && renderServices(view.services, view.answer !== null || menu !== null, send),
  ]);
}
