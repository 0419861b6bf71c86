import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, type SnapshotFrom } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { LOCKOUT_MS, MAX_WRONG_PINS, staffLockMachine, staffLockMessages, type StaffLockEvent, type WrongPinParams } from '../../../app/core/staff/staffLockMachine.js';
import { matchesStaffPin, staffPinDigest } from '../../../app/core/staff/staffPin.js';

const PIN = '2580';
const AUTO_LOCK_MS = 120_000;

function start(input: { maxWrongPins?: number; lockoutMs?: number } = {}) {
  const clock = new SimulatedClock();
  const wrong: WrongPinParams[] = [];
  let unlocks = 0;
  const machine = staffLockMachine.provide({
    actions: {
      logWrongPin: (_, params) => void wrong.push(params),
      announceUnlocked: () => void unlocks++,
    },
  });
  const actor = createActor(machine, { clock, input: { pin: PIN, autoLockMs: AUTO_LOCK_MS, now: () => clock.now(), ...input } });
  actor.start();
  return { actor, clock, wrong, unlocks: () => unlocks };
}

describe('staff PIN comparison', () => {
  it('accepts only the same PIN, whatever the length of the attempt', () => {
    const digest = staffPinDigest(PIN);
    expect(matchesStaffPin('2580', digest)).toBe(true);
    for (const attempt of ['2581', '258', '25800', '', '０２５８０', ' 2580']) expect(matchesStaffPin(attempt, digest)).toBe(false);
  });
});

describe('staff lock machine', () => {
  it('counts wrong PINs, reports each to the provided action and locks out on the last one', () => {
    const { actor, wrong } = start({ maxWrongPins: 3 });
    actor.send({ type: 'staff.unlock', pin: '1111' });
    actor.send({ type: 'staff.unlock', pin: '2222' });
    expect(actor.getSnapshot().value).toBe('locked');
    expect(actor.getSnapshot().context.message).toBe(staffLockMessages.wrongPin);
    actor.send({ type: 'staff.unlock', pin: '3333' });
    expect(actor.getSnapshot().value).toBe('lockedOut');
    expect(wrong).toEqual([
      { wrongPins: 1, lockedOut: false },
      { wrongPins: 2, lockedOut: false },
      { wrongPins: 3, lockedOut: true },
    ]);
  });

  it('uses the lockout length from its input and reads the remaining seconds from the clock', () => {
    const { actor, clock } = start({ maxWrongPins: 1, lockoutMs: 10_000 });
    actor.send({ type: 'staff.unlock', pin: '0000' });
    expect(actor.getSnapshot().context.message).toBe('密码错误次数太多，请10秒后再试。');
    clock.increment(2_500);
    actor.send({ type: 'staff.activity' });
    expect(actor.getSnapshot().context.message).toBe('密码错误次数太多，请8秒后再试。');
    clock.increment(7_500);
    expect(actor.getSnapshot().value).toBe('locked');
    expect(actor.getSnapshot().context.message).toBeNull();
  });

  it('keeps a digest of the PIN, never the PIN itself', () => {
    const { actor } = start();
    actor.send({ type: 'staff.unlock', pin: PIN });
    expect(JSON.stringify(actor.getSnapshot().context)).not.toContain(PIN);
  });

  it('announces an unlock once, not on the activity that keeps the panel open', () => {
    const { actor, unlocks } = start();
    actor.send({ type: 'staff.unlock', pin: PIN });
    actor.send({ type: 'staff.activity' });
    actor.send({ type: 'staff.unlock', pin: PIN });
    expect(actor.getSnapshot().value).toBe('unlocked');
    expect(unlocks()).toBe(1);
  });
});

describe('staff lock machine, model-based (xstate/graph)', () => {
  const input = { pin: PIN, autoLockMs: AUTO_LOCK_MS, now: () => 0 };
  // The delayed transitions as events, taken from the machine itself (xstate.after.<delay>.<state id>).
  const delayed = Object.values(staffLockMachine.states).flatMap((node) => node.after.map((t) => ({ type: t.eventType }) as unknown as StaffLockEvent));
  const events: StaffLockEvent[] = [
    { type: 'staff.unlock', pin: PIN },
    { type: 'staff.unlock', pin: '0000' },
    { type: 'staff.lock' },
    { type: 'staff.activity' },
    ...delayed,
  ];
  type Snapshot = SnapshotFrom<typeof staffLockMachine>;
  const isRightPin = (event: StaffLockEvent) => event.type === 'staff.unlock' && event.pin === PIN;
  const isWrongPin = (event: StaffLockEvent) => event.type === 'staff.unlock' && event.pin !== PIN;

  it('has a delayed transition out of lockedOut and unlocked', () => {
    expect(delayed.map((e) => e.type).sort()).toEqual(['xstate.after.autoLock.staffLock.unlocked', 'xstate.after.lockout.staffLock.lockedOut']);
  });

  it('reaches every state', () => {
    const paths = getShortestPaths(staffLockMachine, { input, events });
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual(Object.keys(staffLockMachine.states).sort());
  });

  it('reaches lockedOut only after MAX_WRONG_PINS wrong PINs in a row', () => {
    const [toLockout, ...others] = getShortestPaths(staffLockMachine, { input, events, toState: (s: Snapshot) => s.matches('lockedOut') });
    expect(toLockout).toBeDefined();
    expect(others.every((p) => p.steps.length >= toLockout!.steps.length)).toBe(true);
    expect(toLockout!.steps.map((s) => s.event).filter(isWrongPin)).toHaveLength(MAX_WRONG_PINS);
    expect(toLockout!.state.context.lockedOutUntil).toBe(LOCKOUT_MS);
  });

  it('never opens without the right PIN, on any simple path', () => {
    const paths = getSimplePaths(staffLockMachine, { input, events, toState: (s: Snapshot) => s.matches('unlocked') });
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const opening = path.steps.findIndex((step) => step.state.matches('unlocked'));
      expect(isRightPin(path.steps[opening]!.event)).toBe(true);
    }
  });

  it('has a way back to locked from every reachable state', () => {
    const reachable = getShortestPaths(staffLockMachine, { input, events });
    expect(reachable.length).toBeGreaterThan(Object.keys(staffLockMachine.states).length);
    for (const path of reachable) {
      const back = getShortestPaths(staffLockMachine, { input, events, fromState: path.state, toState: (s: Snapshot) => s.matches('locked') });
      expect(back.length, `no way back to locked from ${JSON.stringify(path.state.value)}`).toBeGreaterThan(0);
      if (!path.state.matches('locked')) expect(back.every((p) => p.steps.length > 0)).toBe(true);
    }
  });
});
