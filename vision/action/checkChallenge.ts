import type { ActionFrame, ActionResult } from './actionFrame.js';
import { detectBlink } from './detectBlink.js';
import { detectHeadTurn } from './detectHeadTurn.js';
import { detectMouthOpen } from './detectMouthOpen.js';
import { detectNod } from './detectNod.js';

/** The action challenges (same names as the kiosk's LivenessChallengeKind). */
export type ActionChallengeKind = 'blink' | 'turnLeft' | 'turnRight' | 'openMouth' | 'nod';

/** Whether the frames of one challenge (those captured between its prompt and its deadline) show the action. */
export function checkChallenge(kind: ActionChallengeKind, frames: readonly ActionFrame[]): ActionResult {
  switch (kind) {
    case 'blink':
      return detectBlink(frames);
    case 'turnLeft':
      return detectHeadTurn(frames, 'left');
    case 'turnRight':
      return detectHeadTurn(frames, 'right');
    case 'openMouth':
      return detectMouthOpen(frames);
    case 'nod':
      return detectNod(frames);
  }
}
