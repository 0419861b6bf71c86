/** Anchor layout of an SSD-style detector (Ultra-Light-Fast-Generic-Face-Detector RFB-320 for fr_detect). */
export interface PriorConfig {
  /** Anchor sizes in input pixels, one list per feature map. */
  minSizes: number[][];
  /** Stride in input pixels of each feature map. */
  steps: number[];
}

export const RFB320_PRIORS: PriorConfig = {
  minSizes: [
    [10, 16, 24],
    [32, 48],
    [64, 96],
    [128, 192, 256],
  ],
  steps: [8, 16, 32, 64],
};

/**
 * Prior boxes (centre x, centre y, width, height; all relative to the input size) in the order the network
 * emits them: feature map by feature map, rows top to bottom, columns left to right, anchor sizes innermost.
 * fr_detect at 320×240 has 4420 of them.
 */
export function detectorPriors(inputWidth: number, inputHeight: number, config: PriorConfig = RFB320_PRIORS): Float32Array {
  const out: number[] = [];
  config.steps.forEach((step, k) => {
    const cols = Math.ceil(inputWidth / step);
    const rows = Math.ceil(inputHeight / step);
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < cols; col++) {
        for (const size of config.minSizes[k] ?? []) {
          out.push(((col + 0.5) * step) / inputWidth, ((row + 0.5) * step) / inputHeight, size / inputWidth, size / inputHeight);
        }
      }
    }
  });
  return Float32Array.from(out);
}
