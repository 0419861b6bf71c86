import type { IdCardFaultKind } from '../../../idcard/index.js';
import type { PrinterPauseReason, PrintJobFailureKind } from '../../../printer/index.js';

/**
 * Device happenings as the session machine sees them (DESIGN.md rule 6: failures are values the machine can see).
 * The adapters in this folder turn each device library's own events into these; they carry no personal data and
 * no wording: what the citizen is told is decided by the machine.
 */

export type RobotSessionEvent =
  /** The red button: the base will not move until it is reset by a person. */
  | { type: 'robot.estop'; pressed: boolean }
  | { type: 'robot.bumper'; pressed: boolean }
  /** The battery fell below the configured level (sent once per crossing), or was charged back above it. */
  | { type: 'robot.batteryLow'; percent: number }
  | { type: 'robot.batteryOk'; percent: number }
  /** The serial link to the motion controller was lost (cable, adapter, controller silent) or came back. */
  | { type: 'robot.linkLost'; reason: string }
  | { type: 'robot.linkRestored' }
  /** A motion task ended: reached its goal, or stopped short (blocked, bumper, e-stop, fault, timed out). */
  | { type: 'robot.motionDone' }
  | { type: 'robot.motionFailed'; outcome: string };

/** Why the printer stopped mid-job (the printer library's own reasons). */
export type PrinterPause = PrinterPauseReason;

export type PrinterSessionEvent =
  | { type: 'printer.paused'; jobId: string; reason: PrinterPause }
  | { type: 'printer.resumed'; jobId: string }
  /** Not a pause: staff should change the roll soon. */
  | { type: 'printer.paperNearEnd'; jobId: string }
  | { type: 'printer.jobDone'; jobId: string }
  | { type: 'printer.jobFailed'; jobId: string; kind: PrintJobFailureKind }
  /** The job may or may not be on paper: staff confirm or reprint it, the kiosk never prints it again by itself. */
  | { type: 'printer.jobUnconfirmed'; jobId: string };

export type MicrophoneOffReason =
  /** Speech is switched off in configuration. */
  | 'disabled'
  /** No recognizer or VAD model on this robot. */
  | 'no-recognizer'
  /** The recorder program is missing, died or delivers nothing. */
  | 'device'
  /** The speech pipeline threw while starting. */
  | 'failed';

type AudioSessionEvent =
  /** The robot can hear citizens again (or for the first time after start). */
  | { type: 'microphone.ready' }
  | { type: 'microphone.fault'; reason: MicrophoneOffReason }
  | { type: 'speaker.fault' }
  | { type: 'speaker.ready' };

type CameraLostReason = 'no-camera' | 'denied' | 'ended';

type CameraSessionEvent = { type: 'camera.lost'; reason: CameraLostReason } | { type: 'camera.restored' };

/**
 * The resident ID-card reader (`idCardSessionAdapter.ts`). `idcard.read` is the one device event that carries
 * personal data: the full number and name stay in memory (the identity check fills the number with them), the visit
 * log keeps only that a card was read (`describeEvent`, and no payload: `visitLog.ts`), and no log line names them.
 */
export type IdCardSessionEvent =
  /**
   * A card was placed and read. `photo`: the chip photo decoded to JPEG or PNG bytes, or null when it could not be
   * (no licensed WLT decoder installed, or the decoder failed). `expired`: the card is past its validity on the China
   * calendar day it was read (its number is still the citizen's; its photo is not used as a reference).
   */
  | { type: 'idcard.read'; idNumber: string; name: string; photo: Uint8Array | null; expired: boolean }
  /** The card left the reader (or the reader faulted while it was there and can no longer vouch for it). */
  | { type: 'idcard.removed' }
  /** The reader cannot be used (unplugged, cable pulled, silent, SAM fault): the number is typed on the keypad. */
  | { type: 'idcard.fault'; kind: IdCardFaultKind }
  /** The reader works again after a fault. */
  | { type: 'idcard.restored' };

export type DeviceSessionEvent = RobotSessionEvent | PrinterSessionEvent | AudioSessionEvent | CameraSessionEvent | IdCardSessionEvent;
