// The ESC/POS byte sequences the encoder library does not provide: Chinese (multi-byte) mode, hardware
// alignment for pre-encoded text, real-time status requests and the process-ID request.

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;

export type Alignment = 'left' | 'center' | 'right';

/** FS & — select Chinese (Kanji) character mode: bytes >= 0x81 are read as GB18030 multi-byte characters. */
export const enterChineseMode = (): number[] => [FS, 0x26];

/** ESC a n — the printer aligns the line itself, so text widths never have to be guessed by the host. */
export function selectAlignment(align: Alignment): number[] {
  return [ESC, 0x61, align === 'center' ? 1 : align === 'right' ? 2 : 0];
}

/** The four DLE EOT n real-time status requests (printer, offline cause, error cause, roll paper sensor). */
export type StatusRequestKind = 1 | 2 | 3 | 4;

export function realTimeStatusRequest(n: StatusRequestKind): number[] {
  return [DLE, EOT, n];
}

/** All four DLE EOT requests in one write; the printer answers with four bytes in the same order. */
export const fullStatusRequest = (): Uint8Array =>
  Uint8Array.from([...realTimeStatusRequest(1), ...realTimeStatusRequest(2), ...realTimeStatusRequest(3), ...realTimeStatusRequest(4)]);

/** Process IDs are four printable ASCII characters (0x20..0x7e), as GS ( H fn 48 requires. */
export function isValidProcessId(id: string): boolean {
  return /^[\x20-\x7e]{4}$/.test(id);
}

/**
 * GS ( H pL pH fn m d1..d4 (fn = 48, m = 48): the printer answers `37 22 d1 d2 d3 d4 00` once it has
 * *processed* everything received before it — for print data, once it is printed. After a cut this is
 * our "the printer says the job is done".
 */
export function processIdRequest(id: string): Uint8Array {
  if (!isValidProcessId(id)) throw new RangeError(`process id must be 4 printable ASCII characters, got ${JSON.stringify(id)}`);
  return Uint8Array.from([GS, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, ...Buffer.from(id, 'latin1')]);
}

/** Header and identifier of the process-ID response block (`37H 22H d1..d4 00H`). */
export const PROCESS_ID_RESPONSE_HEADER = 0x37;
export const PROCESS_ID_RESPONSE_IDENTIFIER = 0x22;

export function processIdResponse(id: string): Uint8Array {
  return Uint8Array.from([PROCESS_ID_RESPONSE_HEADER, PROCESS_ID_RESPONSE_IDENTIFIER, ...Buffer.from(id, 'latin1'), 0x00]);
}
