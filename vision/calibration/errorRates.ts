/**
 * Error rates of a score threshold (a pair matches when its score ≥ threshold):
 * FAR = share of impostor pairs accepted, FRR = share of genuine pairs rejected, TAR = 1 − FRR.
 */
export interface ErrorRates {
  threshold: number;
  far: number;
  frr: number;
  tar: number;
  /** Impostor pairs accepted and genuine pairs rejected, as counts. */
  falseAccepts: number;
  falseRejects: number;
}

export function errorRatesAt(genuine: readonly number[], impostor: readonly number[], threshold: number): ErrorRates {
  const falseAccepts = impostor.filter((s) => s >= threshold).length;
  const falseRejects = genuine.filter((s) => s < threshold).length;
  const far = impostor.length === 0 ? 0 : falseAccepts / impostor.length;
  const frr = genuine.length === 0 ? 0 : falseRejects / genuine.length;
  return { threshold, far, frr, tar: 1 - frr, falseAccepts, falseRejects };
}

/**
 * Equal error rate: at the threshold where FAR and FRR are closest, their mean (the usual reading on a step
 * curve), with that threshold. One sweep over the sorted scores (tens of thousands of pairs).
 */
export function equalErrorRate(genuine: readonly number[], impostor: readonly number[]): { eer: number; threshold: number } {
  const g = [...genuine].sort((a, b) => a - b);
  const im = [...impostor].sort((a, b) => a - b);
  const candidates = [...new Set([...g, ...im])].sort((a, b) => a - b);
  candidates.push((candidates[candidates.length - 1] ?? 0) + 1e-6);
  let best = { gap: Infinity, eer: 1, threshold: 0 };
  let rejected = 0; // genuine scores below the threshold
  let belowImpostors = 0; // impostor scores below the threshold
  for (const t of candidates) {
    while (rejected < g.length && g[rejected]! < t) rejected++;
    while (belowImpostors < im.length && im[belowImpostors]! < t) belowImpostors++;
    const frr = g.length === 0 ? 0 : rejected / g.length;
    const far = im.length === 0 ? 0 : (im.length - belowImpostors) / im.length;
    const gap = Math.abs(far - frr);
    if (gap < best.gap) best = { gap, eer: (far + frr) / 2, threshold: t };
  }
  return { eer: best.eer, threshold: best.threshold };
}

/**
 * The lowest threshold whose FAR is at most `far`, and the TAR it gives. With N impostor pairs, FAR below 1/N
 * cannot be observed: the threshold then only clears the highest impostor score (say so when you report it).
 */
export function tarAtFar(genuine: readonly number[], impostor: readonly number[], far: number): ErrorRates {
  const sorted = [...impostor].sort((a, b) => b - a);
  const allowed = Math.floor(far * sorted.length + 1e-9);
  // Accept no more than `allowed` impostors: the threshold sits just above the next impostor score.
  const threshold = allowed < sorted.length ? nextAbove(sorted[allowed]!) : -Infinity;
  return errorRatesAt(genuine, impostor, threshold);
}

function nextAbove(x: number): number {
  return x + Math.max(1e-9, Math.abs(x) * 1e-9);
}

export interface ThresholdChoice extends ErrorRates {
  /** Whether the target FAR was met with at least the wanted TAR. */
  meetsTarget: boolean;
  /** The FAR the data can resolve: 1 / number of impostor pairs. */
  farResolution: number;
}

/** The threshold for a target FAR (the lowest meeting it, so TAR is as high as it can be), checked against a wanted TAR. */
export function chooseThreshold(genuine: readonly number[], impostor: readonly number[], target: { far: number; minTar: number }): ThresholdChoice {
  const at = tarAtFar(genuine, impostor, target.far);
  return { ...at, meetsTarget: at.far <= target.far && at.tar >= target.minTar, farResolution: impostor.length === 0 ? 1 : 1 / impostor.length };
}
