import type { FaceAuthView, KioskApi, KioskInput, KioskView } from '../../../app/api/kioskApi.js';

/** A KioskApi whose views the test sets: for driving the screen alone, without the core. */
export interface ScriptedKioskApi extends KioskApi {
  sent: KioskInput[];
  view(): KioskView;
  push(change: Partial<KioskView>): void;
  /** Resolves with the first input (from now on) that matches. */
  waitFor<T extends KioskInput['type']>(type: T, timeoutMs?: number): Promise<Extract<KioskInput, { type: T }>>;
}

export function idleView(): KioskView {
  return {
    phase: 'idle',
    sessionId: null,
    robotLine: '',
    subtitles: [],
    answer: null,
    services: [],
    suggestions: [],
    notice: null,
    voice: { enabled: false, reason: '语音未启用' },
    heard: null,
    faceAuth: null,
    citizen: null,
    queryMenu: null,
  transaction: null,
    staff: { unlocked: false, message: null, demoCitizens: [], printJobs: [], staffRequests: [], devices: [] },
  };
}

export function faceAuthView(change: Partial<FaceAuthView> = {}): FaceAuthView {
  return {
    purpose: 'pension-auth',
    step: 'idInput',
    instruction: '养老认证要核对是您本人。请先输入您的身份证号，然后看着屏幕，按提示做几个动作。',
    guidance: null,
    wantFrames: false,
    challenge: null,
    attempt: 0,
    maxAttempts: 3,
    result: null,
    idNumberMasked: null,
    ...change,
  };
}

export function createScriptedKioskApi(initial: KioskView = idleView()): ScriptedKioskApi {
  const listeners = new Set<(view: KioskView) => void>();
  const waiters: { type: string; resolve: (input: KioskInput) => void }[] = [];
  let current = initial;
  const sent: KioskInput[] = [];
  return {
    sent,
    send(input) {
      sent.push(input);
      for (const waiter of [...waiters]) {
        if (waiter.type !== input.type) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(input);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    view: () => current,
    push(change) {
      current = { ...current, ...change };
      for (const listener of listeners) listener(current);
    },
    waitFor<T extends KioskInput['type']>(type: T, timeoutMs = 15_000) {
      return new Promise<Extract<KioskInput, { type: T }>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          type,
          resolve: (input) => {
            clearTimeout(timer);
            resolve(input as Extract<KioskInput, { type: T }>);
          },
        });
      });
    },
  };
}
