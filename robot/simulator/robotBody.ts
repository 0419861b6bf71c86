import type { AckStatus } from '../acknowledgement.js';
import type { GestureKind } from '../commands.js';
import { isTaskFinished, type TaskKind, type TaskReport, type TaskState } from '../motionTask.js';
import { distanceBetween, normalizeHeading, type Pose } from '../pose.js';
import type { RobotTelemetry } from '../telemetry.js';

// The simulated base's body: a unicycle with speed and turn-rate limits, a battery, a head, gestures and the safety
// inputs (e-stop, bumper, obstacle, motor fault). It knows nothing about frames; the simulator's link drives it.

export interface RobotBodyOptions {
  /** m/s and deg/s. */
  maxLinearSpeed: number;
  maxAngularSpeed: number;
  /** How long an obstacle may stand in front of a goTo before the base gives up with 'blocked'. */
  obstacleGiveUpMs: number;
  /** Where the charging pile (充电桩) is; DOCK drives there. */
  dockPose: Pose;
  initialPose: Pose;
  initialBattery: number;
  /** Battery percentage points: used per metre driven, per minute idle, gained per minute on the dock. */
  drainPerMeter: number;
  drainPerMinuteIdle: number;
  chargePerMinute: number;
}

export const defaultRobotBodyOptions: RobotBodyOptions = {
  maxLinearSpeed: 0.7,
  maxAngularSpeed: 90,
  obstacleGiveUpMs: 3_000,
  dockPose: { x: 0, y: 0, heading: 180 },
  initialPose: { x: 0.6, y: 0, heading: 0 },
  initialBattery: 80,
  drainPerMeter: 0.05,
  drainPerMinuteIdle: 0.02,
  chargePerMinute: 1,
};

const POSITION_TOLERANCE_M = 0.01;
const HEADING_TOLERANCE_DEG = 0.5;
/** Turn on the spot while the target is more than this far off the nose. */
const TURN_IN_PLACE_DEG = 30;
const HEAD_SPEED_DEG_PER_S = 120;
const GESTURE_MS: Record<GestureKind, number> = { wave: 1500, nod: 900, point: 1200 };

interface Task {
  id: number;
  kind: TaskKind;
  state: TaskState;
  target: Pose | null;
  maxSpeed: number;
  linear: number;
  angular: number;
  endsAt: number;
  aligning: boolean;
  blockedSince: number | null;
}

export class RobotBody {
  pose: Pose;
  linear = 0;
  angular = 0;
  battery: number;
  docked = false;
  estopPressed = false;
  estopLatched = false;
  bumper = false;
  obstacle = false;
  motorFault = false;
  head = { pan: 0, tilt: 0 };
  private headTarget = { pan: 0, tilt: 0 };
  private gesture: { kind: GestureKind; endsAt: number } | null = null;
  private task: Task | null = null;
  /** Metres driven since start (for the tests' battery checks). */
  odometer = 0;

  constructor(private readonly options: RobotBodyOptions) {
    // Telemetry carries speeds as int16 mm/s and centidegrees/s.
    if (!(options.maxLinearSpeed > 0 && options.maxLinearSpeed <= 30)) throw new RangeError('maxLinearSpeed must be in (0, 30] m/s');
    if (!(options.maxAngularSpeed > 0 && options.maxAngularSpeed <= 300)) throw new RangeError('maxAngularSpeed must be in (0, 300] deg/s');
    this.pose = { ...options.initialPose };
    this.battery = options.initialBattery;
    this.docked = distanceBetween(this.pose, options.dockPose) < POSITION_TOLERANCE_M;
  }

  /** ACK status a motion command would get now. */
  motionGate(): AckStatus {
    if (this.estopPressed || this.estopLatched) return 'e-stop';
    if (this.bumper) return 'bumper';
    if (this.motorFault) return 'motor-fault';
    return 'ok';
  }

