import type { Logger } from 'pino';
import type { PlaceConfig } from '../config/kioskConfigSchema.js';
import type { GuideInput, GuideOutcome } from './guideOutcome.js';

/** The part of the motion controller the guide service needs (the robot/ client satisfies it). */
export interface GuideRobot {
  goTo(target: { x: number; y: number; heading: number }, options: { timeoutMs: number }): Promise<{ outcome: string }>;
  stop(): Promise<unknown>;
  /** Resolves true once the base is connected (it may be reconnecting after a cable pull). */
  waitForConnection(timeoutMs: number): Promise<boolean>;
}

export interface GuideServiceOptions {
  places: Record<string, PlaceConfig>;
  robot: GuideRobot;
  /** Walking across a hall takes a while; past this the robot gives up and says where the place is. */
  moveTimeoutMs: number;
  log: Logger;
}

/** The controller's outcomes as the citizen is told them; a bump is an obstacle to them. */
const RESULTS: Record<string, GuideOutcome['result']> = {
  arrived: 'arrived',
  blocked: 'blocked',
  bumper: 'blocked',
  cancelled: 'cancelled',
  'e-stop': 'e-stop',
  fault: 'fault',
  refused: 'fault',
  'timed-out': 'timed-out',
  disconnected: 'disconnected',
};
const CONNECT_WAIT_MS = 2_000;

/** What a place is called when it is not on the map (window-21 → 21号窗口), for the robot to say so. */
export function labelForUnknownPlace(placeId: string): string {
  const m = /^window-(\d+)$/.exec(placeId);
  return m ? `${m[1]}号窗口` : '这个地方';
}

/**
 * Takes a citizen to a place of the hall map: tells the session it is leaving, drives there, and returns what
 * happened. When the visit ends mid-way (the signal aborts), the robot is stopped.
 */
export function createGuideService(options: GuideServiceOptions) {
  return async (input: GuideInput, signal: AbortSignal, onStarted: (label: string) => void): Promise<GuideOutcome> => {
    const place = options.places[input.placeId];
    if (!place) return { result: 'unknown-place', placeLabel: labelForUnknownPlace(input.placeId), directions: '' };
    const base = { placeLabel: place.label, directions: place.directions };
    const stopOnAbort = () => {
      options.robot.stop().catch((error: unknown) => options.log.warn({ err: error }, 'stop after cancel failed'));
    };
    signal.addEventListener('abort', stopOnAbort, { once: true });
    try {
      if (!(await options.robot.waitForConnection(CONNECT_WAIT_MS))) return { ...base, result: 'disconnected' };
      onStarted(place.label);
      const { outcome } = await options.robot.goTo({ x: place.x, y: place.y, heading: place.heading }, { timeoutMs: options.moveTimeoutMs });
      options.log.info({ place: input.placeId, outcome }, 'guide move finished');
      return { ...base, result: RESULTS[outcome] ?? 'fault' };
    } catch (error) {
      options.log.warn({ err: error, place: input.placeId }, 'guide move failed');
      return { ...base, result: 'fault' };
    } finally {
      signal.removeEventListener('abort', stopOnAbort);
    }
  };
}

