import { createActor, fromCallback, fromPromise, SimulatedClock } from 'xstate';
import type { AnswerView } from '../../../app/api/kioskApi.js';
import { createFieldCipher } from '../../../app/core/privacy/fieldCipher.js';
import type { GuideInput, GuideOutcome } from '../../../app/core/services/guideOutcome.js';
import { sessionMachine, type AnswerQuestionInput, type CallStaffInput, type SessionEmitted, type SpeakRequest } from '../../../app/core/session/sessionMachine.js';
import type { SessionEvent } from '../../../app/core/session/sessionEvents.js';
import { pushFrame, visitFrameOf, type VisitFrame } from '../../../app/core/session/visitFrame.js';
import { createVisitLogRecorder } from '../../../app/core/session/visitLogRecorder.js';
import type { StoredSessionEvent } from '../../../app/core/store/sessionEventStore.js';
import { answerFor, places, timing } from './sessionHarness.js';

/** The fixtures' data key: a test key, sealing only made-up visits. */
export const fixtureCipher = createFieldCipher({ keyFile: '/nonexistent', keyHex: '6b696f736b2d7265706c61792d666978747572652d6b65792d6e6f742d736563' });

/** A step of a scripted visit: an event from outside, or time passing. */
export type VisitStep = { send: SessionEvent } | { wait: number };

export interface RecordedVisit {
  name: string;
  entries: StoredSessionEvent[];
  frames: VisitFrame[];
  said: string[];
}

/**
 * Runs a scripted visit through the real session machine with scripted actors (answers, guide, staff) and the real
 * visit-log recorder, and keeps what the log stored and what the citizen saw and heard.
 */
export async function recordVisit(name: string, steps: VisitStep[], guideOutcome?: GuideOutcome | 'walking'): Promise<RecordedVisit> {
  const clock = new SimulatedClock();
  const entries: StoredSessionEvent[] = [];
  const frames: VisitFrame[] = [];
  const said: string[] = [];
  const recorder = createVisitLogRecorder({
    sink: { start: () => undefined, append: (_id, entry) => entries.push(entry), end: () => undefined },
    seal: (plain) => fixtureCipher.encrypt(plain),
    now: () => clock.now(),
  });
  const machine = sessionMachine.provide({
    actors: {
      answerQuestion: fromPromise<AnswerView, AnswerQuestionInput>(async ({ input }) => answerFor(input.question)),
      callStaff: fromPromise<void, CallStaffInput>(async () => undefined),
      guide: fromPromise<GuideOutcome, GuideInput>(({ signal }) =>
        guideOutcome === 'walking' || !guideOutcome
          ? new Promise((resolve) => signal.addEventListener('abort', () => resolve({ result: 'cancelled', placeLabel: '', directions: '' })))
          : Promise.resolve(guideOutcome),
      ),
      speech: fromCallback<SpeakRequest>(({ receive }) => receive((request) => said.push(request.line))),
    },
  });
  const actor = createActor(machine, {
    clock,
    inspect: (inspection) => recorder.inspect(inspection),
    input: { timing, places, robotName: '小青', newSessionId: () => 'recorded', now: () => clock.now() },
  });
  actor.on('*', (emitted) => recorder.onEmitted(emitted as SessionEmitted));
  actor.subscribe((snapshot) => pushFrame(frames, visitFrameOf(snapshot)));
  actor.start();
  for (const step of steps) {
    if ('send' in step) actor.send(step.send);
    else clock.increment(step.wait);
    // Let scripted actors settle (they resolve on the microtask queue).
    await new Promise((r) => setTimeout(r, 0));
  }
  actor.stop();
  return { name, entries, frames, said };
}

/** The recorded visits kept as fixtures (regenerate with `npx tsx test/core/session/fixtures/recordVisitFixtures.ts`). */
export const scriptedVisits: { name: string; steps: VisitStep[]; guide?: GuideOutcome | 'walking' }[] = [
  {
    name: 'typed-question-then-silence',
    steps: [
      { send: { type: 'citizen.touch' } },
      { wait: 3_000 },
      { send: { type: 'robot.speechEnded' } },
      { wait: 4_000 },
      { send: { type: 'citizen.text', text: '失业金怎么领' } },
      { wait: 6_000 },
      { send: { type: 'robot.speechEnded' } },
      { wait: 30_000 },
      { wait: 20_000 },
      { wait: 5_000 },
    ],
  },
  {
    name: 'spoken-question-and-goodbye',
    steps: [
      { send: { type: 'microphone.ready' } },
      { send: { type: 'voice.wake' } },
      { wait: 2_000 },
      { send: { type: 'voice.speechStarted' } },
      { send: { type: 'voice.partial', text: 'shi ye' } },
      { wait: 1_500 },
      { send: { type: 'voice.final', text: 'shi ye jin zen me ling', pinyin: 'shi ye jin zen me ling' } },
      { wait: 8_000 },
      { send: { type: 'citizen.end' } },
      { wait: 5_000 },
    ],
  },
  {
    name: 'guided-then-emergency-stop',
    guide: 'walking',
    steps: [
      { send: { type: 'citizen.text', text: '带我去3号窗口' } },
      { send: { type: 'robot.guideStarted', placeLabel: '3号窗口' } },
      { wait: 9_000 },
      { send: { type: 'robot.estop', pressed: true } },
      { wait: 1_000 },
      { send: { type: 'citizen.end' } },
      { wait: 5_000 },
    ],
  },
  {
    name: 'printing-through-paper-out',
    steps: [
      { send: { type: 'citizen.touch' } },
      { send: { type: 'print.started', jobId: 'job-7' } },
      { wait: 2_000 },
      { send: { type: 'printer.paused', jobId: 'job-7', reason: 'paper-out' } },
      { wait: 70_000 },
      { send: { type: 'printer.resumed', jobId: 'job-7' } },
      { wait: 3_000 },
      { send: { type: 'printer.jobDone', jobId: 'job-7' } },
      { wait: 60_000 },
    ],
  },
];
