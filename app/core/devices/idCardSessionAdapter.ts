import type { Logger } from 'pino';
import { IdCardError, idCardValidOn, WltDecodeError, type IdCardEvent, type IdCardReader, type WltDecoder } from '../../../idcard/index.js';
import { chinaDateOf } from '../backend/calendar.js';
import type { CardReaderState } from '../identity/identityCheckMachine.js';
import type { SessionMachineInput } from '../session/sessionMachine.js';
import { chipPhotoForVision } from './chipPhotoImage.js';
import type { IdCardSessionEvent } from './deviceSessionEvents.js';

export interface IdCardSessionAdapterOptions {
  /** The reader whose events this adapter receives: a placed card is read with it. */
  reader: Pick<IdCardReader, 'readCard'>;
  /** Chip photo (WLT) → BMP or JPEG: the licensed decoder, the simulator's demo decoder, or none. */
  decoder: WltDecoder;
  send: (event: IdCardSessionEvent) => void;
  log: Logger;
  /** The clock for the card's validity (China calendar day). */
  now?: () => number;
}

/**
 * Turns the ID-card reader's events into session events. A placed card is read (find, select, read) and its chip
 * photo decoded; the session gets `idcard.read` with the number, the name and the photo (JPEG or PNG, or null when
 * it could not be decoded) — in memory only: nothing of the card is logged, and the adapter keeps nothing after
 * sending. A card lifted before its read finished sends nothing (then `idcard.removed`). Faults and recoveries are
 * edges (`idcard.fault` once until `idcard.restored`); while the reader is faulted citizens type the number.
 */
export function createIdCardSessionAdapter(options: IdCardSessionAdapterOptions): (event: IdCardEvent) => void {
  const { reader, decoder, send, log } = options;
  const now = options.now ?? Date.now;
  /** Bumped whenever the card on the reader changes: a read that finishes for an older card is dropped. */
  let placement = 0;
  let faulted = false;
  const decodeWarned = new Set<string>();

  async function decodePhoto(wlt: Uint8Array): Promise<Uint8Array | null> {
    try {
      return await chipPhotoForVision(await decoder.decode(wlt));
    } catch (error) {
      const kind = error instanceof WltDecodeError ? error.kind : 'unreadable-image';
      // 'no-decoder' was said at start (chipPhotoDecoder); any other failure once per kind. Never anything of the card.
      if (kind !== 'no-decoder' && !decodeWarned.has(kind)) {
        decodeWarned.add(kind);
        log.warn({ kind, decoder: decoder.name }, 'ID card chip photo not decoded: the photo on file is used instead');
      }
      return null;
    }
  }

  async function readPlacedCard(placed: number): Promise<void> {
    let card;
    try {
      card = await reader.readCard();
    } catch (error) {
      if (placed === placement) log.warn({ kind: error instanceof IdCardError ? error.kind : 'unexpected' }, 'ID card placed but not read: the number can be typed');
      return;
    }
    try {
      const photo = await decodePhoto(card.wlt);
      if (placed !== placement) {
        photo?.fill(0);
        return;
      }
      send({ type: 'idcard.read', idNumber: card.text.idNumber, name: card.text.name, photo, expired: !idCardValidOn(card.text, chinaDateOf(now())) });
      log.info({ photoDecoded: photo !== null }, 'ID card read');
    } finally {
      card.textBytes.fill(0);
      card.wlt.fill(0);
    }
  }

  return (event) => {
    switch (event.type) {
      case 'idcard.cardPresent':
        void readPlacedCard(++placement);
        return;
      case 'idcard.cardRemoved':
        placement++;
        send({ type: 'idcard.removed' });
        return;
      case 'idcard.fault':
        placement++;
        if (!faulted) {
          faulted = true;
          send({ type: 'idcard.fault', kind: event.kind });
        }
        return;
      // A reader that was unplugged when the kiosk started reports `ready` (not `restored`) when it first answers.
      case 'idcard.ready':
      case 'idcard.restored':
        if (faulted) {
          faulted = false;
          send({ type: 'idcard.restored' });
        }
        return;
      default:
        return;
    }
  };
}

/** The reader as the identity check's number step sees it, asked when a check starts (null: the hall has none). */
export function cardReaderStateOf(reader: Pick<IdCardReader, 'state'> | null): () => CardReaderState {
  return () => {
    if (!reader || reader.state === 'closed') return 'none';
    return reader.state === 'ready' ? 'ready' : 'faulted';
  };
}

/** The session's input with the reader's state for its identity checks (wiring: the runtime calls it). */
export function withIdCardReader(input: SessionMachineInput, reader: Pick<IdCardReader, 'state'> | null): SessionMachineInput {
  if (!reader || !input.pensionAuth) return input;
  return { ...input, pensionAuth: { ...input.pensionAuth, cardReaderState: cardReaderStateOf(reader) } };
}
