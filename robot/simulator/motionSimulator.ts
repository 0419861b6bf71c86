import { seededRandom } from '../../common/seededRandom.js';
import { encodeAck, encodeNak, type AckStatus } from '../acknowledgement.js';
import { decodeCommand, type ExecutableCommand, type RobotCommand } from '../commands.js';
import { FrameType, PROTOCOL_VERSION, UNSEQUENCED } from '../frameTypes.js';
import { decodeHeartbeat, encodeHeartbeat } from '../heartbeat.js';
import { encodeHelloReply } from '../helloReply.js';
import type { TaskReport } from '../motionTask.js';
import { closePortQuietly, serialPortOpener, type OpenRobotPort, type RobotPort } from '../robotPort.js';
import { encodeTelemetry, type RobotTelemetry } from '../telemetry.js';
import { DeviceFrameReader, writeDeviceFrame, type DeviceFrame, type DeviceFrameReaderStats } from './deviceFraming.js';
import { FaultyLine, type FrameFaultAction, type LineNoise } from './lineFaults.js';
import { defaultRobotBodyOptions, RobotBody, type RobotBodyOptions } from './robotBody.js';

// The far side of the motion-controller protocol: what the base's firmware does, on a serial path (a pty in tests).
// A second implementation of the protocol, not a mock of the client: its own frame reader and CRC, its own
// duplicate detection, kinematics, battery and safety logic, and faults a test can inject.

export interface MotionSimulatorOptions extends Partial<RobotBodyOptions> {
  path: string;
  openPort?: OpenRobotPort;
  /** Reopen the path this often after it vanished (cable pulled). Default 100 ms. */
  reopenMs?: number;
  telemetryIntervalMs?: number;
  heartbeatMs?: number;
  /** Stop motion when nothing came from the kiosk for this long. Default 1500 ms. */
  hostTimeoutMs?: number;
  /** Kinematics step. Default 20 ms. */
  tickMs?: number;
  /** Seed of the fault generator (garbage, noise, which bit flips). */
  seed?: number;
  firmware?: string;
}

export type LineDirection = 'toHost' | 'fromHost';

/** Faults a test can inject while the simulator runs. */
export interface SimulatorFaults {
  obstacle(present: boolean): void;
  estop(pressed: boolean): void;
  bumper(pressed: boolean): void;
  motorFault(active: boolean): void;
  /** Flip one bit in each of the next `count` frames (of `type`, if given) on that side of the cable. */
  corruptFrames(direction: LineDirection, options: { count: number; type?: number }): void;
  /** Lose `bytes` bytes from the middle of each of the next `count` frames (a cut frame), or whole frames. */
  dropBytes(direction: LineDirection, options: { count: number; type?: number; bytes: number | 'frame' }): void;
  /** Random per-byte corruption and loss on that side of the cable; null to stop. */
  noise(direction: LineDirection, noise: LineNoise | null): void;
  /** Writes `byteCount` random bytes to the kiosk now. */
  garbage(byteCount: number): void;
  /** Before each outgoing frame, with this probability, a burst of up to maxBytes random bytes. */
  garbageBetweenFrames(probability: number, maxBytes?: number): void;
  /** A hung controller: reads and drops everything, sends nothing, not even heartbeats. */
  silence(on: boolean): void;
  /** All line faults and silence off (safety inputs stay as they are). */
  clearLine(): void;
}

export interface SimulatorStats extends DeviceFrameReaderStats {
  acksSent: number;
  naksSent: number;
  /** Retransmissions recognised (same seq and CRC as the last command) and re-acknowledged without executing. */
  duplicates: number;
  telemetrySent: number;
  heartbeatsSent: number;
  /** Times the base stopped a task because the kiosk fell silent. */
  hostLinkLosses: number;
  portOpens: number;
}

/** One command frame the base took in (retransmissions excluded), with the status it answered. */
export interface ReceivedCommand {
  at: number;
  seq: number;
  command: RobotCommand | null;
  status: AckStatus;
}

export interface MotionSimulator {
  readonly path: string;
  readonly stats: Readonly<SimulatorStats>;
  /** Every distinct command frame, in arrival order (the latest 10 000). */
  readonly received: readonly ReceivedCommand[];
  readonly faults: SimulatorFaults;
  /** Commands that ran: accepted, and not a dry run. */
  executed(): ReceivedCommand[];
  /** The body's state as the base would report it now. */
  snapshot(): RobotTelemetry;
  /** Metres driven since start. */
  odometer(): number;
  portOpen(): boolean;
  stop(): Promise<void>;
}

