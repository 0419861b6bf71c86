import { randomUUID } from 'node:crypto';
import type { KioskConfig } from '../config/kioskConfigSchema.js';
import type { SessionMachineInput } from './sessionMachine.js';

/** The session machine's input from configuration; 养老认证 only when the face pipeline is there. */
export function sessionInputFrom(config: KioskConfig, now: () => number, offerPensionAuth: boolean): SessionMachineInput {
  return {
    timing: config.session,
    robotName: config.hall.robotName,
    places: config.places,
    newSessionId: () => randomUUID(),
    now,
    ...(config.llm.mode === 'openai' && config.llm.routeBelowConfidence > 0 ? { llmRouteBelow: config.llm.routeBelowConfidence } : {}),
    ...(offerPensionAuth
      ? {
          pensionAuth: {
            timing: { challengeMs: config.faceAuth.challengeMs, positioningMs: config.faceAuth.positioningMs, positionedFrames: 3, resultShowMs: 8_000 },
            challengePool: config.faceAuth.challengePool,
            challengesPerAttempt: config.faceAuth.challengesPerAttempt,
            maxAttempts: config.faceAuth.maxAttempts,
            random: Math.random,
            now,
          },
        }
      : {}),
  };
}
