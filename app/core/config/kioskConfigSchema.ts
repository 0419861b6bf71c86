import { z } from 'zod';

/**
 * The kiosk's one configuration file. Every default points at an embedded simulator or a local file,
 * so `npm start` on a fresh machine runs with nothing configured.
 */
const placeSchema = z
  .object({
    /** What the robot says and shows, e.g. 3号窗口. */
    label: z.string().min(1),
    /** Map coordinates in metres and heading in degrees, in the motion controller's frame. */
    x: z.number().min(-500).max(500),
    y: z.number().min(-500).max(500),
    heading: z.number().min(-180).max(180).default(0),
    /** Where it is, for citizens who walk there themselves, e.g. 大厅东侧. */
    directions: z.string().default(''),
  })
  .strict();

/** The hall's map: windows 1–8 along the east wall, the self-service area, the entrance and the dock. */
const defaultPlaces = {
  ...Object.fromEntries(
    Array.from({ length: 8 }, (_, i) => [
      `window-${i + 1}`,
      { label: `${i + 1}号窗口`, x: 12, y: 2 + i * 2.5, heading: 0, directions: `大厅东侧，从南往北第${i + 1}个窗口` },
    ]),
  ),
  'self-service': { label: '自助服务区', x: 4, y: 16, heading: 90, directions: '大厅北侧，自助机一排' },
  entrance: { label: '大厅入口', x: 0, y: 0, heading: 180, directions: '大厅南侧正门' },
  dock: { label: '充电桩', x: -2, y: 1, heading: -90, directions: '入口西侧' },
};

/** A serial device: `simulator` starts the built-in far side on a pty pair; otherwise a real port path. */
const serialDeviceSchema = z
  .object({
    port: z.union([z.literal('simulator'), z.string().regex(/^\/dev\/|^COM\d+$/, 'a device path such as /dev/ttyUSB0, or "simulator"')]).default('simulator'),
    baudRate: z.number().int().min(1200).max(3_000_000).default(115_200),
  })
  .strict();

