// Helpers for this package's tests (not exported from the package).
import { dispose, tidy, type Tensor } from '@strata/tensor';
import type { Layer } from '@strata/layers';
import type { Model } from '@strata/models';

/** Gives `to` the weights of `from` (same architecture), in `weights` order. */
export function copyWeights(from: Layer, to: Layer): void {
  const values = from.getWeights();
  try {
    to.setWeights(values);
  } finally {
    dispose(values);
  }
}

/** Expects two models to predict the same values (within `tol`) on the same inputs. */
export async function expectSamePredictions(a: Model, b: Model, inputs: Tensor | Tensor[], tol = 1e-6): Promise<void> {
  const [ya, yb] = [tidy(() => a.predict(inputs)), tidy(() => b.predict(inputs))];
  const la = (Array.isArray(ya) ? ya : [ya]) as Tensor[];
  const lb = (Array.isArray(yb) ? yb : [yb]) as Tensor[];
  try {
    expect(lb.length).toBe(la.length);
    for (let i = 0; i < la.length; i++) {
      expect([...lb[i].shape]).toEqual([...la[i].shape]);
      const [da, db] = [await la[i].data(), await lb[i].data()];
      for (let k = 0; k < da.length; k++) {
        if (Math.abs(Number(da[k]) - Number(db[k])) > tol * Math.max(1, Math.abs(Number(da[k])))) {
          throw new Error(`output ${i}, element ${k}: ${db[k]} where ${da[k]} was expected`);
        }
      }
    }
  } finally {
    dispose([...la, ...lb]);
  }
}