export async function startMotionSimulator(options: MotionSimulatorOptions): Promise<MotionSimulator> {
  const sim = new DeviceSimulator(options);
  sim.start();
  return sim;
}

const MAX_RECEIVED_LOG = 10_000;

interface LastCommand {
  seq: number;
  crc: number;
  responses: Buffer[];
}

class DeviceSimulator implements MotionSimulator {
  readonly path: string;
  readonly stats: SimulatorStats;
  readonly received: ReceivedCommand[] = [];
  readonly faults: SimulatorFaults;
  private readonly body: RobotBody;
  private readonly reader = new DeviceFrameReader();
  private readonly random: () => number;
  private readonly lines: Record<LineDirection, FaultyLine>;
  private readonly openPort: OpenRobotPort;
  private readonly reopenMs: number;
  private readonly telemetryIntervalMs: number;
  private readonly heartbeatMs: number;
  private readonly hostTimeoutMs: number;
  private readonly tickMs: number;
  private readonly firmware: string;
  private port: RobotPort | null = null;
  private stopped = false;
  private silent = false;
  private garbageChance = { probability: 0, maxBytes: 16 };
  private last: LastCommand | null = null;
  private lastHostFrameAt = performance.now();
  private lastTick = performance.now();
  private lastSentKey = '';
  private heartbeatToken = 0;
  private hostToken = 0;
  private timers: NodeJS.Timeout[] = [];
  private reopenTimer: NodeJS.Timeout | null = null;

  constructor(options: MotionSimulatorOptions) {
    this.path = options.path;
    this.openPort = options.openPort ?? serialPortOpener();
    this.reopenMs = options.reopenMs ?? 100;
    this.telemetryIntervalMs = options.telemetryIntervalMs ?? 100;
    this.heartbeatMs = options.heartbeatMs ?? 200;
    this.hostTimeoutMs = options.hostTimeoutMs ?? 1_500;
    this.tickMs = options.tickMs ?? 20;
    this.firmware = options.firmware ?? 'qd-base-sim 1.0.0';
    const bodyOptions: RobotBodyOptions = { ...defaultRobotBodyOptions };
    for (const key of Object.keys(defaultRobotBodyOptions) as (keyof RobotBodyOptions)[]) {
      if (options[key] !== undefined) (bodyOptions as unknown as Record<string, unknown>)[key] = options[key];
    }
    this.body = new RobotBody(bodyOptions);
    this.random = seededRandom(options.seed ?? 1);
    this.lines = { toHost: new FaultyLine(this.random), fromHost: new FaultyLine(this.random) };
    this.stats = { ...this.reader.stats, acksSent: 0, naksSent: 0, duplicates: 0, telemetrySent: 0, heartbeatsSent: 0, hostLinkLosses: 0, portOpens: 0 };
    this.faults = this.buildFaults();
  }

  start(): void {
    this.timers.push(setInterval(() => this.tick(), this.tickMs));
    this.timers.push(setInterval(() => this.sendTelemetry(), this.telemetryIntervalMs));
    this.timers.push(setInterval(() => this.sendHeartbeat(false), this.heartbeatMs));
    this.tryOpen();
  }

  executed(): ReceivedCommand[] {
    return this.received.filter((c) => c.status === 'ok' && c.command !== null && c.command.kind !== 'dryRun');
  }

  snapshot(): RobotTelemetry {
    return this.body.telemetry();
  }

  odometer(): number {
    return this.body.odometer;
  }

  portOpen(): boolean {
    return this.port !== null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    const port = this.port;
    this.port = null;
    if (port) await closePortQuietly(port);
  }

  // ── port ────────────────────────────────────────────────────────────────────────────────────────────────────

  private tryOpen(): void {
    this.reopenTimer = null;
    if (this.stopped) return;
    this.openPort(this.path).then(
      (port) => {
        if (this.stopped) return void closePortQuietly(port);
        this.attach(port);
      },
      () => this.scheduleReopen(),
    );
  }

  private scheduleReopen(): void {
    if (!this.stopped && !this.reopenTimer) this.reopenTimer = setTimeout(() => this.tryOpen(), this.reopenMs);
  }

