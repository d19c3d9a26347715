// Test-only: transposed convolution written as plain loops, the reference for options tfjs-layers lacks.
import type { BaseConvTranspose } from './base-conv-transpose';

interface Data {
  values: number[];
  shape: number[];
}

/**
 * The transposed 2-D convolution of channels-last `x` [n, h, w, c] with `kernel` [kh, kw, f, c]
 * to spatial size `out`, read directly off its definition: input pixel (i, j) adds
 * x · kernel[a, b] at output (i·s + a·d - before, j·s + b·d - before), where `before` is the padding a
 * forward convolution from `out` back to the input would use (none for 'valid').
 */
export function transposedConvReference(
  x: Data,
  kernel: Data,
  bias: number[] | undefined,
  layer: Pick<BaseConvTranspose, 'strides' | 'dilationRate' | 'padding'>,
  out: number[],
): Data {
  const [n, h, w, c] = x.shape;
  const [kh, kw, f] = kernel.shape;
  const {
    strides: [sh, sw],
    dilationRate: [dh, dw],
    padding,
  } = layer;
  const before = (inSize: number, outSize: number, k: number, s: number, d: number) =>
    padding === 'valid' ? 0 : Math.floor(Math.max((inSize - 1) * s + (k - 1) * d + 1 - outSize, 0) / 2);
  const top = before(h, out[0], kh, sh, dh);
  const left = before(w, out[1], kw, sw, dw);
  const values = new Array<number>(n * out[0] * out[1] * f).fill(0);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++)
        for (let a = 0; a < kh; a++)
          for (let e = 0; e < kw; e++) {
            const r = i * sh + a * dh - top;
            const q = j * sw + e * dw - left;
            if (r < 0 || r >= out[0] || q < 0 || q >= out[1]) continue;
            for (let o = 0; o < f; o++)
              for (let k = 0; k < c; k++)
                values[((b * out[0] + r) * out[1] + q) * f + o] +=
                  x.values[((b * h + i) * w + j) * c + k] * kernel.values[((a * kw + e) * f + o) * c + k];
          }
  return { values: values.map((v, i) => v + (bias ? bias[i % f] : 0)), shape: [n, out[0], out[1], f] };
}
