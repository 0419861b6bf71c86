/**
 * Streaming sample-rate converter: a Kaiser-windowed sinc low-pass evaluated at the exact output instants
 * (polyphase table for rational ratios). Chosen over sherpa-onnx's LinearResampler, which is also a windowed
 * sinc but with a short filter: measured here it lets an 8.5 kHz tone through at -11 dB when going 48 kHz → 16 kHz
 * (aliasing into the speech band), where this one keeps it below -60 dB. The cost is about 200 multiply-adds per
 * output sample at 48 kHz input: a few milliseconds per second of audio.
 *
 * Output sample n sits at input time n·in/out, with no added delay: the filter waits for its look-ahead instead.
 */
export interface Resampler {
  readonly inputRate: number;
  readonly outputRate: number;
  process(input: Float32Array): Float32Array;
  /** Ends the stream: returns the last samples (the look-ahead filled with silence) and starts afresh. */
  flush(): Float32Array;
  reset(): void;
}

export interface ResamplerOptions {
  /** Zero crossings of the sinc on each side: longer is a sharper cut-off. */
  zeroCrossings?: number;
  /** Cut-off as a fraction of the lower Nyquist frequency (0.92 → 7.36 kHz for 16 kHz output). */
  rolloff?: number;
  /** Kaiser window shape: 8.6 gives about 80 dB stop-band. */
  kaiserBeta?: number;
}

const MAX_TABLE_ENTRIES = 4_000_000;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Zeroth-order modified Bessel function of the first kind, by its power series. */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 50; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
}

export function createResampler(inputRate: number, outputRate: number, options: ResamplerOptions = {}): Resampler {
  for (const [name, rate] of [['inputRate', inputRate], ['outputRate', outputRate]] as const) {
    if (!Number.isInteger(rate) || rate <= 0) throw new Error(`${name} must be a positive integer, not ${rate}`);
  }
  const zeroCrossings = options.zeroCrossings ?? 32;
  const rolloff = options.rolloff ?? 0.92;
  const beta = options.kaiserBeta ?? 8.6;
  const g = gcd(inputRate, outputRate);
  const up = outputRate / g; // L
  const down = inputRate / g; // M
  const identity = up === down;

  // Cut-off in cycles per input sample, and the filter's half-width in input samples.
  const cutoff = (rolloff * 0.5 * Math.min(inputRate, outputRate)) / inputRate;
  const halfWidth = zeroCrossings / (2 * cutoff);
  const reach = Math.ceil(halfWidth); // taps j = -reach+1 … reach around floor(t)
  const taps = 2 * reach;
  const i0Beta = besselI0(beta);

  function kernel(t: number): number {
    const x = t / halfWidth;
    if (x <= -1 || x >= 1) return 0;
    const sinc = t === 0 ? 1 : Math.sin(2 * Math.PI * cutoff * t) / (2 * Math.PI * cutoff * t);
    return 2 * cutoff * sinc * (besselI0(beta * Math.sqrt(1 - x * x)) / i0Beta);
  }

  // weights(phase)[i] multiplies input sample floor(t) - reach + 1 + i, for t = floor(t) + phase/up.
  function computeWeights(phase: number, into: Float32Array): Float32Array {
    const frac = phase / up;
    let sum = 0;
    for (let i = 0; i < taps; i++) {
      const w = kernel(frac - (i - reach + 1));
      into[i] = w;
      sum += w;
    }
    // Unit gain at DC for every phase, so a constant stays constant.
    for (let i = 0; i < taps; i++) into[i] = into[i]! / sum;
    return into;
  }
  const table = !identity && up * taps <= MAX_TABLE_ENTRIES ? Array.from({ length: up }, (_, p) => computeWeights(p, new Float32Array(taps))) : undefined;
  const scratch = new Float32Array(taps);

  let history = new Float32Array(0); // input samples from absolute index historyStart on
  let historyStart = 0;
  let totalIn = 0;
  let produced = 0;

  function sampleAt(index: number): number {
    if (index < 0 || index >= totalIn) return 0;
    return history[index - historyStart] ?? 0;
  }

  function run(flushing: boolean): Float32Array {
    const out: number[] = [];
    for (;;) {
      const position = produced * down; // input time × up
      const base = Math.floor(position / up);
      if (flushing ? position >= totalIn * up : base + reach >= totalIn) break;
      const phase = position - base * up;
      const weights = table ? table[phase]! : computeWeights(phase, scratch);
      const first = base - reach + 1;
      let acc = 0;
      if (first >= historyStart && base + reach < totalIn) {
        const offset = first - historyStart;
        for (let i = 0; i < taps; i++) acc += weights[i]! * history[offset + i]!;
      } else {
        for (let i = 0; i < taps; i++) acc += weights[i]! * sampleAt(first + i);
      }
      out.push(acc);
      produced++;
    }
    // Keep only what the next output still needs.
    const nextFirst = Math.floor((produced * down) / up) - reach + 1;
    if (nextFirst > historyStart) {
      history = history.slice(Math.min(history.length, nextFirst - historyStart));
      historyStart = Math.min(nextFirst, totalIn);
    }
    return Float32Array.from(out);
  }

  function reset(): void {
    history = new Float32Array(0);
    historyStart = 0;
    totalIn = 0;
    produced = 0;
  }

  return {
    inputRate,
    outputRate,
    process(input) {
      if (identity) return input.slice();
      const joined = new Float32Array(history.length + input.length);
      joined.set(history);
      joined.set(input, history.length);
      history = joined;
      totalIn += input.length;
      return run(false);
    },
    flush() {
      if (identity) return new Float32Array(0);
      const tail = run(true);
      reset();
      return tail;
    },
    reset,
  };
}

/** Resamples a whole signal in one go. */
export function resampleAll(samples: Float32Array, inputRate: number, outputRate: number): Float32Array {
  if (inputRate === outputRate) return samples.slice();
  const resampler = createResampler(inputRate, outputRate);
  const body = resampler.process(samples);
  const tail = resampler.flush();
  const out = new Float32Array(body.length + tail.length);
  out.set(body);
  out.set(tail, body.length);
  return out;
}
