import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { ENGINE_SAMPLE_RATE } from './audioFrame.js';
import { microphoneFault, type AudioSource, type AudioSourceEvent } from './audioSource.js';
import { createListenerSet } from './listenerSet.js';
import { createFrameSplitter } from './frameSplitter.js';
import { createPcm16Decoder } from './pcm16Decoder.js';
import { recorderCommand, type RecorderCommand } from './recorderCommand.js';
import { createResampler } from './resampler.js';

export interface MicrophoneSourceOptions {
  /** Default: arecord, 16 kHz mono. */
  recorder?: RecorderCommand;
  /** Length of the emitted frames. */
  frameMs?: number;
  /** A recorder that writes nothing for this long is taken as dead, killed and restarted. */
  stallTimeoutMs?: number;
  /** Restart delays: first, doubling up to the longest. */
  restartDelayMs?: { first: number; longest: number };
  /** A run that lasted this long resets the restart delay to its first value. */
  stableAfterMs?: number;
  /** Environment of the recorder (tests put a fake recorder first on its PATH). */
  env?: NodeJS.ProcessEnv;
}

export interface MicrophoneSource extends AudioSource {
  readonly kind: 'microphone';
  /** 'faulted' while the recorder is down and a restart is pending. */
  readonly state: 'stopped' | 'running' | 'faulted';
  /** Why the microphone last failed (kept for the diagnostics screen). */
  readonly lastFault: string | undefined;
}

type Recorder = ChildProcessByStdio<null, Readable, Readable>;

/**
 * The microphone, through a recorder program we spawn ourselves (node-record-lpcm16 emits string errors and
 * crashes when its child dies). A missing program, a non-zero exit, an unexpected end or a recorder that stops
 * writing becomes one `audio.fault` per outage, never an exception; the recorder is restarted with a growing delay,
 * and `audio.restored` follows when sound flows again.
 */
export function createMicrophoneSource(options: MicrophoneSourceOptions = {}): MicrophoneSource {
  const recorder = options.recorder ?? recorderCommand('arecord');
  const frameSamples = Math.round(((options.frameMs ?? 20) * ENGINE_SAMPLE_RATE) / 1000);
  const stallTimeoutMs = options.stallTimeoutMs ?? 2_000;
  const delays = options.restartDelayMs ?? { first: 500, longest: 10_000 };
  const stableAfterMs = options.stableAfterMs ?? 5_000;
  const listeners = createListenerSet<AudioSourceEvent>();
  const decoder = createPcm16Decoder(recorder.channels);
  const resampler = recorder.sampleRate === ENGINE_SAMPLE_RATE ? undefined : createResampler(recorder.sampleRate, ENGINE_SAMPLE_RATE);
  const splitter = createFrameSplitter(frameSamples);

  let state: MicrophoneSource['state'] = 'stopped';
  let lastFault: string | undefined;
  let child: Recorder | undefined;
  let startedAt = 0;
  let nextFrameMs = 0;
  let runHasData = false;
  let runStartedAt = 0;
  let lastDataAt = 0;
  let inOutage = false;
  let restartAttempts = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let stallTimer: NodeJS.Timeout | undefined;
  let stderrTail = '';

  const sinceStart = () => performance.now() - startedAt;

  function spawnRecorder(): void {
    runHasData = false;
    stderrTail = '';
    decoder.reset();
    resampler?.reset();
    splitter.reset();
    let proc: Recorder;
    try {
      proc = spawn(recorder.program, recorder.args, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
    } catch (error) {
      fail(undefined, `the recorder "${recorder.program}" could not start: ${(error as Error).message}`);
      return;
    }
    child = proc;
    runStartedAt = performance.now();
    lastDataAt = runStartedAt;
    proc.stdout.on('data', (chunk: Buffer) => onData(proc, chunk));
    proc.stderr.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-400);
    });
    proc.on('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'ENOENT'
          ? `the recorder program "${recorder.program}" was not found (is it installed and on PATH?)`
          : `the recorder "${recorder.program}" failed: ${error.message}`;
      fail(proc, reason);
    });
    proc.on('close', (code, signal) => {
      const detail = stderrTail.trim() ? `: ${stderrTail.trim().split('\n').slice(-2).join(' ')}` : '';
      const reason =
        code !== null && code !== 0
          ? `the recorder "${recorder.program}" exited with code ${code}${detail}`
          : signal
            ? `the recorder "${recorder.program}" was killed by ${signal}${detail}`
            : `the recorder "${recorder.program}" stopped unexpectedly${detail}`;
      fail(proc, reason);
    });
  }

  function onData(proc: Recorder, chunk: Buffer): void {
    if (proc !== child || state === 'stopped') return;
    const now = performance.now();
    lastDataAt = now;
    let samples = decoder.decode(chunk);
    if (resampler) samples = resampler.process(samples);
    if (!runHasData) {
      runHasData = true;
      // A new run starts at wall-clock time, so timestamps stay honest across an outage.
      nextFrameMs = Math.max(nextFrameMs, sinceStart() - (samples.length * 1000) / ENGINE_SAMPLE_RATE);
      if (inOutage) {
        inOutage = false;
        state = 'running';
        listeners.emit({ type: 'audio.restored', device: 'microphone', atMs: Math.round(nextFrameMs) });
      }
    }
    if (now - runStartedAt >= stableAfterMs) restartAttempts = 0;
    for (const frame of splitter.push(samples)) {
      listeners.emit({ type: 'audio.frame', frame: { samples: frame, startMs: nextFrameMs } });
      nextFrameMs += (frame.length * 1000) / ENGINE_SAMPLE_RATE;
    }
  }

  /** Handles one failure of one recorder run; `proc` undefined means the spawn itself threw. */
  function fail(proc: Recorder | undefined, reason: string): void {
    if (state === 'stopped') return;
    if (proc !== undefined && proc !== child) return; // a later event of a run already handled
    child = undefined;
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    lastFault = reason;
    state = 'faulted';
    if (!inOutage) {
      inOutage = true;
      listeners.emit(microphoneFault(reason));
    }
    const delay = Math.min(delays.longest, delays.first * 2 ** restartAttempts);
    restartAttempts++;
    clearTimeout(restartTimer);
    restartTimer = setTimeout(() => {
      if (state !== 'stopped') spawnRecorder();
    }, delay);
  }

  function checkStall(): void {
    if (state !== 'running' && state !== 'faulted') return;
    if (child && performance.now() - lastDataAt > stallTimeoutMs) {
      fail(child, `no sound from the recorder "${recorder.program}" for ${(stallTimeoutMs / 1000).toFixed(1)} s`);
    }
  }

  return {
    kind: 'microphone',
    get state() {
      return state;
    },
    get lastFault() {
      return lastFault;
    },
    subscribe: listeners.subscribe,
    start() {
      if (state !== 'stopped') return;
      state = 'running';
      startedAt = performance.now();
      nextFrameMs = 0;
      inOutage = false;
      restartAttempts = 0;
      stallTimer = setInterval(checkStall, Math.max(50, Math.min(500, stallTimeoutMs / 4)));
      spawnRecorder();
    },
    async stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      clearTimeout(restartTimer);
      clearInterval(stallTimer);
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => proc.kill('SIGKILL'), 1_000);
        proc.once('close', () => {
          clearTimeout(force);
          resolve();
        });
        proc.kill('SIGTERM');
      });
    },
  };
}
