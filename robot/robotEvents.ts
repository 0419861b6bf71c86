import type { HelloReply } from './helloReply.js';
import type { MotionOutcome } from './motionOutcomes.js';
import type { TaskKind } from './motionTask.js';
import type { RobotTelemetry } from './telemetry.js';

export type DeviceInfo = Omit<HelloReply, 'sessionNonce'>;

export type DisconnectReason =
  /** The port closed under us: cable pulled, adapter unplugged. */
  | 'port-closed'
  | 'port-error'
  /** Nothing valid heard from the base for linkTimeoutMs. */
  | 'heartbeat-lost'
  /** A command ran out of retransmissions. */
  | 'no-ack'
  | 'handshake-failed'
  | 'incompatible-device'
  | 'client-closed';

/** Everything the motion client tells the kiosk, as one discriminated union (DESIGN.md rule 3). */
export type RobotEvent =
  | { type: 'robot.connection'; state: 'connected'; device: DeviceInfo }
  | { type: 'robot.connection'; state: 'disconnected'; reason: DisconnectReason }
  | { type: 'robot.telemetry'; telemetry: RobotTelemetry }
  | { type: 'robot.estop'; pressed: boolean; latched: boolean }
  | { type: 'robot.bumper'; pressed: boolean }
  | { type: 'robot.obstacle'; present: boolean }
  | { type: 'robot.motorFault'; active: boolean }
  | { type: 'robot.dock'; docked: boolean; charging: boolean }
  | { type: 'robot.progress'; taskId: number; kind: TaskKind; distanceRemaining: number }
  | { type: 'robot.motion'; taskId: number; kind: TaskKind; outcome: MotionOutcome; delivered: boolean };
