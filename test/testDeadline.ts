/**
 * How long a test waits for something that must happen before it calls it a failure. Generous on purpose: CI runs
 * beside other CPU-bound jobs, and a test that passes never waits this long. Speeds are measured in bench/, not here.
 */
export const TEST_DEADLINE_MS = 20_000;

/** Polls until the condition holds; rejects, naming what it waited for, after the deadline. */
export async function until(condition: () => boolean, what: string, timeoutMs = TEST_DEADLINE_MS): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** For a test that does a fixed, large amount of CPU work (fuzzing): many times what it takes on an idle machine. */
export const CPU_BOUND_TEST_TIMEOUT_MS = 300_000;
