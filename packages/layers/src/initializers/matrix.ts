import { randomNormal, tensor, type DType, type Seed, type Tensor } from '@strata/tensor';
import { LayerError } from '../errors';
import { Initializer } from './initializer';
import type { SeedArgs } from './random';

/**
 * `gain` times the identity matrix (2-D shapes only). Exported as IdentityInitializer (Keras 3's
 * class name) so it does not clash with the Identity layer; it is saved as 'Identity', the name
 * TensorFlow.js and every Keras version read.
 *
 * @example
 * ```ts
 * new IdentityInitializer({ gain: 2 }).call([2, 3]); // [[2, 0, 0], [0, 2, 0]]
 * ```
 */
export class IdentityInitializer extends Initializer {
  static override className = 'Identity';
  /** The value on the diagonal. Default: 1. */
  readonly gain: number;
  constructor(args: { gain?: number } = {}) {
    super();
    this.gain = args.gain ?? 1;
  }
  call(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    if (shape.length !== 2) throw new LayerError(`Identity initializer: expected a 2-D shape, received [${shape}]`);
    const [rows, cols] = shape;
    const values = new Float32Array(rows * cols);
    for (let i = 0; i < Math.min(rows, cols); i++) values[i * cols + i] = this.gain;
    return tensor(values, shape, dtype);
  }
  override getConfig(): Record<string, unknown> {
    return { gain: this.gain };
  }
}

/**
 * A random orthogonal matrix (rows or columns orthonormal), as Keras: QR of a normal matrix with
 * the signs fixed by R's diagonal. The decomposition runs on the host: it happens once per weight.
 *
 * @example
 * ```ts
 * const lstm = new LSTM({ units: 32, recurrentInitializer: new Orthogonal({ seed: 1 }) }); // LSTM's default
 * ```
 */
export class Orthogonal extends Initializer {
  static override className = 'Orthogonal';
  /** The factor the orthogonal matrix is multiplied by. Default: 1. */
  readonly gain: number;
  /** The seed, or null for fresh values at each call. */
  readonly seed: Seed | null;
  constructor(args: { gain?: number } & SeedArgs = {}) {
    super();
    this.gain = args.gain ?? 1;
    this.seed = args.seed ?? null;
  }

  call(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    if (shape.length < 2)
      throw new LayerError(`Orthogonal initializer: expected a shape of rank 2 or more, received [${shape}]`);
    const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    const cols = shape[shape.length - 1];
    const [n, m] = [Math.max(rows, cols), Math.min(rows, cols)];
    const sample = randomNormal([n, m], { seed: this.seed ?? undefined });
    const a = Array.from(sample.dataSync(), Number);
    sample.dispose();
    const q = householderQ(a, n, m);
    const out = new Float32Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) out[i * cols + j] = this.gain * (rows >= cols ? q[i * m + j] : q[j * m + i]);
    }
    return tensor(out, shape, dtype);
  }

  override getConfig(): Record<string, unknown> {
    return { gain: this.gain, seed: this.seed };
  }
}

/** The n×m Q of a Householder QR of the row-major n×m matrix `a` (n ≥ m), columns signed so diag(R) > 0. */
function householderQ(a: number[], n: number, m: number): number[] {
  const r = a.slice();
  const vs: number[][] = [];
  for (let k = 0; k < m; k++) {
    let norm = 0;
    for (let i = k; i < n; i++) norm += r[i * m + k] ** 2;
    norm = Math.sqrt(norm);
    const alpha = r[k * m + k] > 0 ? -norm : norm;
    const v = new Array<number>(n).fill(0);
    for (let i = k; i < n; i++) v[i] = r[i * m + k];
    v[k] -= alpha;
    const vnorm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
    for (let i = k; i < n; i++) v[i] /= vnorm;
    vs.push(v);
    for (let j = 0; j < m; j++) {
      let dot = 0;
      for (let i = k; i < n; i++) dot += v[i] * r[i * m + j];
      for (let i = k; i < n; i++) r[i * m + j] -= 2 * v[i] * dot;
    }
  }
  // Q = H_0 H_1 ... H_{m-1} applied to the first m columns of the identity.
  const q = new Array<number>(n * m).fill(0);
  for (let j = 0; j < m; j++) q[j * m + j] = 1;
  for (let k = m - 1; k >= 0; k--) {
    const v = vs[k];
    for (let j = 0; j < m; j++) {
      let dot = 0;
      for (let i = k; i < n; i++) dot += v[i] * q[i * m + j];
      for (let i = k; i < n; i++) q[i * m + j] -= 2 * v[i] * dot;
    }
  }
  for (let j = 0; j < m; j++) {
    if (r[j * m + j] < 0) for (let i = 0; i < n; i++) q[i * m + j] = -q[i * m + j];
  }
  return q;
}
