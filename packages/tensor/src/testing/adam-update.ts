import { tensor } from '../convert';
import { add, div, mul, sqrt, square, sub } from '../ops/elementwise';
import { adamUpdate } from '../ops/nn/adam-update';
import { tidy } from '../memory';

/**
 * Runs one Adam step on the active backend twice, by adamUpdate (a backend's fused kernel where it
 * has one) and by the separate ops in the same order, over 1,027 values (SIMD groups and a
 * remainder) with zero, tiny and huge gradients among them: a fused kernel must give the same bits.
 */
export function adamUpdateAgainstOps(): { fused: Float32Array[]; ops: Float32Array[] } {
  const n = 1027;
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const special = [0, 1e-30, -1e-30, 1e30, -3e19, 1e-7];
  const values = (scale: number, positive = false) =>
    Array.from({ length: n }, () => (positive ? Math.abs(next()) : next()) * scale);
  const g = values(0.1).map((x, i) => (i % 37 === 0 ? special[(i / 37) % special.length] : x));
  const [w, m, v] = [values(1), values(0.05), values(0.01, true)];
  const attrs = { alpha: 0.0031, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };
  return tidy(() => {
    const t = [w, g, m, v].map((a) => tensor(a, [n]));
    const [tw, tg, tm, tv] = t;
    const fused = adamUpdate(tw, tg, tm, tv, attrs);
    const m2 = add(tm, mul(sub(tg, tm), 1 - attrs.beta1));
    const v2 = add(tv, mul(sub(square(tg), tv), 1 - attrs.beta2));
    const w2 = sub(tw, div(mul(m2, attrs.alpha), add(sqrt(v2), attrs.epsilon)));
    return {
      fused: fused.map((x) => x.dataSync() as Float32Array),
      ops: [w2, m2, v2].map((x) => x.dataSync() as Float32Array),
    };
  });
}
