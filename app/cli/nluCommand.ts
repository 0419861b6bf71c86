import { createInterface } from 'node:readline';
import { routeUtterance } from '../core/nlu/routeUtterance.js';
import { parseCliArgs } from './cliOptions.js';

/**
 * `kiosk nlu`: JSON lines `{"utterance": "..."}` (optionally `"pinyin"`) on standard input, one line out for each:
 * `{"utterance", "intent", "service", "confidence", "slots"}`. A line that is not such an object gets
 * `{"error": "..."}` in its place, so outputs stay aligned with inputs; the exit code is 1 when any line was bad.
 */
export async function nluCommand(args: string[]): Promise<number> {
  parseCliArgs(args, {});
  let bad = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let utterance: unknown;
    let pinyin: unknown;
    try {
      ({ utterance, pinyin } = JSON.parse(line) as { utterance?: unknown; pinyin?: unknown });
    } catch {
      utterance = undefined;
    }
    if (typeof utterance !== 'string' || (pinyin !== undefined && typeof pinyin !== 'string')) {
      bad++;
      process.stdout.write(`${JSON.stringify({ error: 'each line must be {"utterance": "<text>"}' })}\n`);
      continue;
    }
    const route = routeUtterance(utterance, pinyin as string | undefined);
    process.stdout.write(`${JSON.stringify({ utterance, intent: route.intent, service: route.service, confidence: route.confidence, slots: route.slots })}\n`);
  }
  return bad > 0 ? 1 : 0;
}
