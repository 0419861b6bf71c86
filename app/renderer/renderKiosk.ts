import type { KioskView } from '../api/kioskApi.js';
import type { SendInput } from './kioskActions.js';
import type { ConnectionState } from './kioskClient.js';
import { createAskBox } from './askBox.js';
import { h } from './dom.js';
import { renderAnswer } from './renderAnswer.js';
import { renderAttract } from './renderAttract.js';
import { renderConnection } from './renderConnection.js';
import { renderGreeting } from './renderGreeting.js';
import { renderGuiding } from './renderGuiding.js';
import { renderHeader } from './renderHeader.js';
import { renderNotice } from './renderNotice.js';
import { renderServices } from './renderServices.js';
import { renderSubtitles, scrollToNewest } from './renderSubtitles.js';
import { renderThinking } from './renderThinking.js';
import { renderVoiceStatus } from './renderVoiceStatus.js';
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
export function mountKioskScreen(root: HTMLElement, send: SendInput): KioskScreen {
  const header = createSlot(root, 'header-slot');
  const connection = createSlot(root, 'connection-slot');
  const notice = createSlot(root, 'notice-slot');
  const attract = createSlot(root, 'attract-slot');
  const stage = createSlot(root, 'stage-slot');
  const subtitles = createSlot(root, 'subtitles-slot');
  const voice = createSlot(root, 'voice-slot');
  const askBox = createAskBox(send);
  root.append(h('div', { className: 'ask-slot' }, [askBox.element]));
  // Last, so it lies over everything; empty and hidden unless a member of staff opened it.
  const staff = createStaffOverlay(send);
  root.append(staff.element);

  let connectionState: ConnectionState = 'connecting';
  let transportError: string | null = null;
  let transportErrorTimer: ReturnType<typeof setTimeout> | undefined;
  let lastPhase: KioskView['phase'] | null = null;

  function drawConnection(): void {
    connection.update(JSON.stringify([connectionState, transportError]), () => renderConnection(connectionState, transportError));
  }
  drawConnection();

  return {
    showView(view) {
      root.className = `kiosk phase-${view.phase}${answerShown(view) ? ' has-answer' : ''}`;
      root.dataset.phase = view.phase;
      if (view.phase === 'idle' && lastPhase !== 'idle') askBox.reset();
      lastPhase = view.phase;

      const idle = view.phase === 'idle';
      header.update(JSON.stringify([view.phase]), () => renderHeader(view, send, staff.openKeypad));
      notice.update(JSON.stringify(view.notice), () => renderNotice(view.notice));
      attract.update(JSON.stringify(idle), () => (idle ? renderAttract(send) : null));
      const stageChanged = stage.update(
        JSON.stringify(idle ? null : [view.phase, view.robotLine, view.suggestions, view.answer, view.services]),
        () => (idle ? null : renderStage(view, send)),
      );
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

/** The middle of the screen: what the robot says, the thinking indicator, the answer, the service tiles. */
function renderStage(view: KioskView, send: SendInput): HTMLElement {
  if (view.phase === 'guiding') return h('main', { className: 'stage stage-guiding' }, [renderGuiding(view.robotLine)]);
  return h('main', { className: 'stage' }, [
    renderGreeting(view, send),
    view.phase === 'thinking' && renderThinking(),
    view.answer && renderAnswer(view.answer, send),
    renderServices(view.services, view.answer !== null, send),
  ]);
}

interface Slot {
  element: HTMLElement;
  /** Rebuilds the slot when `key` differs from last time; returns whether it did. */
  update(key: string, build: () => HTMLElement | null): boolean;
}

function createSlot(parent: HTMLElement, className: string): Slot {
  const element = h('div', { className });
  element.hidden = true;
  parent.append(element);
  let lastKey: string | null = null;
  return {
    element,
    update(key, build) {
      if (key === lastKey) return false;
      lastKey = key;
      const content = build();
      element.replaceChildren(...(content ? [content] : []));
      element.hidden = content === null;
      return true;
    },
  };
}
