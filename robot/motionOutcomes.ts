import type { AckStatus } from './acknowledgement.js';
import type { TaskKind, TaskState } from './motionTask.js';
import type { Pose } from './pose.js';

/**
 * How a motion command ended. 'arrived' ends goTo and dock, 'completed' ends a velocity move. 'e-stop', 'bumper' and
 * 'fault' are the safety reasons; 'refused' is a command the base would not take for another reason.
 */
export type MotionOutcome = 'arrived' | 'completed' | 'blocked' | 'cancelled' | 'e-stop' | 'bumper' | 'fault' | 'refused' | 'timed-out' | 'disconnected';

export interface MotionResult {
  outcome: MotionOutcome;
  kind: TaskKind;
  taskId: number;
  /**
   * The base acknowledged the command, so it has it. false means no ACK came back: it was never sent (refused by the
   * client, link down) or it was sent and not answered. Either way the client does not send it again by itself.
   */
  delivered: boolean;
  /** Set when the command was refused before it ran: by the client's safety gate or by the base's ACK status. */
  refusedBy?: 'client' | 'device';
  /** The base's ACK status when it refused. */
  status?: AckStatus;
  /** Last known pose when the result was settled. */
  pose: Pose | null;
  /** Metres still to go for goTo/dock at settlement (null when unknown). */
  distanceRemaining: number | null;
  elapsedMs: number;
}

export type CommandOutcome = 'accepted' | 'refused' | 'disconnected';

/** The result of a command that does not start a motion task (stop, head, gesture, e-stop reset, dry run). */
export interface CommandResult {
  outcome: CommandOutcome;
  delivered: boolean;
  refusedBy?: 'client' | 'device';
  /** Why it was refused ('e-stop' from the client gate, or the base's ACK status). */
  status?: AckStatus;
}

export function motionOutcomeFromTaskState(state: TaskState, kind: TaskKind): MotionOutcome | null {
  switch (state) {
    case 'succeeded':
      return kind === 'velocity' ? 'completed' : 'arrived';
    case 'blocked':
    case 'cancelled':
    case 'e-stop':
    case 'bumper':
    case 'fault':
      return state;
    default:
      return null;
  }
}

export function motionOutcomeFromRefusal(status: AckStatus): MotionOutcome {
  switch (status) {
    case 'e-stop':
    case 'e-stop-pressed':
      return 'e-stop';
    case 'bumper':
      return 'bumper';
    case 'motor-fault':
      return 'fault';
    default:
      return 'refused';
  }
}
