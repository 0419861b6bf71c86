/** How to start the external player that reads raw 16-bit little-endian mono PCM from stdin. */
export interface PlayerCommand {
  command: string;
  args(sampleRate: number): string[];
}

/** ALSA's aplay; `device` is an ALSA PCM name such as 'plughw:1,0' (default: the system default). */
export function aplayCommand(device?: string, command = 'aplay'): PlayerCommand {
  return {
    command,
    args: (sampleRate) => ['-q', '-t', 'raw', '-f', 'S16_LE', '-r', String(sampleRate), '-c', '1', ...(device ? ['-D', device] : []), '-'],
  };
}

/** PulseAudio / PipeWire's paplay, for desktops where ALSA's default device is taken by the sound server. */
export function paplayCommand(device?: string, command = 'paplay'): PlayerCommand {
  return {
    command,
    args: (sampleRate) => ['--raw', '--format=s16le', `--rate=${sampleRate}`, '--channels=1', ...(device ? [`--device=${device}`] : [])],
  };
}
