import { createInterface } from 'node:readline';
import { loadConfig } from '../core/config/loadConfig.js';
import { createLogger } from '../core/log/createLogger.js';
import { createPolicyService } from '../core/services/createPolicyService.js';
import type { PolicyAnswer } from '../core/services/policyAnswer.js';
import { parseCliArgs, UsageError } from './cliOptions.js';

/** `kiosk ask "<question>"` or `kiosk ask --jsonl` (one {"question"} per input line, knowledge base loaded once). */
export async function askCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(args, { jsonl: { type: 'boolean', default: false } });
  const { config } = loadConfig(values.config ? { file: values.config } : {});
  const log = createLogger({ level: process.env.KIOSK_LOG_LEVEL ?? 'warn' });
  const service = createPolicyService(config, log);

  if (!values.jsonl) {
    const question = positionals.join(' ').trim();
    if (!question) throw new UsageError('give a question: kiosk ask "失业金怎么领"  (or --jsonl to read JSON lines)');
    process.stdout.write(`${JSON.stringify(toCliJson(await service.answer(question)))}\n`);
    return 0;
  }

  let failures = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let question: unknown;
    try {
      question = (JSON.parse(line) as { question?: unknown }).question;
    } catch {
      question = undefined;
    }
    if (typeof question !== 'string' || !question.trim()) {
      failures++;
      process.stdout.write(`${JSON.stringify({ error: '输入行不是 {"question": "..."} 格式 (expected {"question": "..."})' })}\n`);
      continue;
    }
    process.stdout.write(`${JSON.stringify(toCliJson(await service.answer(question)))}\n`);
  }
  return failures > 0 ? 1 : 0;
}

/** The documented `kiosk ask` shape, plus what a caller needs to present it honestly. */
export function toCliJson(answer: PolicyAnswer) {
  return {
    question: answer.question,
    answer: answer.answer,
    spoken: answer.spoken,
    citations: answer.citations,
    retrieved: answer.retrieved.map(({ id, doc, score, confidence }) => ({ id, doc, score, confidence })),
    mode: answer.mode,
    offerStaff: answer.offerStaff,
    ...(answer.caution ? { caution: answer.caution } : {}),
    ...(answer.redirect ? { redirect: answer.redirect } : {}),
  };
}
