import { elementLength, INCOMPLETE } from './escPosElementLength.js';

/** Elements after which the paper has advanced: a printed line, a feed, a QR code, an image, a cut. */
function endsALine(buf: Uint8Array, at: number, length: number): boolean {
  const first = buf[at]!;
  if (first === 0x0a || first === 0x0c) return true;
  const second = buf[at + 1];
  if (first === 0x1b) return second === 0x64 || second === 0x4a || second === 0x2a || second === 0x69 || second === 0x6d;
  if (first === 0x1d) {
    if (second === 0x56 || second === 0x76 || second === 0x6b) return true;
    // GS ( k <pL pH> cn=49 fn=81: print the stored QR symbol
    if (second === 0x28 && buf[at + 2] === 0x6b && length >= 8) return buf[at + 6] === 0x31 && buf[at + 7] === 0x51;
  }
  return false;
}

/**
 * Splits a job into chunks that each end where the paper has advanced (a line feed, a QR code, an image,
 * a cut), never inside a command. The client sends one chunk at a time and polls the printer in between,
 * so after a paper-out it resumes from the first chunk it had not sent — nothing lost, nothing twice.
 */
export function splitIntoLineChunks(job: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  let offset = 0;
  while (offset < job.length) {
    const length = elementLength(job, offset);
    if (length === INCOMPLETE || offset + length > job.length) break; // a truncated command rides in the last chunk
    const lineEnds = endsALine(job, offset, length);
    offset += length;
    if (lineEnds) {
      chunks.push(job.subarray(start, offset));
      start = offset;
    }
  }
  if (start < job.length) chunks.push(job.subarray(start));
  return chunks;
}
