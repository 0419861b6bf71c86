// DLE EOT real-time status: one byte for each n = 1..4. Every byte has bit 1 and bit 4 set and bits 0
// and 7 clear, which is how a status byte is told apart from noise. Bit meanings follow the Epson ESC/POS
// reference (also used by Xprinter, Citizen, Bixolon and most Chinese kiosk printers).

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
  autoRecoverableError: boolean;
  /** The bits that have no field above, for diagnostics. */
  detail: {
    drawerPin3High: boolean;
    waitingForOnlineRecovery: boolean;
    feedButtonPressed: boolean;
    paperBeingFedByButton: boolean;
    /** n = 2 bit 5: printing stopped because the paper ran out. */
    paperEndStop: boolean;
    /** n = 2 bit 6: some error is present. */
    errorOccurred: boolean;
  };
}

export type StatusParseResult = { ok: true; status: PrinterStatus } | { ok: false; reason: string };

/** Fixed bits: bit 1 and bit 4 on, bit 0 and bit 7 off. */
export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

const bit = (byte: number, n: number): boolean => (byte & (1 << n)) !== 0;

/**
 * Parses the four answers to DLE EOT 1, 2, 3, 4 (in that order). Never throws: anything that is not four
 * well-formed status bytes is reported as `ok: false` with a reason.
 */
export function parseStatusBytes(bytes: ArrayLike<number>): StatusParseResult {
  if (bytes.length !== 4) return { ok: false, reason: `expected 4 status bytes, got ${bytes.length}` };
  const [printer, offline, error, paper] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  for (const [i, b] of [printer, offline, error, paper].entries()) {
    if (!Number.isInteger(b) || b < 0 || b > 0xff) return { ok: false, reason: `status byte ${i + 1} is not a byte` };
    if (!isStatusByte(b)) return { ok: false, reason: `status byte ${i + 1} (0x${b.toString(16).padStart(2, '0')}) lacks the fixed bits` };
  }
  const paperEndStop = bit(offline, 5);
  return {
    ok: true,
    status: {
      online: !bit(printer, 3),
      coverOpen: bit(offline, 2),
      // n = 4 reports each sensor on two bits; some printers set only one of them.
      paperNearEnd: bit(paper, 2) || bit(paper, 3),
      paperOut: bit(paper, 5) || bit(paper, 6) || paperEndStop,
      cutterError: bit(error, 3),
      unrecoverableError: bit(error, 5),
      autoRecoverableError: bit(error, 6),
      detail: {
        drawerPin3High: bit(printer, 2),
        waitingForOnlineRecovery: bit(printer, 5),
        feedButtonPressed: bit(printer, 6),
        paperBeingFedByButton: bit(offline, 3),
        paperEndStop,
        errorOccurred: bit(offline, 6),
      },
    },
  };
}

/** The printer's side: the four status bytes for a given condition (used by the virtual printer and tests). */
export interface PrinterCondition {
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  /** Offline for a reason other than cover or paper (e.g. switched offline, waiting for recovery). */
  forcedOffline: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
  autoRecoverableError: boolean;
}

export function encodeStatusBytes(c: PrinterCondition): [number, number, number, number] {
  const anyError = c.cutterError || c.unrecoverableError || c.autoRecoverableError;
  const offline = c.coverOpen || c.paperOut || c.forcedOffline || anyError;
  return [
    0x12 | (offline ? 0x08 : 0),
    0x12 | (c.coverOpen ? 0x04 : 0) | (c.paperOut ? 0x20 : 0) | (anyError ? 0x40 : 0),
    0x12 | (c.cutterError ? 0x08 : 0) | (c.unrecoverableError ? 0x20 : 0) | (c.autoRecoverableError ? 0x40 : 0),
    0x12 | (c.paperNearEnd ? 0x0c : 0) | (c.paperOut ? 0x60 : 0),
  ];
}
