// ID-card reader events as a discriminated union (DESIGN.md rule 3). They carry no personal data and no wording:
// what is on a card comes back from readCard(), never in an event, so an event log may keep every event.

/** Why the reader cannot be used right now. */
export type IdCardFaultKind =
  /** The port is missing or closed: cable pulled, reader unplugged. */
  | 'disconnected'
  /** The reader stopped answering. */
  | 'timeout'
  /** Answers arrive corrupted (or the SAM keeps receiving our frames corrupted). */
  | 'checksum'
  /** The SAM failed its self-test or is not authorised (0x60, 0x66). */
  | 'sam-fault';

export type IdCardEvent =
  /** The first time the reader answered its SAM status check; the SAM ID identifies the module, not a person. */
  | { type: 'idcard.ready'; samId: string }
  /** A card came into the field (find card answered 0x9F after it had not). */
  | { type: 'idcard.cardPresent' }
  /**
   * The card left the field (find card missed `removedAfterMisses` times in a row), or the reader faulted while a
   * card was present and can no longer vouch for it.
   */
  | { type: 'idcard.cardRemoved' }
  | { type: 'idcard.fault'; kind: IdCardFaultKind; status?: number }
  /** The reader works again after a fault. */
  | { type: 'idcard.restored' };

export type IdCardEventListener = (event: IdCardEvent) => void;
