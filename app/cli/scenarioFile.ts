import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * A citizen scenario for `kiosk scenario` (docs/scenarios.md): a demo citizen, optional business-system faults and
 * kiosk configuration, and the steps a citizen takes with the expectations between them.
 */

/** Faults of the business-system simulator (docs/backend-api.md, `simulator.inject`). */
export const scenarioFaultsSchema = z
  .object({
    /** The next `times` requests answer `status` (400–599). */
    failNext: z.object({ status: z.number().int().min(400).max(599), times: z.number().int().min(1).default(1) }).strict().optional(),
    /** The next `times` writes (submissions) answer `status`; lookups and queries still answer. */
    failWrites: z.object({ status: z.number().int().min(400).max(599), times: z.number().int().min(1).default(1) }).strict().optional(),
    /** Every answer leaves this many ms late (the request is carried out first). */
    delayMs: z.number().int().min(0).optional(),
    /** Requests are accepted and never answered (the kiosk's client times out). */
    hang: z.literal(true).optional(),
    /** Back to normal. */
    reset: z.literal(true).optional(),
  })
  .strict();

/** One picture of a face step: an image shown to the camera for so many seconds (5 frames a second). */
const faceFrameSchema = z.union([z.string().min(1), z.object({ image: z.string().min(1), seconds: z.number().positive().max(60).default(1) }).strict()]);

export const scenarioStepSchema = z.union([
  /** A typed line, or a `.wav` file said into the microphone. */
  z.object({ say: z.string().min(1) }).strict(),
  /** A line said aloud: synthesized (espeak-ng, Mandarin pinyin voice) and played into the microphone, recognized by the kiosk. */
  z.object({ speak: z.string().min(1).max(200) }).strict(),
  /** A visible label: a service or query tile, a suggestion chip, 打印, 记录有误, 换人, 结束, 取消. */
  z.object({ tap: z.string().min(1) }).strict(),
  /** The ID number on the keypad. */
  z.object({ keypad: z.string().min(1) }).strict(),
  /** Camera frames: one image, or a sequence looped (a citizen facing, then turning) until the face check ends. */
  z.object({ face: z.union([z.string().min(1), z.array(faceFrameSchema).min(1)]) }).strict(),
  z.object({ wait: z.number().int().min(0).max(600_000) }).strict(),
  /** A substring of a line the robot said since the previous spoken expectation (or the start). */
  z.object({ expectSpoken: z.string().min(1), deadlineMs: z.number().int().positive().optional() }).strict(),
  /** A substring of a visible text of the current screen. */
  z.object({ expectScreen: z.string().min(1), deadlineMs: z.number().int().positive().optional() }).strict(),
  /** Business-system faults from this point on. */
  z.object({ faults: scenarioFaultsSchema }).strict(),
]);

export const scenarioFileSchema = z
  .object({
    /** A demo citizen of the business-system simulator (`kiosk citizens`), e.g. QD0001. */
    citizen: z.string().regex(/^QD\d{4}$/),
    /** What the scenario shows, for people. */
    description: z.string().optional(),
    /** Kind of scenario: query (聊天查), pension-auth (养老认证), transaction (对话办, reserved). */
    kind: z.enum(['query', 'pension-auth', 'transaction', 'conversation']).optional(),
    /**
     * A photo staff enrol as the citizen's reference photo before the visit (the staff panel's enrolment), for demo
     * citizens with no photo on file; `${SHARED}`, relative or absolute like a face step's images.
     */
    photoOnFile: z.string().min(1).optional(),
    /** Faults injected into the business-system simulator before the first step. */
    faults: scenarioFaultsSchema.optional(),
    /**
     * The kiosk's printer (the virtual printer on a socat pty) for a file that prints without tapping 打印 (参保证明打印),
     * with an optional fault from the start: out of paper, offline, cover open, or paper that runs out a few lines into
     * the first job (`paper-out-mid-job`).
     */
    printer: z.object({ fault: z.enum(['paper-out', 'paper-out-mid-job', 'offline', 'cover-open']).optional() }).strict().optional(),
    /** Kiosk configuration merged over the runner's defaults (one level deep per key), e.g. `faceAuth`. */
    config: z.record(z.string(), z.unknown()).optional(),
    /** Default deadline for each expectation in this file, ms. */
    deadlineMs: z.number().int().positive().optional(),
    /** Checked after the last step: the service the visit routed to and how it ended. */
    expect: z.object({ service: z.string().optional(), outcome: z.string().optional() }).strict().optional(),
    steps: z.array(scenarioStepSchema).min(1),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
export type ScenarioStep = z.infer<typeof scenarioStepSchema>;
export type ScenarioFaults = z.infer<typeof scenarioFaultsSchema>;

/** Reads and validates a scenario file; throws an Error naming the file and what is wrong. */
export function readScenarioFile(file: string): ScenarioFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not readable JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = scenarioFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
