import type { FaceAuthView } from '../api/kioskApi.js';
import { h } from './dom.js';

type Result = NonNullable<FaceAuthView['result']>;

const outcomeTitles: Record<Result['outcome'], string> = {
  authenticated: '认证成功',
  queued: '核对通过，结果已保存',
  'already-authenticated': '本周期已认证',
  'not-pensioner': '无需认证',
  failed: '认证没有通过',
  'staff-review': '请等工作人员',
};

const outcomeTones: Record<Result['outcome'], 'good' | 'info' | 'bad'> = {
  authenticated: 'good',
  queued: 'good',
  'already-authenticated': 'info',
  'not-pensioner': 'info',
  failed: 'bad',
  'staff-review': 'bad',
};

/** 2026-11-30 → 2026年11月30日; anything else as sent. */
export function formatDueDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date;
}

/** The outcome: a big title, the core's message, and the next due date when there is one. */
export function renderFaceAuthResult(result: Result): HTMLElement {
  const tone = outcomeTones[result.outcome];
  return h('div', { className: `face-auth-result result-${tone}`, testId: 'face-auth-result', attrs: { 'data-outcome': result.outcome, role: 'status' } }, [
    h('p', { className: 'result-mark', attrs: { 'aria-hidden': 'true' } }, [tone === 'good' ? '✓' : tone === 'bad' ? '!' : 'i']),
    h('h2', { className: 'result-title' }, [outcomeTitles[result.outcome]]),
    h('p', { className: 'result-message', testId: 'face-auth-result-message' }, [result.message]),
    result.nextDueDate && h('p', { className: 'result-due', testId: 'face-auth-next-due' }, [`下次认证截止日期：${formatDueDate(result.nextDueDate)}`]),
  ]);
}