  private attach(port: RobotPort): void {
    this.port = port;
    this.stats.portOpens++;
    this.reader.reset();
    const lost = () => {
      if (this.port !== port) return;
      this.port = null;
      void closePortQuietly(port);
      this.scheduleReopen();
    };
    port.on('data', (chunk) => {
      if (this.port === port) this.onBytes(chunk);
    });
    port.on('close', lost);
    port.on('error', lost);
  }

  private write(bytes: Buffer): void {
    if (!this.port || this.silent) return;
    const out = this.lines.toHost.pass(bytes);
    if (out.length > 0) this.port.write(out);
  }

  private send(seq: number, type: number, payload: Buffer): void {
    if (this.garbageChance.probability > 0 && this.random() < this.garbageChance.probability) {
      this.write(this.randomBytes(1 + Math.floor(this.random() * this.garbageChance.maxBytes)));
    }
    this.write(writeDeviceFrame(seq, type, payload));
  }

  // ── receiving ───────────────────────────────────────────────────────────────────────────────────────────────

  private onBytes(chunk: Buffer): void {
    if (this.silent) return;
    this.reader.feed(
      this.lines.fromHost.pass(chunk),
      (frame) => this.onFrame(frame),
      (seqByte) => {
        // A frame start whose CRC failed: ask for it again at once (the kiosk ignores a seq it is not waiting for).
        this.stats.naksSent++;
        const nak = encodeNak('crc');
        this.send(seqByte, nak.type, nak.payload);
      },
    );
    Object.assign(this.stats, this.reader.stats);
  }

  private onFrame(frame: DeviceFrame): void {
    this.lastHostFrameAt = performance.now();
    if (frame.type === FrameType.Heartbeat) {
      const hb = decodeHeartbeat(frame.payload);
      if (!hb.ok) return;
      this.hostToken = hb.value.token;
      if (hb.value.echoRequested) this.sendHeartbeat(false);
      return;
    }
    if (frame.type >= 0x80) return; // device-to-kiosk types arriving here are noise from a confused peer
    if (this.last && this.last.seq === frame.seq && this.last.crc === frame.crc) {
      // A retransmission: its ACK was lost. Answer again, never execute again.
      this.stats.duplicates++;
      for (const response of this.last.responses) this.write(response);
      this.stats.acksSent++;
      return;
    }
    const decoded = decodeCommand(frame.type, frame.payload);
    const command = decoded.ok ? decoded.value : null;
    const { status, previousTask } = decoded.ok ? this.execute(decoded.value) : { status: decoded.reason === 'unknown-type' ? ('unknown-command' as const) : ('bad-payload' as const), previousTask: null };
    this.received.push({ at: performance.now(), seq: frame.seq, command, status });
    // A simulator left running behind a demo kiosk must not grow without bound.
    if (this.received.length > MAX_RECEIVED_LOG) this.received.splice(0, this.received.length - MAX_RECEIVED_LOG);
    const ack = encodeAck({ status, previousTask });
    const responses = [writeDeviceFrame(frame.seq, ack.type, ack.payload)];
    if (command?.kind === 'hello') {
      const reply = encodeHelloReply({
        protocolVersion: PROTOCOL_VERSION,
        sessionNonce: command.sessionNonce,
        telemetryIntervalMs: this.telemetryIntervalMs,
        hostTimeoutMs: this.hostTimeoutMs,
        firmware: this.firmware,
      });
      responses.push(writeDeviceFrame(UNSEQUENCED, reply.type, reply.payload));
    }
    this.last = { seq: frame.seq, crc: frame.crc, responses };
    for (const response of responses) this.write(response);
    this.stats.acksSent++;
    if (command?.kind === 'hello') this.sendTelemetry();
    else this.sendTelemetryIfChanged();
  }

  private execute(command: RobotCommand): { status: AckStatus; previousTask: TaskReport | null } {
    const now = performance.now();
    const body = this.body;
    switch (command.kind) {
      case 'hello':
        // A new session: whatever the previous kiosk session started ends here.
        return { status: 'ok', previousTask: body.cancelTask() };
      case 'dryRun':
        return { status: this.gate(command.command), previousTask: null };
      case 'stop':
        return { status: 'ok', previousTask: body.cancelTask() };
      case 'resetEstop':
        return { status: body.resetEstop(), previousTask: null };
      default: {
        const status = this.gate(command);
        if (status !== 'ok') return { status, previousTask: null };
        switch (command.kind) {
          case 'goTo':
            return { status, previousTask: body.startGoTo(command.taskId, command.target, command.maxSpeed, now) };
          case 'dock':
            return { status, previousTask: body.startDock(command.taskId, now) };
          case 'velocity':
            return { status, previousTask: body.startVelocity(command.taskId, command.linear, command.angular, command.durationMs, now) };
          case 'headPanTilt':
            body.setHeadTarget(command.pan, command.tilt);
            return { status, previousTask: null };
          case 'gesture':
            body.startGesture(command.gesture, command.direction, now);
            return { status, previousTask: null };
        }
      }
    }
  }

