/**
 * An event as the diagnostics log shows it in clear: its type and shape, never what the citizen typed or said, an
 * ID number, a frame, or a line the robot said (those exist only sealed). Unknown events keep only their type.
 */
export function describeEvent(event: { type: string } & Record<string, unknown>): Record<string, unknown> {
  switch (event.type) {
    case 'citizen.resolved':
      return { chars: typeof event.text === 'string' ? [...event.text.trim()].length : 0, service: (event.route as { service?: unknown } | undefined)?.service ?? null };
    case 'citizen.text':
    case 'citizen.tapQuestion':
    case 'voice.final':
    case 'voice.partial':
    case 'robot.say':
    case 'speak':
      return { chars: typeof event.text === 'string' ? [...event.text.trim()].length : typeof event.line === 'string' ? [...event.line].length : 0, ...(event.listen ? { listen: event.listen } : {}) };
    case 'voice.command':
      return { command: event.command };
    case 'outbox.settledLate':
      return { kind: event.kind, outcome: event.outcome };
    case 'citizen.tapService':
      return { service: event.service };
    case 'auth.frame':
      return { seq: (event.frame as { seq?: unknown } | undefined)?.seq ?? null };
    case 'robot.estop':
    case 'robot.bumper':
      return { pressed: event.pressed };
    case 'robot.batteryLow':
    case 'robot.batteryOk':
      return { percent: event.percent };
    case 'robot.linkLost':
    case 'microphone.fault':
    case 'camera.lost':
    case 'staff.alert':
    case 'visit.ended':
      return { reason: event.reason };
    case 'robot.motionFailed':
      return { outcome: event.outcome };
    // A card on the reader: that it was read, whether its photo could be decoded, whether it is past its validity;
    // never the number, the name or the photo (the entry keeps no payload either: visitLog.ts).
    case 'idcard.read':
      return { photoDecoded: event.photo instanceof Uint8Array, expired: event.expired === true };
    case 'idcard.fault':
      return { kind: event.kind };
    case 'printer.paused':
      return { job: event.jobId, reason: event.reason };
    case 'printer.resumed':
    case 'printer.paperNearEnd':
    case 'printer.jobDone':
    case 'printer.jobFailed':
    case 'printer.jobUnconfirmed':
    case 'print.started':
      return { job: event.jobId };
    default:
      return describeActorResult(event);
  }
}

/** What an actor's completion says in clear: the outcome of a service, the mode of an answer, never text. */
function describeActorResult(event: Record<string, unknown>): Record<string, unknown> {
  if (typeof event.type !== 'string' || !event.type.startsWith('xstate.')) return {};
  const output = event.output as Record<string, unknown> | undefined;
  if (event.type.startsWith('xstate.error.actor')) return { error: true };
  if (!output || typeof output !== 'object') return {};
  const detail: Record<string, unknown> = {};
  for (const key of ['outcome', 'result', 'mode', 'offerStaff', 'staffReason'] as const) if (key in output) detail[key] = output[key];
  if (Array.isArray(output.sources)) detail.sources = (output.sources as { id?: unknown }[]).map((s) => s.id ?? null);
  return detail;
}
