import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { speakerFault, speakerRestored, type AudioSink, type SpeakerStatusEvent } from './audioSink.js';
import { float32ToS16le } from './float32ToS16le.js';
import { PacedPlayback, type PacingOptions } from './pacedPlayback.js';
import { aplayCommand, type PlayerCommand } from './playerCommand.js';

export interface SpawnAudioSinkOptions extends PacingOptions {
  /** Default: aplay on the default ALSA device. */
  player?: PlayerCommand;
  /** Keep the player open this long after the last audio, so the next sentence does not pay a process start. */
  idleCloseMs?: number;
  /** How long a stopped player may take to exit after SIGTERM before it gets SIGKILL. */
  killGraceMs?: number;
}

type Player = ChildProcessByStdio<Writable, null, Readable>;

interface RunningPlayer {
  process: Player;
  sampleRate: number;
  /** Set when we end or kill it ourselves, so its exit is not a fault. */
  retiring: boolean;
  exited: Promise<void>;
  stderr: string;
}

/**
 * Plays through an external player process (aplay or paplay), written in 20 ms chunks paced in real time.
 * A stop kills the player — the pipe and the sound card buffer go with it — so the speaker is silent within
 * about one event-loop turn plus the process exit, whatever the lead. A missing player, a player that dies or
 * a broken pipe becomes an audio.fault (device 'speaker'), once per run of failures, and never an exception;
 * the first clean playback after it raises audio.restored.
 */
export function createSpawnAudioSink(options: SpawnAudioSinkOptions = {}): AudioSink {
  const player = options.player ?? aplayCommand();
  const idleCloseMs = options.idleCloseMs ?? 1_000;
  const killGraceMs = options.killGraceMs ?? 100;
  const statusListeners = new Set<(event: SpeakerStatusEvent) => void>();
  const now = options.now ?? (() => performance.now());
  let current: RunningPlayer | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let faultReported = false;

  const reportFault = (reason: string) => {
    if (!faultReported) {
      faultReported = true;
      const fault = speakerFault(reason);
      for (const listener of statusListeners) listener(fault);
    }
    void playback.drop('fault');
  };

  const start = (sampleRate: number): RunningPlayer | undefined => {
    let process: Player;
    try {
      process = spawn(player.command, player.args(sampleRate), { stdio: ['pipe', 'ignore', 'pipe'] });
    } catch (error) {
      reportFault(`${player.command} could not start: ${(error as Error).message}`);
      return undefined;
    }
    let markExited: () => void = () => undefined;
    const running: RunningPlayer = { process, sampleRate, retiring: false, exited: new Promise((r) => (markExited = r)), stderr: '' };
    process.stderr.on('data', (chunk: Buffer) => {
      running.stderr = (running.stderr + chunk.toString('utf8')).slice(-500);
    });
    process.stdin.on('error', () => undefined); // EPIPE: the exit handler below says why
    process.on('error', (error: NodeJS.ErrnoException) => {
      markExited();
      if (current === running) current = undefined;
      if (!running.retiring) {
        reportFault(error.code === 'ENOENT' ? `audio player not found: ${player.command}` : `audio player failed to start: ${error.message}`);
      }
    });
    process.on('close', (code, signal) => {
      markExited();
      if (current === running) current = undefined;
      if (!running.retiring) {
        const why = running.stderr.trim() || (signal ? `killed by ${signal}` : `exit code ${code}`);
        reportFault(`audio player ${player.command} stopped unexpectedly: ${why}`);
      }
    });
    return running;
  };

  const retire = (running: RunningPlayer, how: 'drain' | 'kill'): Promise<void> => {
    running.retiring = true;
    if (how === 'drain') {
      running.process.stdin.end();
      return running.exited;
    }
    running.process.kill('SIGTERM');
    const forceKill = setTimeout(() => running.process.kill('SIGKILL'), killGraceMs);
    return running.exited.finally(() => clearTimeout(forceKill));
  };

  const playback = new PacedPlayback(
    {
      write(samples, sampleRate) {
        if (idleTimer !== undefined) clearTimeout(idleTimer);
        idleTimer = undefined;
        if (current && current.sampleRate !== sampleRate) {
          void retire(current, 'drain');
          current = undefined;
        }
        current ??= start(sampleRate);
        current?.process.stdin.write(float32ToS16le(samples));
      },
      idle() {
        if (faultReported) {
          // A clean run after a failure: the speaker works again, and the next failure is news again.
          faultReported = false;
          const restored = speakerRestored(now());
          for (const listener of statusListeners) listener(restored);
        }
        if (idleTimer !== undefined) clearTimeout(idleTimer);
        idleTimer = setTimeout(() => {
          idleTimer = undefined;
          if (current) void retire(current, 'drain');
          current = undefined;
        }, idleCloseMs);
      },
      async silence() {
        if (idleTimer !== undefined) clearTimeout(idleTimer);
        idleTimer = undefined;
        const running = current;
        current = undefined;
        if (running) await retire(running, 'kill');
      },
    },
    { leadMs: 120, ...options, now },
  );

  return {
    play: (audio, playOptions) => playback.enqueue(audio, playOptions),
    stop: () => playback.drop('stopped'),
    isPlaying: () => playback.isPlaying(),
    outputLevel: () => playback.outputLevel(),
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    async close() {
      await playback.drop('stopped');
    },
  };
}
