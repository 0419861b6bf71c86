import { randomInt } from 'node:crypto';
import { decodeAck, decodeNak, type Acknowledgement } from './acknowledgement.js';
import { encodeCommand, type ExecutableCommand, type GestureKind, type MotionCommand, type RobotCommand } from './commands.js';
import { encodeFrame, type Frame } from './frameCodec.js';
import { FrameParser } from './frameParser.js';
import type { FrameScannerStats } from './frameScanner.js';
import { FrameType, PROTOCOL_VERSION, UNSEQUENCED } from './frameTypes.js';
import { decodeHeartbeat, encodeHeartbeat } from './heartbeat.js';
import { decodeHelloReply, type HelloReply } from './helloReply.js';
import { isTaskFinished, type TaskKind, type TaskReport } from './motionTask.js';
import { motionOutcomeFromRefusal, motionOutcomeFromTaskState, type CommandResult, type MotionOutcome, type MotionResult } from './motionOutcomes.js';
import type { Pose } from './pose.js';
import { ReliableSender, type ReliableSenderStats, type SendOutcome } from './reliableSender.js';
import type { DeviceInfo, DisconnectReason, RobotEvent } from './robotEvents.js';
import { closePortQuietly, DEFAULT_BAUD_RATE, serialPortOpener, type OpenRobotPort, type RobotPort } from './robotPort.js';
import { decodeTelemetry, type RobotTelemetry } from './telemetry.js';

export interface MotionClientOptions {
  /** Serial device path, e.g. /dev/ttyUSB0 (or a pty link in tests). */
  path: string;
  baudRate?: number;
  /** Transport injection; defaults to node-serialport at `baudRate`. */
  openPort?: OpenRobotPort;
  /** Wait this long for an ACK before retransmitting (default 100 ms). */
  ackTimeoutMs?: number;
  /** Retransmissions after the first attempt (default 3); when exhausted the link is reset. */
  maxRetries?: number;
  /** The kiosk's heartbeat period (default 200 ms). */
  heartbeatMs?: number;
  /** Declare the base gone after this long without a valid frame (default 1000 ms). */
  linkTimeoutMs?: number;
  /** Try to reopen the port this often while disconnected (default 500 ms). */
  reconnectMs?: number;
}

export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'closed';

export interface LinkStats extends FrameScannerStats, ReliableSenderStats {
  /** Frames with a good CRC but a payload out of bounds or of an unexpected type. */
  badPayloads: number;
  heartbeatRttMs: number | null;
  connects: number;
  disconnects: number;
}

export interface MoveOptions {
  /** Give up after this long: the client sends STOP and settles 'timed-out' (default 120 s; velocity: duration + 2 s). */
  timeoutMs?: number;
}

export interface MotionClient {
  readonly path: string;
  readonly connectionState: ConnectionState;
  /** What the base said in its HELLO reply; null before the first connection. */
  readonly device: DeviceInfo | null;
  /** The latest telemetry snapshot; null before the first. */
  readonly telemetry: RobotTelemetry | null;
  stats(): LinkStats;
  /** Listen to every event; returns the unsubscribe function. */
  subscribe(listener: (event: RobotEvent) => void): () => void;
  /** Resolves true once connected (at once if already), false after timeoutMs or when closed. */
  waitForConnection(timeoutMs?: number): Promise<boolean>;
  goTo(target: Pose, options?: MoveOptions & { maxSpeed?: number }): Promise<MotionResult>;
  dock(options?: MoveOptions): Promise<MotionResult>;
  /** linear m/s, angular deg/s; the base stops by itself after durationMs. */
  velocity(move: { linear: number; angular: number; durationMs: number }, options?: MoveOptions): Promise<MotionResult>;
  /** Ends the current motion task (it settles 'cancelled') and withdraws motion commands not yet sent. */
  stop(): Promise<CommandResult>;
  /** Degrees: pan ±90 (left positive), tilt ±30 (up positive). */
  headPanTilt(angles: { pan: number; tilt: number }): Promise<CommandResult>;
  /** direction (degrees, ±90) is where 'point' points. */
  gesture(gesture: GestureKind, options?: { direction?: number }): Promise<CommandResult>;
  /** Accepted by the base only when the e-stop button is released. */
  resetEstop(): Promise<CommandResult>;
  /** Asks the base whether it would accept a command, without executing it (diagnostics). */
  dryRun(command: ExecutableCommand): Promise<CommandResult>;
  /** One heartbeat round trip in ms, or null without an answer within timeoutMs. */
  measureRoundTrip(timeoutMs?: number): Promise<number | null>;
  close(): Promise<void>;
}

