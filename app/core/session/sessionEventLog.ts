import type { SessionEventStore } from '../store/sessionEventStore.js';

/**
 * Appends a visit's events to the store with their order and time since the visit began. The caller
 * passes only what diagnostics need; text a citizen typed is reduced to its length before it gets here.
 */
export class SessionEventLog {
  private seq = 0;
  private currentId: string | null = null;
  private startedAt = 0;

  constructor(private readonly store: SessionEventStore, private readonly now: () => number) {}

  get sessionId(): string | null {
    return this.currentId;
  }

  begin(sessionId: string): void {
    this.currentId = sessionId;
    this.seq = 0;
    this.startedAt = this.now();
    this.store.start(sessionId, new Date(this.startedAt));
  }

  record(type: string, detail: unknown = {}): void {
    if (!this.currentId) return;
    this.store.append(this.currentId, { seq: ++this.seq, atMs: this.now() - this.startedAt, type, detail });
  }

  end(reason: string): void {
    if (!this.currentId) return;
    this.store.end(this.currentId, new Date(this.now()), reason);
    this.currentId = null;
  }
}
