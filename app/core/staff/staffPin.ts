import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The staff PIN as the lock keeps it: a SHA-256 digest, so the PIN itself is never held in the machine's
 * context (or anything that prints a snapshot), and every comparison is between two 32-byte values.
 */
export function staffPinDigest(pin: string): Uint8Array {
  return createHash('sha256').update(pin, 'utf8').digest();
}

/** Compares a typed PIN with the digest in constant time (the time does not depend on where they differ, nor on the length). */
export function matchesStaffPin(given: string, digest: Uint8Array): boolean {
  const typed = staffPinDigest(given);
  return typed.length === digest.length && timingSafeEqual(typed, digest);
}