export function createMotionClient(options: MotionClientOptions): MotionClient {
  return new RobotMotionClient(options);
}

interface PendingTask {
  taskId: number;
  kind: TaskKind;
  delivered: boolean;
  startedAt: number;
  timer: NodeJS.Timeout | null;
  resolve(result: MotionResult): void;
}

const MOTION_TAG = 'motion';
const MAX_HELLO_ATTEMPTS = 3;

class RobotMotionClient implements MotionClient {
  readonly path: string;
  private readonly openPort: OpenRobotPort;
  private readonly ackTimeoutMs: number;
  private readonly heartbeatMs: number;
  private readonly linkTimeoutMs: number;
  private readonly reconnectMs: number;
  private readonly sender: ReliableSender;
  private readonly listeners = new Set<(event: RobotEvent) => void>();
  private readonly tasks = new Map<number, PendingTask>();

  private state: ConnectionState = 'connecting';
  private port: RobotPort | null = null;
  private parser: FrameParser | null = null;
  private openAttempt = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private watchdogTimer: NodeJS.Timeout | null = null;
  private helloTimer: NodeJS.Timeout | null = null;
  private handshake: { nonce: number; attempts: number; reply: HelloReply | null } | null = null;
  private deviceInfo: DeviceInfo | null = null;
  private latest: RobotTelemetry | null = null;
  private nextTaskId = randomInt(1, 0xffff);
  private heartbeatToken = 0;
  private peerToken = 0;
  /** The latest periodic heartbeat, to keep heartbeatRttMs current. */
  private lastPing: { token: number; sentAt: number } | null = null;
  /** Round trips someone is waiting for (measureRoundTrip). */
  private readonly probes = new Map<number, { sentAt: number; resolve(rtt: number | null): void }>();
  private readonly counters = { badPayloads: 0, heartbeatRttMs: null as number | null, connects: 0, disconnects: 0 };
  private readonly retiredParserStats: FrameScannerStats = { frames: 0, headerErrors: 0, crcErrors: 0, discardedBytes: 0 };
  private closing: Promise<void> | null = null;

  constructor(options: MotionClientOptions) {
    this.path = options.path;
    this.openPort = options.openPort ?? serialPortOpener(options.baudRate ?? DEFAULT_BAUD_RATE);
    this.ackTimeoutMs = options.ackTimeoutMs ?? 100;
    this.heartbeatMs = options.heartbeatMs ?? 200;
    this.linkTimeoutMs = options.linkTimeoutMs ?? 1000;
    this.reconnectMs = options.reconnectMs ?? 500;
    this.sender = new ReliableSender({
      write: (frame) => this.write(frame),
      ackTimeoutMs: this.ackTimeoutMs,
      maxRetries: options.maxRetries ?? 3,
      onGiveUp: () => this.linkLost('no-ack'),
    });
    this.openNow();
  }

  get connectionState(): ConnectionState {
    return this.state;
  }
  get device(): DeviceInfo | null {
    return this.deviceInfo;
  }
  get telemetry(): RobotTelemetry | null {
    return this.latest;
  }

  stats(): LinkStats {
    const parser = this.parser?.stats ?? { frames: 0, headerErrors: 0, crcErrors: 0, discardedBytes: 0 };
    const r = this.retiredParserStats;
    return {
      frames: r.frames + parser.frames,
      headerErrors: r.headerErrors + parser.headerErrors,
      crcErrors: r.crcErrors + parser.crcErrors,
      discardedBytes: r.discardedBytes + parser.discardedBytes,
      ...this.sender.stats,
      ...this.counters,
    };
  }