  /** Head and arms stop only for the e-stop. */
  actuatorGate(): AckStatus {
    return this.estopPressed || this.estopLatched ? 'e-stop' : 'ok';
  }

  get hasActiveTask(): boolean {
    return this.task !== null && this.task.state === 'active';
  }

  startGoTo(id: number, target: Pose, maxSpeed: number | null, now: number): TaskReport | null {
    return this.begin({ id, kind: 'goTo', target, maxSpeed: maxSpeed ?? this.options.maxLinearSpeed, linear: 0, angular: 0, endsAt: Infinity }, now);
  }

  startDock(id: number, now: number): TaskReport | null {
    return this.begin({ id, kind: 'dock', target: { ...this.options.dockPose }, maxSpeed: this.options.maxLinearSpeed, linear: 0, angular: 0, endsAt: Infinity }, now);
  }

  startVelocity(id: number, linear: number, angular: number, durationMs: number, now: number): TaskReport | null {
    const clamp = (v: number, max: number) => Math.max(-max, Math.min(max, v));
    return this.begin(
      { id, kind: 'velocity', target: null, maxSpeed: this.options.maxLinearSpeed, linear: clamp(linear, this.options.maxLinearSpeed), angular: clamp(angular, this.options.maxAngularSpeed), endsAt: now + durationMs },
      now,
    );
  }

  /** STOP, HELLO, or the kiosk fell silent: the current task ends 'cancelled'. Returns how it ended. */
  cancelTask(): TaskReport | null {
    this.halt('cancelled');
    return this.report();
  }

  setHeadTarget(pan: number, tilt: number): void {
    this.headTarget = { pan, tilt };
  }

  startGesture(kind: GestureKind, direction: number, now: number): void {
    this.gesture = { kind, endsAt: now + GESTURE_MS[kind] };
    if (kind === 'point') this.headTarget = { pan: direction, tilt: this.headTarget.tilt };
  }

  /** RESET_ESTOP: clears the latch only once the button is up. */
  resetEstop(): AckStatus {
    if (this.estopPressed) return 'e-stop-pressed';
    this.estopLatched = false;
    return 'ok';
  }

  setEstop(pressed: boolean): void {
    this.estopPressed = pressed;
    if (pressed) {
      this.estopLatched = true;
      this.gesture = null;
      this.headTarget = { ...this.head };
      this.halt('e-stop');
    }
  }

  setBumper(pressed: boolean): void {
    this.bumper = pressed;
    if (pressed) this.halt('bumper');
  }

  setMotorFault(active: boolean): void {
    this.motorFault = active;
    if (active) this.halt('fault');
  }

  setObstacle(present: boolean): void {
    this.obstacle = present;
  }

  /** Advances the world by dtMs (wall-clock time of the simulator). */
  step(dtMs: number, now: number): void {
    const dt = dtMs / 1000;
    this.drive(dt, now);
    const before = { x: this.pose.x, y: this.pose.y };
    const midHeading = ((this.pose.heading + (this.angular * dt) / 2) * Math.PI) / 180;
    this.pose.x += this.linear * Math.cos(midHeading) * dt;
    this.pose.y += this.linear * Math.sin(midHeading) * dt;
    this.pose.heading = normalizeHeading(this.pose.heading + this.angular * dt);
    const moved = distanceBetween(before, this.pose);
    this.odometer += moved;
    if (moved > 0 || this.angular !== 0) this.docked = false;

    this.battery -= moved * this.options.drainPerMeter + (dt / 60) * this.options.drainPerMinuteIdle;
    if (this.docked) this.battery += (dt / 60) * this.options.chargePerMinute;
    this.battery = Math.max(0, Math.min(100, this.battery));

    this.head.pan = approach(this.head.pan, this.headTarget.pan, HEAD_SPEED_DEG_PER_S * dt);
    this.head.tilt = approach(this.head.tilt, this.headTarget.tilt, HEAD_SPEED_DEG_PER_S * dt);
    if (this.gesture && now >= this.gesture.endsAt) this.gesture = null;
  }

