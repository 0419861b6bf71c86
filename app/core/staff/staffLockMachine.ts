import { assign, setup } from 'xstate';
import { matchesStaffPin, staffPinDigest } from './staffPin.js';

/** Wrong PINs in a row before the keypad locks out. */
export const MAX_WRONG_PINS = 5;
/** How long the keypad refuses PINs after too many wrong ones. */
export const LOCKOUT_MS = 60_000;

/** What the staff panel tells staff about its lock. */
export const staffLockMessages = {
  enterPin: '请先输入工作人员密码。',
  wrongPin: '密码不对，请重新输入。',
  unlocked: '已进入工作人员模式。',
  lockedOut: (remainingMs: number) => `密码错误次数太多，请${Math.max(1, Math.ceil(remainingMs / 1000))}秒后再试。`,
} as const;

export type StaffLockEvent =
  | { type: 'staff.unlock'; pin: string }
  | { type: 'staff.lock' }
  /** Staff did something on the panel: restarts the auto-lock when unlocked, is refused when not. */
  | { type: 'staff.activity' };

export interface StaffLockInput {
  pin: string;
  /** Locks itself after this long without staff activity (config `staff.autoLockMs`). */
  autoLockMs: number;
  /** Default MAX_WRONG_PINS. */
  maxWrongPins?: number;
  /** Default LOCKOUT_MS. */
  lockoutMs?: number;
  /** The clock the remaining lockout is read from (the actor's clock: simulated in tests). */
  now: () => number;
}

export interface StaffLockContext {
  /** SHA-256 of the PIN; the PIN itself is not kept. */
  pinDigest: Uint8Array;
  autoLockMs: number;
  maxWrongPins: number;
  lockoutMs: number;
  now: () => number;
  /** Wrong PINs since the last unlock or lockout. */
  wrongPins: number;
  /** When the current lockout ends (in `now()` time); 0 when none was ever imposed. */
  lockedOutUntil: number;
  /** The staff-facing message about the lock, null when there is nothing to say. */
  message: string | null;
}

export interface WrongPinParams {
  /** Wrong PINs in a row, this one included. */
  wrongPins: number;
  /** This one started a lockout. */
  lockedOut: boolean;
}

/**
 * The staff panel's lock: locked → unlocked with the right PIN; too many wrong PINs → lockedOut for a while;
 * unlocked → locked by staff or after `autoLockMs` without activity. Logging is provided from outside
 * (`machine.provide({ actions: { logWrongPin, announceUnlocked } })`); the PIN never reaches an action.
 */
export const staffLockMachine = setup({
  types: {
    context: {} as StaffLockContext,
    events: {} as StaffLockEvent,
    input: {} as StaffLockInput,
  },
  delays: {
    autoLock: ({ context }) => context.autoLockMs,
    lockout: ({ context }) => context.lockoutMs,
  },
  guards: {
    rightPin: ({ context, event }) => event.type === 'staff.unlock' && matchesStaffPin(event.pin, context.pinDigest),
    lastWrongPin: ({ context }) => context.wrongPins + 1 >= context.maxWrongPins,
  },
  actions: {
    /** A wrong PIN was typed (provided: the console logs it, without the PIN). */
    logWrongPin: (_, _params: WrongPinParams) => undefined,
    /** The right PIN opened the panel (provided: the console logs it and loads the demo citizens). */
    announceUnlocked: () => undefined,
    remindLockout: assign({ message: ({ context }) => staffLockMessages.lockedOut(context.lockedOutUntil - context.now()) }),
    clearMessage: assign({ message: null }),
  },
}).createMachine({
  id: 'staffLock',
  initial: 'locked',
  context: ({ input }) => ({
    pinDigest: staffPinDigest(input.pin),
    autoLockMs: input.autoLockMs,
    maxWrongPins: input.maxWrongPins ?? MAX_WRONG_PINS,
    lockoutMs: input.lockoutMs ?? LOCKOUT_MS,
    now: input.now,
    wrongPins: 0,
    lockedOutUntil: 0,
    message: null,
  }),
  states: {
    locked: {
      on: {
        'staff.unlock': [
          {
            guard: 'rightPin',
            target: 'unlocked',
            actions: [assign({ wrongPins: 0, message: staffLockMessages.unlocked }), 'announceUnlocked'],
          },
          {
            guard: 'lastWrongPin',
            target: 'lockedOut',
            actions: [
              { type: 'logWrongPin', params: ({ context }) => ({ wrongPins: context.wrongPins + 1, lockedOut: true }) },
              assign(({ context }) => ({
                wrongPins: 0,
                lockedOutUntil: context.now() + context.lockoutMs,
                message: staffLockMessages.lockedOut(context.lockoutMs),
              })),
            ],
          },
          {
            actions: [
              { type: 'logWrongPin', params: ({ context }) => ({ wrongPins: context.wrongPins + 1, lockedOut: false }) },
              assign({ wrongPins: ({ context }) => context.wrongPins + 1, message: staffLockMessages.wrongPin }),
            ],
          },
        ],
        'staff.activity': { actions: assign({ message: staffLockMessages.enterPin }) },
      },
    },
    lockedOut: {
      after: { lockout: { target: 'locked', actions: 'clearMessage' } },
      on: {
        // No PIN is checked until the lockout ends; staff are told how long is left.
        'staff.unlock': { actions: 'remindLockout' },
        'staff.activity': { actions: 'remindLockout' },
      },
    },
    unlocked: {
      after: { autoLock: { target: 'locked', actions: 'clearMessage' } },
      on: {
        // Re-entering restarts the auto-lock delay.
        'staff.activity': { target: 'unlocked', reenter: true },
        'staff.unlock': { target: 'unlocked', reenter: true },
        'staff.lock': { target: 'locked', actions: 'clearMessage' },
      },
    },
  },
});