export const kioskConfigSchema = z
  .object({
    /** Where the kiosk keeps its own files (database, keys). Relative paths are resolved from the repo root. */
    dataDir: z.string().min(1).default('data/runtime'),
    hall: z
      .object({
        name: z.string().min(2).default('青岛市人力资源和社会保障局 市民服务大厅'),
        robotName: z.string().min(1).default('小青'),
      })
      .strict()
      .prefault({}),
    database: z
      .object({ file: z.string().min(1).default('kiosk.sqlite') })
      .strict()
      .prefault({}),
    knowledge: z
      .object({
        dir: z.string().min(1).default('data/kb'),
        /** Below this retrieval confidence the kiosk says it cannot answer reliably. */
        minConfidence: z.number().min(0).max(1).default(0.3),
      })
      .strict()
      .prefault({}),
    llm: z
      .discriminatedUnion('mode', [
        z.object({ mode: z.literal('off') }).strict(),
        z
          .object({
            mode: z.literal('openai'),
            baseUrl: z.string().url(),
            model: z.string().min(1),
            /** Name of the environment variable holding the API key (keys never live in the config file). */
            apiKeyEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).optional(),
            firstTokenTimeoutMs: z.number().int().min(100).max(60_000).default(4_000),
            totalTimeoutMs: z.number().int().min(500).max(120_000).default(12_000),
            maxRetries: z.number().int().min(0).max(5).default(1),
            /** Lines the local intent router is less sure of than this go to the LLM to pick the service (0: never). */
            routeBelowConfidence: z.number().min(0).max(1).default(0.8),
            /** The longest a citizen waits for the LLM's pick before the local route is used. */
            routeTimeoutMs: z.number().int().min(200).max(10_000).default(2_500),
          })
          .strict(),
      ])
      .default({ mode: 'off' }),
    backend: z
      .discriminatedUnion('mode', [
        z.object({ mode: z.literal('simulator'), kioskId: z.string().min(1).default('kiosk-sim-01') }).strict(),
        z
          .object({
            mode: z.literal('remote'),
            baseUrl: z.string().url(),
            kioskId: z.string().min(1),
            /** Name of the environment variable holding the request-signing secret. */
            secretEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/),
            timeoutMs: z.number().int().min(200).max(60_000).default(5_000),
          })
          .strict(),
      ])
      .default({ mode: 'simulator', kioskId: 'kiosk-sim-01' }),
    /** Results saved while the business system was unreachable are sent again on this schedule (see app/core/outbox). */
    outbox: z
      .object({
        firstRetryMs: z.number().int().min(100).max(600_000).default(5_000),
        maxRetryMs: z.number().int().min(1_000).max(3_600_000).default(300_000),
        idleCheckMs: z.number().int().min(1_000).max(3_600_000).default(30_000),
      })
      .strict()
      .prefault({}),
    session: z
      .object({
        /** Silence after the robot spoke before it asks "还需要什么帮助吗？". */
        followUpAfterMs: z.number().int().min(5_000).max(600_000).default(30_000),
        /** Silence after that question before it says goodbye and wipes the session. */
        farewellAfterMs: z.number().int().min(5_000).max(600_000).default(20_000),
        /** How long the goodbye stays on screen. */
        farewellShowMs: z.number().int().min(1_000).max(60_000).default(5_000),
        /** Greeting shown without any input before the robot returns to attract mode. */
        greetingIdleMs: z.number().int().min(5_000).max(600_000).default(45_000),
      })
      .strict()
      .prefault({}),
    places: z.record(z.string().regex(/^[a-z0-9-]+$/), placeSchema).default(defaultPlaces),
    robot: serialDeviceSchema
      .extend({
        /** Below this battery percentage staff are asked to put the robot on its charger. */
        batteryLowPercent: z.number().int().min(5).max(60).default(20),
        /** Walking across a hall takes a while; past this the robot gives up and says where the place is. */
        guideTimeoutMs: z.number().int().min(10_000).max(600_000).default(120_000),
      })
      .prefault({}),
    printer: serialDeviceSchema.prefault({}),
    /** What citizens may print at the kiosk (参保证明打印). */
    printing: z
      .object({
        /** Certificates (参保证明, 个人权益记录单, 未参保证明) one citizen may print per China calendar month; told before anything is asked. */
        certificatesPerMonth: z.number().int().min(1).max(50).default(3),
      })
      .strict()
      .prefault({}),
    /**
     * The resident ID-card reader (GA 467 SAM on a serial line, docs/idcard.md): `simulator` starts the built-in
     * module with demo cards on a pty pair, `off` means the hall has no reader (the number is typed), otherwise the
     * reader's port (a udev symlink such as /dev/idcard is best). The SAM's UART default is 115200.
     */
    idcard: z
      .object({
        port: z
          .union([z.literal('simulator'), z.literal('off'), z.string().regex(/^\/dev\/|^COM\d+$/, 'a device path such as /dev/idcard, "simulator" or "off"')])
          .default('simulator'),
        baudRate: z.union([z.literal(9_600), z.literal(19_200), z.literal(38_400), z.literal(57_600), z.literal(115_200)]).default(115_200),
        /**
         * The site's adapter module around the reader vendor's licensed WLT decoder (an ES module exporting
         * `createWltDecoder`; relative paths from the repo root). null: no decoder — the card fills the number, and the
         * face is checked against the photo on file instead of the chip photo.
         */
        wltDecoder: z.string().min(1).nullable().default(null),
        /**
         * Simulator only: where the demo cards' chip photos are read from (the demo decoder pairs each demo card with
         * a face photo there; missing photos leave that card without one). Relative paths from the repo root.
         */
        demoPhotoDir: z.string().min(1).default('../shared/data/faces'),
      })
      .strict()
      .prefault({}),
    /** Folders searched for the models named in models/manifest.json (speech, face), in order: production models first. */
    modelDirs: z.array(z.string().min(1)).min(1).default(['data/models', '../shared/models']),
    speech: z
      .object({
        /** Off: the kiosk works by touch and text only. */
        enabled: z.boolean().default(true),
        /** The microphone: a program that writes raw 16-bit little-endian mono PCM at 16 kHz to standard output. */
        recorder: z
          .object({ command: z.string().min(1).default('arecord'), args: z.array(z.string()).default(['-q', '-f', 'S16_LE', '-r', '16000', '-c', '1', '-t', 'raw']) })
          .strict()
      .prefault({}),
        /** Speaking rate for elderly listeners: 1 is the voice's normal speed, lower is slower. */
        rate: z.number().min(0.5).max(1.5).default(0.85),
        /** Phrases the keyword spotter listens for, by what they do. */
        keywords: z
          .object({
            wake: z.array(z.string().min(2)).min(1).default(['你好小青']),
            stop: z.array(z.string().min(1)).default(['停', '别说了']),
            back: z.array(z.string().min(2)).default(['返回']),
            staff: z.array(z.string().min(2)).default(['找工作人员']),
          })
          .strict()
      .prefault({}),
      })
      .strict()
      .prefault({}),
    faceAuth: z
      .object({
        /** The action challenges drawn at random for each attempt. */
        challengePool: z.array(z.enum(['blink', 'turnLeft', 'turnRight', 'openMouth', 'nod'])).min(1).default(['blink', 'turnLeft', 'turnRight', 'openMouth', 'nod']),
        /** How many challenges an attempt draws: a random number from min to max (2–3 by default). */
        challengesPerAttempt: z
          .object({ min: z.number().int().min(1).max(3).default(2), max: z.number().int().min(1).max(3).default(3) })
          .strict()
          .refine((r) => r.min <= r.max, 'min must not exceed max')
          .prefault({}),
        maxAttempts: z.number().int().min(1).max(5).default(3),
        challengeMs: z.number().int().min(2_000).max(30_000).default(8_000),
        positioningMs: z.number().int().min(3_000).max(60_000).default(20_000),
        /** Passive liveness: the median score of the frames must reach this (see docs/face-verification.md). */
        livenessThreshold: z.number().min(0).max(1).default(0.5),
      })
      .strict()
      .prefault({}),
    staff: z
      .object({
        /** The staff panel's PIN. Change it for every hall; the default is for the demo only. */
        pin: z.string().regex(/^\d{4,12}$/, '4 to 12 digits').default('2580'),
        autoLockMs: z.number().int().min(10_000).max(3_600_000).default(120_000),
      })
      .strict()
      .prefault({}),
    web: z
      .object({
        host: z.string().default('127.0.0.1'),
        port: z.number().int().min(0).max(65_535).default(8787),
      })
      .strict()
      .prefault({}),
    log: z
      .object({ level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info') })
      .strict()
      .prefault({}),
  })
  .strict();

export type KioskConfig = z.infer<typeof kioskConfigSchema>;
export type LlmConfig = KioskConfig['llm'];
export type BackendConfig = KioskConfig['backend'];
export type SessionTimingConfig = KioskConfig['session'];
export type PlaceConfig = KioskConfig['places'][string];
export type SerialDeviceConfig = KioskConfig['robot'];
export type IdCardConfig = KioskConfig['idcard'];
