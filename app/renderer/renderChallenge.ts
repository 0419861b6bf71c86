import type { FaceAuthView, LivenessChallengeKind } from '../api/kioskApi.js';
import { h } from './dom.js';
import { challengeIcon, secondsRing } from './icons.js';

/** Short labels beside the icon; the full instruction (also spoken) comes from the core. */
export const challengeLabels: Record<LivenessChallengeKind, string> = {
  blink: '眨眨眼',
  turnLeft: '向左转头',
  turnRight: '向右转头',
  openMouth: '张张嘴',
  nod: '点点头',
};

/** The action the citizen is asked to do now: its picture, its name, which of how many, and the seconds left. */
export function renderChallenge(challenge: NonNullable<FaceAuthView['challenge']>, fullSeconds: number): HTMLElement {
  return h('div', { className: 'challenge', testId: 'face-auth-challenge', attrs: { 'data-kind': challenge.kind, 'data-index': String(challenge.index), role: 'status' } }, [
    challengeIcon(challenge.kind),
    h('div', { className: 'challenge-text' }, [
      h('p', { className: 'challenge-label' }, [challengeLabels[challenge.kind]]),
      h('p', { className: 'challenge-count' }, [`动作 ${challenge.index}/${challenge.total}`]),
    ]),
    h('div', { className: 'challenge-seconds', attrs: { 'aria-label': `还剩${Math.max(0, Math.ceil(challenge.secondsLeft))}秒` } }, [
      secondsRing(challenge.secondsLeft, fullSeconds),
    ]),
  ]);
}
