/**
 * The nonces a server has accepted recently, so a captured request cannot be sent again.
 * Only nonces inside the clock-skew window need remembering (older requests fail the timestamp check),
 * and a hard capacity bounds memory if a kiosk floods the server; when full, the oldest goes first.
 */
export class RecentNonces {
  /** nonce → the instant it may be forgotten; a Map iterates in insertion order, oldest first. */
  private readonly forgetAt = new Map<string, number>();

  constructor(
    private readonly rememberForMs: number,
    private readonly capacity: number,
  ) {
    if (capacity < 1) throw new RangeError('capacity must be at least 1');
  }

  /** True when the nonce is new (and is now remembered); false when it was seen within the window. */
  remember(nonce: string, now: number): boolean {
    this.forgetExpired(now);
    const seenUntil = this.forgetAt.get(nonce);
    if (seenUntil !== undefined && seenUntil > now) return false;
    this.forgetAt.delete(nonce);
    this.forgetAt.set(nonce, now + this.rememberForMs);
    while (this.forgetAt.size > this.capacity) {
      const oldest = this.forgetAt.keys().next().value as string;
      this.forgetAt.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.forgetAt.size;
  }

  private forgetExpired(now: number): void {
    for (const [nonce, until] of this.forgetAt) {
      // Entries were added with a constant lifetime, so the first live one ends the sweep.
      if (until > now) break;
      this.forgetAt.delete(nonce);
    }
  }
}
