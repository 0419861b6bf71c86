import type { ListenPatience } from '../session/sessionEvents.js';

/** A value the citizen gives, as the transaction reads it from what they said or typed. */
export type FieldReading<T> = { ok: true; value: T } | { ok: false; problem: string } | null;

/** One thing a transaction needs from the citizen (a phone number, a reason, an address). */
export interface TransactionField<T = unknown> {
  name: string;
  /** How the screen and the read-back name it: 手机号码. */
  label: string;
  /** How the robot asks for it. */
  ask: string;
  /** How patiently to listen for it (`number` while a number is read out). */
  listen?: ListenPatience;
  /** The value in what the citizen said (characters, and toneless pinyin for speech); null when it is not there. */
  read(text: string, pinyin: string | null): FieldReading<T>;
  /** The value as the robot reads it back (a phone number digit by digit). */
  readBack(value: T): string;
}

/** How a submission ended at the business system. */
export type TransactionResult =
  | { status: 'submitted'; reference: string; line: string }
  /** Saved in the outbox while the business system is down: sent later, once; the citizen is told so. */
  | { status: 'queued'; line: string }
  | { status: 'refused'; reason: string };

/**
 * One 对话办 transaction: what it needs, what it will do (said before the yes), and how it is submitted. The
 * machine that runs it (transactionMachine.ts) is the same for every transaction.
 */
export interface TransactionSpec {
  service: string;
  title: string;
  fields: readonly TransactionField[];
  /** Exactly what will happen, with its consequences, said and shown before the citizen's yes. */
  describe(values: Readonly<Record<string, unknown>>): string;
  /** Sent once per transaction: the idempotency key is fixed when the transaction starts. */
  submit(input: { citizenId: string; values: Readonly<Record<string, unknown>>; idempotencyKey: string }): Promise<TransactionResult>;
}
