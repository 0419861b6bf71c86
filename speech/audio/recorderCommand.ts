/** A program that records the microphone and writes raw signed 16-bit little-endian PCM to its stdout. */
export interface RecorderCommand {
  program: string;
  args: string[];
  /** What the program is told to record: the source resamples and mixes down from this if it is not 16 kHz mono. */
  sampleRate: number;
  channels: number;
}

export type RecorderName = 'arecord' | 'sox' | 'parec';

export interface RecorderSettings {
  sampleRate?: number;
  channels?: number;
  /** ALSA device for arecord (e.g. "plughw:1,0"), PulseAudio source for parec. sox reads its default device. */
  device?: string;
}

/**
 * The recorders the kiosk knows. arecord (alsa-utils) is the default on the kiosk's Debian image; sox and parec
 * (pulseaudio-utils) are there for machines where ALSA's default device is not the microphone.
 */
export function recorderCommand(name: RecorderName = 'arecord', settings: RecorderSettings = {}): RecorderCommand {
  const sampleRate = settings.sampleRate ?? 16_000;
  const channels = settings.channels ?? 1;
  const device = settings.device;
  switch (name) {
    case 'arecord':
      return { program: 'arecord', args: ['-q', '-f', 'S16_LE', '-r', String(sampleRate), '-c', String(channels), '-t', 'raw', ...(device ? ['-D', device] : [])], sampleRate, channels };
    case 'sox':
      return { program: 'sox', args: ['-q', '-d', '-t', 'raw', '-r', String(sampleRate), '-c', String(channels), '-b', '16', '-e', 'signed-integer', '-L', '-'], sampleRate, channels };
    case 'parec':
      return { program: 'parec', args: ['--raw', '--format=s16le', `--rate=${sampleRate}`, `--channels=${channels}`, '--latency-msec=20', ...(device ? [`--device=${device}`] : [])], sampleRate, channels };
  }
}
