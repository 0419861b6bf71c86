// Motion tasks: goTo, velocity and dock run on the base until they end; at most one is active at a time and a new
// one (or STOP, or HELLO) ends the previous. Telemetry and acknowledgements report a task by id and state.

export type TaskKind = 'goTo' | 'velocity' | 'dock';

/** 'succeeded' is arrival for goTo/dock and the end of the duration for velocity. */
export type TaskState = 'idle' | 'active' | 'succeeded' | 'blocked' | 'cancelled' | 'e-stop' | 'bumper' | 'fault';

export const taskKindCodes: Record<TaskKind | 'none', number> = { none: 0, goTo: 1, velocity: 2, dock: 3 };
export const taskStateCodes: Record<TaskState, number> = {
  idle: 0,
  active: 1,
  succeeded: 2,
  blocked: 3,
  cancelled: 4,
  'e-stop': 5,
  bumper: 6,
  fault: 7,
};

export const taskKindFromCode = invert(taskKindCodes);
export const taskStateFromCode = invert(taskStateCodes);

export function isTaskFinished(state: TaskState): boolean {
  return state !== 'idle' && state !== 'active';
}

/** What a task looked like when a command replaced it (carried in the ACK of GO_TO, VELOCITY, DOCK, STOP, HELLO). */
export interface TaskReport {
  id: number;
  state: TaskState;
}

function invert<K extends string>(codes: Record<K, number>): Map<number, K> {
  return new Map(Object.entries(codes).map(([name, code]) => [code as number, name as K]));
}
