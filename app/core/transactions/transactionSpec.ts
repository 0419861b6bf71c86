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
  /**
   * Not required: asked once, and "不用"/"没有"/"跳过" (or the 跳过 button) leaves it out; it is then absent from the
   * values the spec gets. A value given later, or with 修改, still counts.
   */
  optional?: boolean;
  /** What leaving an optional field out means, shown in its place (证明时段: 全部参保记录); otherwise 不填. */
  whenSkipped?: string;
  /**
   * The answers a citizen can tap instead of saying them (参保证明, 个人权益记录单 …), shown as buttons while the field
   * is asked; a tap is read exactly as if the label had been said, so `read` must accept each label.
   */
  choices?: readonly string[];
}

/** How a submission ended at the business system. */
export type TransactionResult =
  | {
      status: 'submitted';
      reference: string;
      line: string;
      /** A job the submission put in the print spooler (参保证明打印): the visit follows it to paper. */
      printJobId?: string;
      /** Rows of the short receipt, beyond the title, reference and time every receipt has (no full ID or phone numbers). */
      receipt?: readonly string[];
    }
  /** Saved in the outbox while the business system is down: sent later, once; the citizen is told so. */
  | { status: 'queued'; line: string }
  | { status: 'refused'; reason: string };

/** Whether the citizen can have the transaction at all, checked before anything is asked. */
export type TransactionEligibility =
  | { eligible: true }
  /** Told as it is, with why and where to go instead; nothing is submitted, and staff come only when `callStaff`. */
  | { eligible: false; line: string; callStaff?: boolean };

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
  /**
   * Checked once identity is verified and before the first question (the record says the citizen cannot have it,
   * the monthly print limit is reached). Throwing counts as "the business system cannot be reached".
   */
  checkEligibility?(input: { citizenId: string }): Promise<TransactionEligibility>;
  /** Rows shown on screen with the confirmation (a certificate's preview): what the citizen will get. */
  preview?(input: { citizenId: string; values: Readonly<Record<string, unknown>> }): Promise<readonly string[]>;
  /**
   * A fresh spec for one transaction, for a spec that keeps what its eligibility check found (the citizen's own
   * certificates): each transaction starts from nothing, so nothing of one citizen's reaches the next.
   */
  begin?(): TransactionSpec;
  /** Sent once per transaction: the idempotency key is fixed when the transaction starts. */
  submit(input: { citizenId: string; values: Readonly<Record<string, unknown>>; idempotencyKey: string }): Promise<TransactionResult>;
}
