import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskCliInTempDir } from './runKioskCli.js';

const cli = kioskCliInTempDir('kiosk-cli-');
const dir = cli.dir;
const kioskCli = (args: string[], input?: string) => cli.run(args, input);

describe('kiosk command line', () => {
  it('ask prints one JSON object with answer, spoken, citations, top-5 retrieved and mode', async () => {
    const { code, stdout } = await kioskCli(['ask', '失业金怎么领']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    expect(answer.mode).toBe('kb');
    expect(typeof answer.answer).toBe('string');
    expect(typeof answer.spoken).toBe('string');
    expect(answer.citations[0]).toEqual({ id: expect.any(String), doc: expect.stringMatching(/^D\d\d$/), url: expect.stringMatching(/^http/) });
    expect(answer.retrieved.length).toBeGreaterThanOrEqual(5);
    expect(answer.retrieved[0]).toMatchObject({ id: answer.citations[0].id, doc: expect.stringMatching(/^D\d\d$/), score: expect.any(Number) });
  });

  it('ask --jsonl answers each line, loading the knowledge base once, and flags bad lines', async () => {
    const input = ['{"question":"养老认证多久一次"}', '{"question":"明天会下雨吗"}', 'not json', ''].join('\n');
    const { code, stdout } = await kioskCli(['ask', '--jsonl'], input);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0].citations.length).toBe(1);
    expect(out[1].citations).toEqual([]);
    expect(out[1].offerStaff).toBe(true);
    expect(out[2].error).toMatch(/question/);
    expect(code).toBe(1);
  });

  it('citizens lists the demo citizens with what each is useful for', async () => {
    const { code, stdout } = await kioskCli(['citizens']);
    expect(code).toBe(0);
    const citizens = JSON.parse(stdout) as { id: string; name: string; usefulFor: string[] }[];
    expect(citizens.length).toBeGreaterThanOrEqual(8);
    const tags = citizens.flatMap((c) => c.usefulFor);
    for (const tag of ['pensioner-due-auth', 'card-active', 'flexible-worker']) expect(tags).toContain(tag);
  });

  it('refuses a bad configuration naming the key', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ llm: { mode: 'gpt' } }));
    const { code, stderr } = await kioskCli(['ask', '--config', bad, '失业金']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/llm\.mode/);
  });

  it('explains unknown commands and missing questions', async () => {
    expect((await kioskCli(['fly'])).code).toBe(2);
    const missing = await kioskCli(['ask']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/kiosk ask/);
  });
});
