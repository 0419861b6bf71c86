import { createActor, sendTo, setup, type ActorRefFrom, type AnyActorLogic, type AnyActorRef, type EventObject, type SimulatedClock, type SnapshotFrom } from 'xstate';
import type { IdentityVerifiedEvent } from '../../../app/core/identity/identityCheckMachine.js';
import type { PensionAuthParentEvent, RobotSayEvent } from '../../../app/core/services/pensionAuth/pensionAuthEvents.js';

type ParentEvent = PensionAuthParentEvent | RobotSayEvent | IdentityVerifiedEvent | { type: 'leave' };

/**
 * Runs a face-screen child machine (the identity check, 养老认证) under a stand-in for the session: it records what
 * the child says, the identity it reports and its output, and forwards every other event to it, as the session does.
 */
export function childUnderParent<TLogic extends AnyActorLogic, TOutput>(logic: TLogic, input: unknown, clock: SimulatedClock) {
  const said: RobotSayEvent[] = [];
  const verified: IdentityVerifiedEvent[] = [];
  const outputs: TOutput[] = [];
  const parent = setup({ types: { events: {} as ParentEvent }, actors: { child: logic as AnyActorLogic } }).createMachine({
    initial: 'running',
    states: {
      running: {
        invoke: { id: 'child', src: 'child', input: () => input, onDone: { target: 'ended', actions: ({ event }) => outputs.push(event.output as TOutput) } },
        on: {
          'robot.say': { actions: ({ event }) => said.push(event) },
          'identity.verified': { actions: ({ event }) => verified.push(event) },
          leave: 'ended',
          '*': { actions: sendTo('child', ({ event }) => event as never) },
        },
      },
      ended: {},
    },
  });
  const actor = createActor(parent, { clock });
  actor.start();
  const childRef = () => actor.getSnapshot().children.child as AnyActorRef | undefined;
  const child = () => childRef() as ActorRefFrom<TLogic> | undefined;
  // After the child ends it is gone from the parent: keep its last snapshot for the assertions.
  let last = childRef()!.getSnapshot() as SnapshotFrom<TLogic>;
  childRef()!.subscribe((s) => (last = s as SnapshotFrom<TLogic>));
  const snapshot = (): SnapshotFrom<TLogic> => (childRef()?.getSnapshot() as SnapshotFrom<TLogic> | undefined) ?? last;
  let seq = 0;
  return {
    actor,
    said,
    verified,
    outputs,
    child,
    snapshot,
    send: (event: PensionAuthParentEvent | { type: 'leave' }) => actor.send(event),
    /** Any event straight to the child (a graph path's done and delay events). */
    sendToChild: (event: EventObject) => childRef()!.send(event),
    /** A raw camera frame from the screen, as the session forwards it. */
    frame: () => actor.send({ type: 'auth.frame', frame: { jpegBase64: '/9j/', width: 640, height: 480, capturedAt: clock.now(), seq: seq++ } }),
  };
}
