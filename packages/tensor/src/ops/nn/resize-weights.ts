/*
 * Resizing is separable and linear: out = A_h · image · A_wᵀ per channel, with A [newSize, oldSize]
 * holding each output pixel's interpolation weights. The gradient is then dx = A_hᵀ · dy · A_w.
 * The weights follow TensorFlow.js's cpu forward kernels, which match TensorFlow's.
 */

/** Where output pixel `i` samples the input, before rounding or interpolation. */
function sourceCoordinate(
  i: number,
  oldSize: number,
  newSize: number,
  alignCorners: boolean,
  halfPixelCenters: boolean,
  bilinear: boolean,
): number {
  const aligned = alignCorners && newSize > 1;
  const ratio = (aligned ? oldSize - 1 : oldSize) / (aligned ? newSize - 1 : newSize);
  if (!halfPixelCenters) return ratio * i;
  // Bilinear samples at pixel centres; nearest-neighbour only shifts its output pixel to the centre.
  return bilinear ? ratio * (i + 0.5) - 0.5 : ratio * (i + 0.5);
}

/** The transposed weights Aᵀ, [oldSize, newSize] row-major, of one spatial axis. */
export function resizeWeightsTransposed(
  oldSize: number,
  newSize: number,
  alignCorners: boolean,
  halfPixelCenters: boolean,
  bilinear: boolean,
): Float32Array {
  const at = new Float32Array(oldSize * newSize);
  for (let i = 0; i < newSize; i++) {
    const src = sourceCoordinate(i, oldSize, newSize, alignCorners, halfPixelCenters, bilinear);
    if (bilinear) {
      const low = Math.max(0, Math.floor(src));
      const high = Math.min(oldSize - 1, Math.ceil(src));
      const frac = src - low;
      at[low * newSize + i] += 1 - frac;
      at[high * newSize + i] += frac;
    } else {
      const nearest = Math.max(0, Math.min(oldSize - 1, alignCorners ? Math.round(src) : Math.floor(src)));
      at[nearest * newSize + i] += 1;
    }
  }
  return at;
}
