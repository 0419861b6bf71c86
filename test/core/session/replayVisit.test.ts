import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replayVisit } from '../../../app/core/session/replayVisit.js';
import { places, timing } from './sessionHarness.js';
import { fixtureCipher, recordVisit, scriptedVisits, type RecordedVisit } from './visitRecording.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const recorded: RecordedVisit[] = readdirSync(fixtures)
  .filter((f) => f.endsWith('.visit.json'))
  .map((f) => JSON.parse(readFileSync(path.join(fixtures, f), 'utf8')) as RecordedVisit);
const settings = { timing, places, robotName: '小青', unseal: (sealed: string) => fixtureCipher.decrypt(sealed) };

describe('replaying recorded visits', () => {
  it('has the recorded visits to replay', () => {
    expect(recorded.map((v) => v.name).sort()).toEqual(scriptedVisits.map((v) => v.name).sort());
  });

  for (const visit of recorded) {
    it(`${visit.name}: a fresh machine shows the same frames and says the same lines`, () => {
      const replayed = replayVisit(visit.entries, settings);
      expect(replayed.said).toEqual(visit.said);
      expect(replayed.frames).toEqual(visit.frames);
    });
  }

  it('the fixtures are still what the machine does today (else regenerate them on purpose and read the diff)', async () => {
    for (const script of scriptedVisits) {
      const today = await recordVisit(script.name, script.steps, script.guide);
      const kept = recorded.find((v) => v.name === script.name)!;
      expect(today.said).toEqual(kept.said);
      expect(today.frames).toEqual(kept.frames);
      expect(today.entries.map((e) => [e.seq, e.atMs, e.type, e.detail])).toEqual(kept.entries.map((e) => [e.seq, e.atMs, e.type, e.detail]));
    }
  });

  it('a replay depends on the log: dropping the answer changes what is seen', () => {
    const visit = recorded.find((v) => v.name === 'typed-question-then-silence')!;
    const withoutAnswer = visit.entries.filter((e) => !e.type.startsWith('xstate.done.actor'));
    const replayed = replayVisit(withoutAnswer, settings);
    expect(replayed.frames).not.toEqual(visit.frames);
    expect(replayed.said).not.toContain(visit.frames.find((f) => f.answer)!.answer);
  });

  it('keeps nothing the citizen typed or said in clear', () => {
    for (const visit of recorded) {
      const clear = JSON.stringify(visit.entries.map((e) => [e.type, e.detail]));
      expect(clear).not.toMatch(/失业金|tui xiu|带我去/);
      expect(visit.entries.every((e) => e.type === 'transition' || e.sealed === null || e.sealed?.startsWith('v1.'))).toBe(true);
    }
  });
});
