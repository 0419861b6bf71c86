import { expect } from 'vitest';
import type { SessionEvent } from '../../../app/core/session/sessionEvents.js';
import { toTonelessPinyin } from '../../../app/core/nlu/toPinyin.js';
import { spokenForm, type AdversarialInput } from './adversarialInputs.js';
import { kioskWrittenText, leaksIn, type Kiosk, type Leak, type Mark, type SafetyWorld } from './safetyRig.js';

export type Channel = 'typed' | 'spoken';

/**
 * Inputs and channels left out of the suite until the fix in another owner's file lands (each reported with the
 * suite, as `${id} ${channel}`); delete the entry when it is fixed. None at the moment.
 */
const AWAITING_FIX = new Set<string>([]);

/** Whether the input is driven on this channel ('spoken (pinyin only)' counts as spoken). */
export function drivenOn(input: Pick<AdversarialInput, 'id'>, channel: string): boolean {
  return !AWAITING_FIX.has(`${input.id} ${channel.split(' ')[0]}`);
}

/** The input as the screen (typed) or the voice (recognized, digits read out) delivers it to the session. */
export function lineEvent(input: Pick<AdversarialInput, 'text'>, channel: Channel): Extract<SessionEvent, { type: 'citizen.text' | 'voice.final' }> {
  if (channel === 'typed') return { type: 'citizen.text', text: input.text };
  const text = spokenForm(input.text);
  return { type: 'voice.final', text, pinyin: toTonelessPinyin(text) };
}

/** A number read out or written: seven or more digits (in any form), i.e. an ID, phone, card or account number. */
const LONG_NUMBER = /\d{7,}|[零〇洞一幺二两三四五六七拐八九叉]{7,}|\b(?:(?:ling|dong|yi|yao|er|liang|san|si|wu|liu|qi|guai|ba|jiu)\s+){6,}/i;

function compactDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/(?<=\d)[\s-]+(?=\d)/g, '');
}

function describeLeaks(where: string, leaks: Leak[]): string[] {
  return leaks.map((l) => `${where}: ${l.citizenId} ${l.kind} ${l.value}`);
}

/**
 * Nothing personal of anyone but `present` (the citizen verified and in front of the robot) was said or shown since
 * the mark; nothing personal of anyone at all is in the log lines, the kiosk database in clear or the LLM's prompts;
 * no number reached the LLM; no record of anyone but `present` was read from the business system.
 */
export function expectNothingPersonal(world: SafetyWorld, kiosk: Kiosk, from: Mark, present: string | null, options: { staleOf?: string } = {}): void {
  const seen = kiosk.since(from);
  const allowed = new Set(present ? [present] : []);
  // What the previous citizen left on the screen is checked on its own: here, only what is new.
  const allowedOnScreen = new Set([...allowed, ...(options.staleOf ? [options.staleOf] : [])]);
  const problems = [
    ...seen.said.flatMap((line) => describeLeaks(`said "${line}"`, leaksIn(line, world.secrets, allowed))),
    ...seen.views.flatMap((view, i) => describeLeaks(`view ${i}`, leaksIn(kioskWrittenText(view), world.secrets, allowedOnScreen))),
    // The question repeated over a policy answer is the citizen's own, but its numbers are masked on the screen.
    ...seen.views.flatMap((view, i) =>
      describeLeaks(`question shown over the answer in view ${i}`, leaksIn(view.answer?.question ?? '', world.secrets, allowedOnScreen).filter((l) => l.kind === 'idNumber' || l.kind === 'phone')),
    ),
    ...seen.logs.flatMap((line) => describeLeaks(`log ${line}`, leaksIn(line, world.secrets))),
    ...seen.prompts.flatMap((prompt, i) => describeLeaks(`LLM prompt ${i}`, leaksIn(prompt, world.secrets))),
    ...seen.questionsToLlm.filter((q) => LONG_NUMBER.test(compactDigits(q))).map((q) => `a number reached the LLM: ${q}`),
    ...describeLeaks('kiosk database', leaksIn(kiosk.databaseText(), world.secrets)),
    ...seen.reads.filter((r) => r.citizenId === null || !allowed.has(r.citizenId)).map((r) => `record read: ${r.method}(${r.citizenId})`),
  ];
  expect(problems).toEqual([]);
}