  subscribe(listener: (event: RobotEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  waitForConnection(timeoutMs = 5_000): Promise<boolean> {
    if (this.state === 'connected') return Promise.resolve(true);
    if (this.state === 'closed') return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), timeoutMs);
      const unsubscribe = this.subscribe((e) => {
        if (e.type === 'robot.connection') done(e.state === 'connected');
      });
      const done = (connected: boolean) => {
        clearTimeout(timer);
        unsubscribe();
        resolve(connected);
      };
    });
  }

  // ── commands ────────────────────────────────────────────────────────────────────────────────────────────────

  // async: an argument the protocol cannot carry becomes a rejected promise (RangeError), not a synchronous throw.
  async goTo(target: Pose, options: MoveOptions & { maxSpeed?: number } = {}): Promise<MotionResult> {
    return this.startTask('goTo', (taskId) => ({ kind: 'goTo', taskId, target, maxSpeed: options.maxSpeed ?? null }), options.timeoutMs ?? 120_000);
  }

  async dock(options: MoveOptions = {}): Promise<MotionResult> {
    return this.startTask('dock', (taskId) => ({ kind: 'dock', taskId }), options.timeoutMs ?? 120_000);
  }

  async velocity(move: { linear: number; angular: number; durationMs: number }, options: MoveOptions = {}): Promise<MotionResult> {
    return this.startTask('velocity', (taskId) => ({ kind: 'velocity', taskId, ...move }), options.timeoutMs ?? move.durationMs + 2_000);
  }

  async stop(): Promise<CommandResult> {
    if (this.state !== 'connected') return { outcome: 'disconnected', delivered: false };
    // A STOP must not be overtaken by motion the caller asked for before it.
    this.sender.cancelQueued(MOTION_TAG);
    return this.simpleCommand({ kind: 'stop' }, { urgent: true });
  }

  headPanTilt(angles: { pan: number; tilt: number }): Promise<CommandResult> {
    return this.simpleCommand({ kind: 'headPanTilt', pan: angles.pan, tilt: angles.tilt });
  }

  gesture(gesture: GestureKind, options: { direction?: number } = {}): Promise<CommandResult> {
    return this.simpleCommand({ kind: 'gesture', gesture, direction: options.direction ?? 0 });
  }

  async resetEstop(): Promise<CommandResult> {
    const result = await this.simpleCommand({ kind: 'resetEstop' });
    if (result.outcome === 'accepted' && this.latest?.estopLatched) {
      // The base clears the latch before it ACKs; don't let a motion command right after this hit a stale gate.
      this.latest = { ...this.latest, estopLatched: false };
      this.emit({ type: 'robot.estop', pressed: this.latest.estopPressed, latched: false });
    }
    return result;
  }

  dryRun(command: ExecutableCommand): Promise<CommandResult> {
    return this.simpleCommand({ kind: 'dryRun', command });
  }

  measureRoundTrip(timeoutMs = 500): Promise<number | null> {
    if (this.state !== 'connected') return Promise.resolve(null);
    return new Promise((resolve) => {
      const token = this.nextHeartbeatToken();
      const timer = setTimeout(() => {
        this.probes.delete(token);
        resolve(null);
      }, timeoutMs);
      this.probes.set(token, {
        sentAt: performance.now(),
        resolve: (rtt) => {
          clearTimeout(timer);
          resolve(rtt);
        },
      });
      this.sendHeartbeat(token);
    });
  }

  close(): Promise<void> {
    if (this.closing) return this.closing;
    const port = this.port;
    this.linkLost('client-closed');
    this.state = 'closed';
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.closing = port ? closePortQuietly(port) : Promise.resolve();
    return this.closing;
  }

  // ── motion tasks ────────────────────────────────────────────────────────────────────────────────────────────

  private startTask(kind: TaskKind, build: (taskId: number) => MotionCommand, timeoutMs: number): Promise<MotionResult> {
    const taskId = this.nextTaskId;
    // Validate before anything else: bad arguments are a caller's bug and reject (RangeError).
    const encoded = encodeCommand(build(taskId));
    const startedAt = performance.now();
    const immediate = (outcome: MotionOutcome, extra: Partial<MotionResult> = {}) =>
      Promise.resolve(this.result({ taskId, kind, startedAt, delivered: false }, outcome, extra));
    if (this.state !== 'connected') return immediate('disconnected');
    const blocker = this.motionBlocker();
    if (blocker) return immediate(blocker, { refusedBy: 'client' });
    this.nextTaskId = this.nextTaskId === 0xffff ? 1 : this.nextTaskId + 1;

    return new Promise((resolve) => {
      const task: PendingTask = { taskId, kind, delivered: false, startedAt, timer: null, resolve };
      this.tasks.set(taskId, task);
      task.timer = setTimeout(() => this.onTaskTimeout(task), timeoutMs);
      void this.sender.send(encoded, { tag: MOTION_TAG }).then((sent) => this.onTaskSent(task, sent));
    });
  }

  private onTaskSent(task: PendingTask, sent: SendOutcome): void {
    if (sent.status === 'acked') {
      task.delivered = true;
      this.applyPreviousTask(sent.ack, task.taskId);
      // The base's own gate: it saw an e-stop, bumper or fault the client had not heard of yet.
      if (sent.ack.status !== 'ok') this.settleTask(task, motionOutcomeFromRefusal(sent.ack.status), { refusedBy: 'device', status: sent.ack.status });
      return;
    }
    this.settleTask(task, sent.reason === 'cancelled' ? 'cancelled' : 'disconnected');
  }

  private onTaskTimeout(task: PendingTask): void {
    task.timer = null;
    if (!this.tasks.has(task.taskId)) return;
    const newest = Math.max(...[...this.tasks.values()].map((t) => t.startedAt));
    this.settleTask(task, 'timed-out');
    // Stop the base unless a newer task already replaced this one (a STOP would cancel that too).
    if (this.state === 'connected' && task.startedAt >= newest) void this.stop();
  }

  /** Settles the task a command replaced, from the ACK's report of how it ended. */
  private applyPreviousTask(ack: Acknowledgement, exceptTaskId?: number): void {
    const report: TaskReport | null = ack.previousTask;
    if (report === null || report.id === exceptTaskId) return;
    const previous = this.tasks.get(report.id);
    if (!previous || !previous.delivered) return;
    const outcome = motionOutcomeFromTaskState(report.state, previous.kind);
    if (outcome) this.settleTask(previous, outcome);
  }

  private settleTask(task: PendingTask, outcome: MotionOutcome, extra: Partial<MotionResult> = {}): void {
    if (this.tasks.get(task.taskId) !== task) return;
    this.tasks.delete(task.taskId);
    if (task.timer) clearTimeout(task.timer);
    task.timer = null;
    const result = this.result(task, outcome, extra);
    this.emit({ type: 'robot.motion', taskId: task.taskId, kind: task.kind, outcome, delivered: task.delivered });
    task.resolve(result);
  }

  private result(task: Pick<PendingTask, 'taskId' | 'kind' | 'startedAt' | 'delivered'>, outcome: MotionOutcome, extra: Partial<MotionResult>): MotionResult {
    const t = this.latest;
    return {
      outcome,
      kind: task.kind,
      taskId: task.taskId,
      delivered: task.delivered,
      pose: t ? { ...t.pose } : null,
      distanceRemaining: t && t.task.id === task.taskId ? t.task.distanceRemaining : null,
      elapsedMs: performance.now() - task.startedAt,
      ...extra,
    };
  }

  /** E-stop (pressed or not yet reset) and bumper always win; a motor fault blocks motion until it clears. */
  private motionBlocker(): 'e-stop' | 'bumper' | 'fault' | null {
    const t = this.latest;
    if (!t) return null;
    if (t.estopPressed || t.estopLatched) return 'e-stop';
    if (t.bumper) return 'bumper';
    if (t.motorFault) return 'fault';
    return null;
  }

  private async simpleCommand(command: RobotCommand, options: { urgent?: boolean } = {}): Promise<CommandResult> {
    const encoded = encodeCommand(command);
    if (this.state !== 'connected') return { outcome: 'disconnected', delivered: false };
    const actuator = command.kind === 'headPanTilt' || command.kind === 'gesture';
    if (actuator && (this.latest?.estopPressed || this.latest?.estopLatched)) {
      return { outcome: 'refused', delivered: false, refusedBy: 'client', status: 'e-stop' };
    }
    const sent = await this.sender.send(encoded, options);
    if (sent.status !== 'acked') return { outcome: 'disconnected', delivered: false };
    if (command.kind === 'stop') this.applyPreviousTask(sent.ack);
    if (sent.ack.status !== 'ok') return { outcome: 'refused', delivered: true, refusedBy: 'device', status: sent.ack.status };
    return { outcome: 'accepted', delivered: true };
  }

  // ── link ────────────────────────────────────────────────────────────────────────────────────────────────────

  private openNow(): void {
    this.reconnectTimer = null;
    if (this.state === 'closed') return;
    const attempt = ++this.openAttempt;
    Promise.resolve()
      .then(() => this.openPort(this.path))
      .then(
        (port) => {
          if (this.state === 'closed' || attempt !== this.openAttempt) {
            void closePortQuietly(port);
            return;
          }
          this.attach(port);
        },
        () => this.scheduleReopen(),
      );
  }

  private scheduleReopen(): void {
    if (this.state === 'closed' || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => this.openNow(), this.reconnectMs);
  }

  private attach(port: RobotPort): void {
    const parser = new FrameParser();
    this.port = port;
    this.parser = parser;
    port.on('data', (chunk) => {
      if (this.port === port) parser.write(chunk);
    });
    parser.on('data', (frame: Frame) => {
      if (this.port === port) this.onFrame(frame);
    });
    port.on('error', () => {
      if (this.port === port) this.linkLost('port-error');
    });
    port.on('close', () => {
      if (this.port === port) this.linkLost('port-closed');
    });
    this.watchdogTimer = setTimeout(() => this.linkLost(this.handshake?.reply ? 'heartbeat-lost' : 'handshake-failed'), this.linkTimeoutMs);
    this.heartbeatTimer = setInterval(() => this.sendHeartbeat(), this.heartbeatMs);
    this.sender.enable();
    this.sendHello();
  }

  private sendHello(): void {
    const attempts = (this.handshake?.attempts ?? 0) + 1;
    if (attempts > MAX_HELLO_ATTEMPTS) return this.linkLost('handshake-failed');
    this.handshake = { nonce: randomInt(0, 0xffffffff), attempts, reply: null };
    void this.sender.send(encodeCommand({ kind: 'hello', protocolVersion: PROTOCOL_VERSION, sessionNonce: this.handshake.nonce }), { urgent: true });
    if (this.helloTimer) clearTimeout(this.helloTimer);
    // Reply or first telemetry lost: ask again (a new nonce ignores late answers to the old one).
    this.helloTimer = setTimeout(() => {
      this.helloTimer = null;
      if (this.port && this.state !== 'connected') this.sendHello();
    }, Math.max(this.linkTimeoutMs / 2, this.ackTimeoutMs * 2));
  }

  private write(frame: Buffer): void {
    const port = this.port;
    if (!port) return;
    port.write(frame, (error) => {
      if (error && this.port === port) this.linkLost('port-error');
    });
  }

  private nextHeartbeatToken(): number {
    this.heartbeatToken = this.heartbeatToken === 0xffffffff ? 1 : this.heartbeatToken + 1;
    return this.heartbeatToken;
  }

  private sendHeartbeat(token = this.nextHeartbeatToken()): void {
    const { type, payload } = encodeHeartbeat({ token, echo: this.peerToken, echoRequested: true });
    this.lastPing = { token, sentAt: performance.now() };
    this.write(encodeFrame({ seq: UNSEQUENCED, type, payload }));
  }

  private onFrame(frame: Frame): void {
    this.watchdogTimer?.refresh();
    switch (frame.type) {
      case FrameType.Ack: {
        const ack = decodeAck(frame.payload);
        if (ack.ok) this.sender.onAck(frame.seq, ack.value);
        else this.counters.badPayloads++;
        return;
      }
      case FrameType.Nak: {
        if (decodeNak(frame.payload).ok) this.sender.onNak(frame.seq);
        else this.counters.badPayloads++;
        return;
      }
      case FrameType.Heartbeat: {
        const hb = decodeHeartbeat(frame.payload);
        if (!hb.ok) return void this.counters.badPayloads++;
        this.peerToken = hb.value.token;
        if (this.lastPing?.token === hb.value.echo) {
          this.counters.heartbeatRttMs = performance.now() - this.lastPing.sentAt;
          this.lastPing = null;
        }
        const probe = this.probes.get(hb.value.echo);
        if (probe) {
          this.probes.delete(hb.value.echo);
          probe.resolve(performance.now() - probe.sentAt);
        }
        if (hb.value.echoRequested) {
          const { type, payload } = encodeHeartbeat({ token: this.heartbeatToken, echo: this.peerToken, echoRequested: false });
          this.write(encodeFrame({ seq: UNSEQUENCED, type, payload }));
        }
        return;
      }
      case FrameType.HelloReply: {
        const reply = decodeHelloReply(frame.payload);
        if (!reply.ok) return void this.counters.badPayloads++;
        if (!this.handshake || reply.value.sessionNonce !== this.handshake.nonce) return;
        if (reply.value.protocolVersion !== PROTOCOL_VERSION) return this.linkLost('incompatible-device');
        this.handshake.reply = reply.value;
        return;
      }
      case FrameType.Telemetry: {
        const telemetry = decodeTelemetry(frame.payload);
        if (!telemetry.ok) return void this.counters.badPayloads++;
        this.applyTelemetry(telemetry.value);
        // Connected once the base answered our HELLO and we know its safety state.
        if (this.state !== 'connected' && this.handshake?.reply) this.becomeConnected(this.handshake.reply);
        return;
      }
      default:
        this.counters.badPayloads++;
    }
  }

  private becomeConnected(reply: HelloReply): void {
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.helloTimer = null;
    const { sessionNonce: _nonce, ...device } = reply;
    this.deviceInfo = device;
    this.state = 'connected';
    this.counters.connects++;
    this.emit({ type: 'robot.connection', state: 'connected', device });
  }

  private applyTelemetry(t: RobotTelemetry): void {
    const before = this.latest;
    this.latest = t;
    this.emit({ type: 'robot.telemetry', telemetry: t });
    if (!before || before.estopPressed !== t.estopPressed || before.estopLatched !== t.estopLatched) {
      this.emit({ type: 'robot.estop', pressed: t.estopPressed, latched: t.estopLatched });
    }
    if (!before || before.bumper !== t.bumper) this.emit({ type: 'robot.bumper', pressed: t.bumper });
    if (!before || before.obstacle !== t.obstacle) this.emit({ type: 'robot.obstacle', present: t.obstacle });
    if (!before || before.motorFault !== t.motorFault) this.emit({ type: 'robot.motorFault', active: t.motorFault });
    if (!before || before.docked !== t.docked || before.charging !== t.charging) this.emit({ type: 'robot.dock', docked: t.docked, charging: t.charging });

    const blocker = this.motionBlocker();
    if (blocker) for (const task of [...this.tasks.values()]) this.settleTask(task, blocker);

    // Telemetry speaks for a task only after its ACK: anything earlier on the wire predates the command.
    const task = this.tasks.get(t.task.id);
    if (!task || !task.delivered) return;
    if (isTaskFinished(t.task.state)) {
      const outcome = motionOutcomeFromTaskState(t.task.state, task.kind);
      if (outcome) this.settleTask(task, outcome);
    } else if (t.task.state === 'active') {
      this.emit({ type: 'robot.progress', taskId: task.taskId, kind: task.kind, distanceRemaining: t.task.distanceRemaining });
    }
  }

  /** The one place a link ends: the fate of every command is decided here and nothing is resent later. */
  private linkLost(reason: DisconnectReason): void {
    const port = this.port;
    if (port === null) return;
    this.port = null;
    const parser = this.parser;
    if (parser) {
      for (const key of Object.keys(this.retiredParserStats) as (keyof FrameScannerStats)[]) this.retiredParserStats[key] += parser.stats[key];
      this.parser = null;
    }
    for (const timer of [this.heartbeatTimer, this.watchdogTimer, this.helloTimer]) if (timer) clearTimeout(timer);
    this.heartbeatTimer = this.watchdogTimer = this.helloTimer = null;
    this.handshake = null;
    this.sender.disable();
    for (const task of [...this.tasks.values()]) this.settleTask(task, 'disconnected');
    for (const probe of this.probes.values()) probe.resolve(null);
    this.probes.clear();
    void closePortQuietly(port);
    const wasConnected = this.state === 'connected';
    if (this.state !== 'closed') this.state = 'disconnected';
    if (wasConnected) {
      this.counters.disconnects++;
      this.emit({ type: 'robot.connection', state: 'disconnected', reason });
    }
    if (reason !== 'client-closed') this.scheduleReopen();
  }

  private emit(event: RobotEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A listener's bug must not leave the link half-updated; surface it as an uncaught error afterwards.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
