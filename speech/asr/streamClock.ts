import { ENGINE_SAMPLE_RATE } from '../audio/audioFrame.js';

/**
 * Maps a recognizer stream's own time (seconds of audio fed to it) back to source time. They differ as soon as
 * the recognizer is fed only while someone speaks: each resumption after a gap is an anchor.
 */
export interface StreamClock {
  /** Notes `samples` fed now, taken from the source at `sourceMs`. */
  fed(sourceMs: number, samples: number): void;
  /** Source time of a point in the stream (seconds since the stream began). */
  toSourceMs(streamSeconds: number): number;
  /** Source time just after the last sample fed. */
  readonly nowMs: number;
  /** Samples fed so far. */
  readonly fedSamples: number;
}

export function createStreamClock(): StreamClock {
  let anchors: Array<{ streamIndex: number; sourceMs: number }> = [];
  let fedSamples = 0;
  const endOfFed = () => {
    const last = anchors[anchors.length - 1];
    return last ? last.sourceMs + ((fedSamples - last.streamIndex) * 1000) / ENGINE_SAMPLE_RATE : 0;
  };
  return {
    fed(sourceMs, samples) {
      // A new anchor when the source time does not follow on from what was fed (1 ms of slack for rounding).
      if (anchors.length === 0 || Math.abs(sourceMs - endOfFed()) > 1) {
        anchors.push({ streamIndex: fedSamples, sourceMs });
        if (anchors.length > 64) anchors = anchors.slice(-32);
      }
      fedSamples += samples;
    },
    toSourceMs(streamSeconds) {
      const index = streamSeconds * ENGINE_SAMPLE_RATE;
      let anchor = anchors[0];
      for (const candidate of anchors) if (candidate.streamIndex <= index) anchor = candidate;
      if (!anchor) return streamSeconds * 1000;
      return anchor.sourceMs + ((index - anchor.streamIndex) * 1000) / ENGINE_SAMPLE_RATE;
    },
    get nowMs() {
      return endOfFed();
    },
    get fedSamples() {
      return fedSamples;
    },
  };
}