  telemetry(): RobotTelemetry {
    const task = this.task;
    return {
      pose: { ...this.pose },
      linearSpeed: this.linear,
      angularSpeed: this.angular,
      battery: Math.round(this.battery),
      charging: this.docked && this.battery < 100,
      docked: this.docked,
      estopPressed: this.estopPressed,
      estopLatched: this.estopLatched,
      bumper: this.bumper,
      obstacle: this.obstacle,
      motorFault: this.motorFault,
      task: task
        ? { id: task.id, kind: task.kind, state: task.state, distanceRemaining: task.target && task.state === 'active' ? distanceBetween(this.pose, task.target) : 0 }
        : { id: 0, kind: 'none', state: 'idle', distanceRemaining: 0 },
      head: { pan: round2(this.head.pan), tilt: round2(this.head.tilt) },
      gesture: this.gesture?.kind ?? null,
    };
  }

  private begin(fields: Omit<Task, 'state' | 'aligning' | 'blockedSince'>, now: number): TaskReport | null {
    const previous = this.cancelTask();
    this.task = { ...fields, state: 'active', aligning: false, blockedSince: null };
    if (fields.kind === 'velocity') {
      this.drive(0, now);
    }
    return previous;
  }

  private report(): TaskReport | null {
    return this.task ? { id: this.task.id, state: this.task.state } : null;
  }

  private halt(state: TaskState): void {
    this.linear = 0;
    this.angular = 0;
    if (this.task && !isTaskFinished(this.task.state)) this.task.state = state;
  }

  private finish(state: TaskState): void {
    this.halt(state);
    if (state === 'succeeded' && this.task?.kind === 'dock') this.docked = true;
  }

  /** Sets linear/angular for this step from the task. */
  private drive(dt: number, now: number): void {
    const task = this.task;
    if (!task || task.state !== 'active') {
      this.linear = 0;
      this.angular = 0;
      return;
    }
    if (task.kind === 'velocity') {
      if (now >= task.endsAt) return this.finish('succeeded');
      if (this.obstacle && task.linear > 0) return this.finish('blocked');
      this.linear = task.linear;
      this.angular = task.angular;
      return;
    }
    const target = task.target!;
    const distance = distanceBetween(this.pose, target);
    if (!task.aligning && distance <= POSITION_TOLERANCE_M) task.aligning = true;
    if (task.aligning) {
      const error = normalizeHeading(target.heading - this.pose.heading);
      if (Math.abs(error) <= HEADING_TOLERANCE_DEG) return this.finish('succeeded');
      this.linear = 0;
      this.angular = turnRate(error, this.options.maxAngularSpeed, dt);
      return;
    }
    const bearing = (Math.atan2(target.y - this.pose.y, target.x - this.pose.x) * 180) / Math.PI;
    const error = normalizeHeading(bearing - this.pose.heading);
    this.angular = turnRate(error, this.options.maxAngularSpeed, dt);
    const wanted = Math.abs(error) > TURN_IN_PLACE_DEG ? 0 : Math.min(task.maxSpeed, dt > 0 ? distance / dt : task.maxSpeed) * Math.cos((error * Math.PI) / 180);
    if (this.obstacle && wanted > 0) {
      this.linear = 0;
      this.angular = 0;
      task.blockedSince ??= now;
      if (now - task.blockedSince >= this.options.obstacleGiveUpMs) this.finish('blocked');
      return;
    }
    task.blockedSince = null;
    this.linear = wanted;
  }
}

/** Turn toward the error as fast as allowed, without overshooting it within one step. */
function turnRate(errorDeg: number, maxRate: number, dt: number): number {
  const rate = dt > 0 ? errorDeg / dt : errorDeg;
  return Math.max(-maxRate, Math.min(maxRate, rate));
}

function approach(value: number, target: number, maxStep: number): number {
  return Math.abs(target - value) <= maxStep ? target : value + Math.sign(target - value) * maxStep;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
