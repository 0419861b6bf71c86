/** Numbers in [0, 1), like Math.random. */
export type RandomSource = () => number;

/**
 * mulberry32: a small seeded generator, so simulated faults, demo data and fuzz inputs come out the same on every
 * machine and a failure can be replayed from its seed. Not for anything secret.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
