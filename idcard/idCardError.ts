import { SamStatus } from './samStatus.js';
import type { SamCommandName } from './samCommands.js';

/**
 * Why an ID-card operation did not give a result. What a citizen or staff are told about each kind is app/core's.
 */
export type IdCardErrorKind =
  /** No card in the field (find card answered 0x80). */
  | 'no-card'
  /** A card answered find but could not be selected (0x81). */
  | 'select-failed'
  /** Selected, but the read failed (0x41, 0x47). */
  | 'read-failed'
  /** readCard found a card, then lost it before the read completed (lifted too soon). */
  | 'card-removed'
  /** Card and SAM did not authenticate each other, or the information did not verify (0x31–0x33). */
  | 'card-rejected'
  /** Not a card this reader or library reads (0x40, or a permit whose text layout differs). */
  | 'unsupported-card'
  /** The card holds nothing for the item asked for (0x91). */
  | 'no-content'
  /** A frame failed its XOR check, on either side (0x10 from the SAM, or answers dropped here). */
  | 'checksum'
  /** The SAM refused the command: length, command or permission error (0x11, 0x21, 0x23). */
  | 'command-rejected'
  /** The SAM reports itself broken or not authorised, or an error it cannot name (0x24, 0x60, 0x66, unknown). */
  | 'sam-fault'
  /** A well-formed frame with the wrong shape for the command (wrong status class, wrong data length). */
  | 'bad-response'
  /** No valid answer within the command's timeout (and its retries). */
  | 'timeout'
  /** The port is closed, missing or went away (cable pulled, reader unplugged, or the reader was closed). */
  | 'disconnected';

export class IdCardError extends Error {
  override readonly name = 'IdCardError';
  readonly kind: IdCardErrorKind;
  /** SW3 of the answer, when the SAM answered. */
  readonly status: number | undefined;
  readonly command: SamCommandName | undefined;

  constructor(kind: IdCardErrorKind, message: string, details: { status?: number; command?: SamCommandName; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.command = details.command;
  }
}

/** The error kind of a SAM status that is not the command's success. */
export function errorKindOfStatus(sw3: number): IdCardErrorKind {
  switch (sw3) {
    case SamStatus.FindCardFailed:
      return 'no-card';
    case SamStatus.SelectCardFailed:
      return 'select-failed';
    case SamStatus.ReadCardFailed:
    case SamStatus.RandomNumberFailed:
      return 'read-failed';
    case SamStatus.CardAuthenticatesSamFailed:
    case SamStatus.SamAuthenticatesCardFailed:
    case SamStatus.InformationVerifyFailed:
      return 'card-rejected';
    case SamStatus.UnrecognizedCardType:
      return 'unsupported-card';
    case SamStatus.NoContent:
      return 'no-content';
    case SamStatus.ChecksumError:
      return 'checksum';
    case SamStatus.LengthError:
    case SamStatus.CommandError:
    case SamStatus.Unauthorized:
      return 'command-rejected';
    case SamStatus.Success:
    case SamStatus.FindCardSuccess:
      // A success status where another was expected (e.g. 0x90 to find card): the answer is not this command's.
      return 'bad-response';
    default:
      return 'sam-fault';
  }
}