  private gate(command: ExecutableCommand): AckStatus {
    switch (command.kind) {
      case 'goTo':
      case 'dock':
      case 'velocity':
        return this.body.motionGate();
      case 'headPanTilt':
      case 'gesture':
        return this.body.actuatorGate();
      default:
        return 'ok';
    }
  }

  // ── sending ─────────────────────────────────────────────────────────────────────────────────────────────────

  private tick(): void {
    const now = performance.now();
    this.body.step(now - this.lastTick, now);
    this.lastTick = now;
    if (this.body.hasActiveTask && now - this.lastHostFrameAt > this.hostTimeoutMs) {
      // Fail safe: without a kiosk nobody is watching the move, so the base stops.
      this.body.cancelTask();
      this.stats.hostLinkLosses++;
    }
    this.sendTelemetryIfChanged();
  }

  /** Telemetry at once when something a kiosk reacts to changed (not the pose: it changes all the time). */
  private sendTelemetryIfChanged(): void {
    if (this.changeKey(this.body.telemetry()) !== this.lastSentKey) this.sendTelemetry();
  }

  private changeKey(t: RobotTelemetry): string {
    return [t.battery, t.charging, t.docked, t.estopPressed, t.estopLatched, t.bumper, t.obstacle, t.motorFault, t.task.id, t.task.state, t.gesture].join('|');
  }

  private sendTelemetry(): void {
    const t = this.body.telemetry();
    this.lastSentKey = this.changeKey(t);
    if (!this.port || this.silent) return;
    const { type, payload } = encodeTelemetry(t);
    this.stats.telemetrySent++;
    this.send(UNSEQUENCED, type, payload);
  }

  private sendHeartbeat(echoRequested: boolean): void {
    if (!this.port || this.silent) return;
    this.heartbeatToken = (this.heartbeatToken % 0xffffffff) + 1;
    const { type, payload } = encodeHeartbeat({ token: this.heartbeatToken, echo: this.hostToken, echoRequested });
    this.stats.heartbeatsSent++;
    this.send(UNSEQUENCED, type, payload);
  }

  private randomBytes(n: number): Buffer {
    const bytes = Buffer.alloc(n);
    for (let i = 0; i < n; i++) bytes[i] = Math.floor(this.random() * 256);
    return bytes;
  }

  private buildFaults(): SimulatorFaults {
    const frameRule = (direction: LineDirection, action: FrameFaultAction, count: number, type?: number) =>
      this.lines[direction].addRule({ action, count, ...(type === undefined ? {} : { type }) });
    return {
      obstacle: (present) => this.body.setObstacle(present),
      estop: (pressed) => {
        this.body.setEstop(pressed);
        this.sendTelemetryIfChanged();
      },
      bumper: (pressed) => {
        this.body.setBumper(pressed);
        this.sendTelemetryIfChanged();
      },
      motorFault: (active) => {
        this.body.setMotorFault(active);
        this.sendTelemetryIfChanged();
      },
      corruptFrames: (direction, { count, type }) => frameRule(direction, { kind: 'corrupt' }, count, type),
      dropBytes: (direction, { count, type, bytes }) => frameRule(direction, bytes === 'frame' ? { kind: 'drop' } : { kind: 'cut', bytes }, count, type),
      noise: (direction, noise) => this.lines[direction].setNoise(noise),
      garbage: (byteCount) => this.write(this.randomBytes(byteCount)),
      garbageBetweenFrames: (probability, maxBytes = 16) => {
        this.garbageChance = { probability, maxBytes };
      },
      silence: (on) => {
        this.silent = on;
        if (!on) this.reader.reset();
      },
      clearLine: () => {
        this.lines.toHost.clear();
        this.lines.fromHost.clear();
        this.garbageChance = { probability: 0, maxBytes: 16 };
        this.silent = false;
      },
    };
  }
}
