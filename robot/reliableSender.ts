import type { Acknowledgement } from './acknowledgement.js';
import type { EncodedCommand } from './commands.js';
import { encodeFrame } from './frameCodec.js';

export type SendOutcome =
  | { status: 'acked'; ack: Acknowledgement; attempts: number; roundTripMs: number }
  /** transmitted: the frame went out at least once, so the base may have it even though no ACK came back. */
  | { status: 'failed'; reason: 'no-ack' | 'link-down' | 'cancelled'; transmitted: boolean };

export interface ReliableSenderOptions {
  write(frame: Buffer): void;
  ackTimeoutMs: number;
  /** Retransmissions after the first attempt before giving up. */
  maxRetries: number;
  /** Called when a frame ran out of retries: the link is not carrying commands, so the client resets it. */
  onGiveUp(): void;
}

export interface ReliableSenderStats {
  sent: number;
  retransmissions: number;
  naksReceived: number;
  acked: number;
  /** ACKs for a seq that is not in flight: answers to retransmissions that crossed the first ACK. */
  staleAcks: number;
}

interface Outgoing {
  command: EncodedCommand;
  tag: string | undefined;
  seq: number;
  attempts: number;
  firstSentAt: number;
  timer: NodeJS.Timeout | null;
  resolve(outcome: SendOutcome): void;
}

/**
 * Stop-and-wait delivery of reliable frames: one frame in flight, retransmitted with the same seq after an ACK
 * timeout or a NAK, at most `maxRetries` times. The base executes a frame once and re-ACKs a repeat (same seq and
 * CRC), so a retransmission never runs a command twice. Every send settles: acked, or failed with whether it was
 * ever transmitted.
 */
export class ReliableSender {
  readonly stats: ReliableSenderStats = { sent: 0, retransmissions: 0, naksReceived: 0, acked: 0, staleAcks: 0 };
  private readonly queue: Outgoing[] = [];
  private inFlight: Outgoing | null = null;
  private nextSeq = 1;
  private enabled = false;

  constructor(private readonly options: ReliableSenderOptions) {}

  /** The link is up: frames may go out. */
  enable(): void {
    this.enabled = true;
  }

  /** The link is down: everything queued or in flight fails now, with what is known about its transmission. */
  disable(): void {
    this.enabled = false;
    const inFlight = this.inFlight;
    this.inFlight = null;
    if (inFlight) this.finish(inFlight, { status: 'failed', reason: 'link-down', transmitted: true });
    for (const o of this.queue.splice(0)) this.finish(o, { status: 'failed', reason: 'link-down', transmitted: false });
  }

  get busy(): boolean {
    return this.inFlight !== null || this.queue.length > 0;
  }

  /** Queues a frame; `urgent` frames (STOP, HELLO) go ahead of queued ones but never interrupt the one in flight. */
  send(command: EncodedCommand, options: { urgent?: boolean; tag?: string } = {}): Promise<SendOutcome> {
    if (!this.enabled) return Promise.resolve({ status: 'failed', reason: 'link-down', transmitted: false });
    return new Promise((resolve) => {
      const outgoing: Outgoing = { command, tag: options.tag, seq: 0, attempts: 0, firstSentAt: 0, timer: null, resolve };
      if (options.urgent) this.queue.unshift(outgoing);
      else this.queue.push(outgoing);
      this.pump();
    });
  }

  /** Withdraws queued, never-transmitted frames whose tag matches (a STOP withdraws queued motion). */
  cancelQueued(tag: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const o = this.queue[i]!;
      if (o.tag !== tag) continue;
      this.queue.splice(i, 1);
      this.finish(o, { status: 'failed', reason: 'cancelled', transmitted: false });
    }
  }

  /** Whether a frame with this tag is waiting in the queue (not yet on the wire). */
  isQueued(tag: string): boolean {
    return this.queue.some((o) => o.tag === tag);
  }

  onAck(seq: number, ack: Acknowledgement): void {
    const o = this.inFlight;
    if (o === null || o.seq !== seq) {
      this.stats.staleAcks++;
      return;
    }
    this.inFlight = null;
    this.stats.acked++;
    this.finish(o, { status: 'acked', ack, attempts: o.attempts, roundTripMs: performance.now() - o.firstSentAt });
    this.pump();
  }

  onNak(seq: number): void {
    const o = this.inFlight;
    if (o === null || o.seq !== seq) return;
    this.stats.naksReceived++;
    this.retransmitOrGiveUp(o);
  }

  private pump(): void {
    if (!this.enabled || this.inFlight !== null) return;
    const o = this.queue.shift();
    if (o === undefined) return;
    o.seq = this.nextSeq;
    this.nextSeq = this.nextSeq === 255 ? 1 : this.nextSeq + 1;
    this.inFlight = o;
    o.firstSentAt = performance.now();
    this.transmit(o);
  }

  private transmit(o: Outgoing): void {
    o.attempts++;
    this.stats.sent++;
    if (o.timer) clearTimeout(o.timer);
    o.timer = setTimeout(() => this.retransmitOrGiveUp(o), this.options.ackTimeoutMs);
    this.options.write(encodeFrame({ seq: o.seq, type: o.command.type, payload: o.command.payload }));
  }

  private retransmitOrGiveUp(o: Outgoing): void {
    if (this.inFlight !== o) return;
    if (o.attempts > this.options.maxRetries) {
      this.inFlight = null;
      this.finish(o, { status: 'failed', reason: 'no-ack', transmitted: true });
      this.options.onGiveUp();
      this.pump();
      return;
    }
    this.stats.retransmissions++;
    this.transmit(o);
  }

  private finish(o: Outgoing, outcome: SendOutcome): void {
    if (o.timer) clearTimeout(o.timer);
    o.timer = null;
    o.resolve(outcome);
  }
}
