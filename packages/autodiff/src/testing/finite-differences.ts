import { tensor, tidy, type DType, type Tensor } from '@strata/tensor';

/**
 * Central differences of L(x) = sum(w * f(x)) with respect to input `k`, one element at a time:
 * f is evaluated by Strata at x ± h (float32, on the active backend), the values are read back and
 * L and the difference are computed in float64 on the host.
 */
export async function finiteDifferences(
  f: (...xs: Tensor[]) => Tensor,
  values: readonly number[][],
  shapes: readonly (readonly number[])[],
  dtypes: readonly DType[],
  weights: Float64Array,
  k: number,
  h: number,
): Promise<Float64Array> {
  const weighted = async (input: number[]): Promise<number> => {
    const xs = values.map((v, i) => tensor(i === k ? input : v, shapes[i], dtypes[i]));
    const out = tidy(() => f(...xs));
    const y = await out.data();
    for (const t of [out, ...xs]) t.dispose();
    let total = 0;
    for (let i = 0; i < y.length; i++) total += weights[i] * y[i];
    return total;
  };
  const x = [...values[k]];
  const out = new Float64Array(x.length);
  for (let j = 0; j < x.length; j++) {
    const original = x[j];
    // The step actually taken is the float32 difference of the two points, not exactly 2h.
    const plus = Math.fround(original + h);
    const minus = Math.fround(original - h);
    x[j] = plus;
    const up = await weighted(x);
    x[j] = minus;
    const down = await weighted(x);
    x[j] = original;
    out[j] = (up - down) / (plus - minus);
  }
  return out;
}
