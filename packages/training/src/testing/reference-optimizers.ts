// Plain-JS, float64 implementations of the published update rules, written from the papers' and
// Keras's formulas one element at a time: the oracle the optimizer tests check Strata against.
export type Ref = (w: number[], g: number[], t: number, lr: number, s: Record<string, number[]>) => number[];

const zip = (w: number[], f: (i: number) => number): number[] => w.map((_, i) => f(i));
const slot = (s: Record<string, number[]>, name: string, n: number, init = 0): number[] =>
  (s[name] ??= new Array(n).fill(init));

export const reference: Record<string, (o: Record<string, number>) => Ref> = {
  sgd:
    ({ momentum = 0, nesterov = 0 }) =>
    (w, g, _t, lr, s) => {
      if (!momentum) return zip(w, (i) => w[i] - lr * g[i]);
      const m = slot(s, 'm', w.length);
      return zip(w, (i) => {
        m[i] = momentum * m[i] - lr * g[i];
        return nesterov ? w[i] + momentum * m[i] - lr * g[i] : w[i] + m[i];
      });
    },
  adam:
    ({ beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7, amsgrad = 0 }) =>
    (w, g, t, lr, s) => {
      const m = slot(s, 'm', w.length),
        v = slot(s, 'v', w.length),
        vh = slot(s, 'vh', w.length);
      return zip(w, (i) => {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        vh[i] = Math.max(vh[i], v[i]);
        const mHat = m[i] / (1 - beta1 ** t);
        const vUsed = amsgrad ? vh[i] : v[i];
        // Keras folds the bias corrections into the step size, so ε is added to √v, not to √v̂.
        return w[i] - (lr * mHat * Math.sqrt(1 - beta2 ** t)) / (Math.sqrt(vUsed) + epsilon);
      });
    },
  adamax:
    ({ beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7 }) =>
    (w, g, t, lr, s) => {
      const m = slot(s, 'm', w.length),
        u = slot(s, 'u', w.length);
      return zip(w, (i) => {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        u[i] = Math.max(beta2 * u[i], Math.abs(g[i]));
        return w[i] - (lr / (1 - beta1 ** t)) * (m[i] / (u[i] + epsilon));
      });
    },
  nadam:
    ({ beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7 }) =>
    (w, g, t, lr, s) => {
      const m = slot(s, 'm', w.length),
        v = slot(s, 'v', w.length),
        prod = slot(s, 'prod', 1, 1);
      const mu = (k: number) => beta1 * (1 - 0.5 * 0.96 ** k);
      prod[0] *= mu(t);
      return zip(w, (i) => {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        const mHat = (mu(t + 1) * m[i]) / (1 - prod[0] * mu(t + 1)) + ((1 - mu(t)) * g[i]) / (1 - prod[0]);
        const vHat = v[i] / (1 - beta2 ** t);
        return w[i] - (lr * mHat) / (Math.sqrt(vHat) + epsilon);
      });
    },
  rmsprop:
    ({ rho = 0.9, momentum = 0, epsilon = 1e-7, centered = 0 }) =>
    (w, g, _t, lr, s) => {
      const v = slot(s, 'v', w.length),
        mom = slot(s, 'mom', w.length),
        mg = slot(s, 'mg', w.length);
      return zip(w, (i) => {
        v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
        mg[i] = rho * mg[i] + (1 - rho) * g[i];
        const denom = centered ? v[i] - mg[i] * mg[i] + epsilon : v[i] + epsilon;
        const inc = (lr * g[i]) / Math.sqrt(denom);
        if (momentum > 0) {
          mom[i] = momentum * mom[i] + inc;
          return w[i] - mom[i];
        }
        return w[i] - inc;
      });
    },
  adagrad:
    ({ initialAccumulatorValue = 0.1, epsilon = 1e-7 }) =>
    (w, g, _t, lr, s) => {
      const a = slot(s, 'a', w.length, initialAccumulatorValue);
      return zip(w, (i) => {
        a[i] += g[i] * g[i];
        return w[i] - (lr * g[i]) / Math.sqrt(a[i] + epsilon);
      });
    },
  adadelta:
    ({ rho = 0.95, epsilon = 1e-7 }) =>
    (w, g, _t, lr, s) => {
      const eg = slot(s, 'eg', w.length),
        ed = slot(s, 'ed', w.length);
      return zip(w, (i) => {
        eg[i] = rho * eg[i] + (1 - rho) * g[i] * g[i];
        const d = (-Math.sqrt(ed[i] + epsilon) / Math.sqrt(eg[i] + epsilon)) * g[i];
        ed[i] = rho * ed[i] + (1 - rho) * d * d;
        return w[i] + lr * d;
      });
    },
  lion:
    ({ beta1 = 0.9, beta2 = 0.99 }) =>
    (w, g, _t, lr, s) => {
      const m = slot(s, 'm', w.length);
      return zip(w, (i) => {
        const c = beta1 * m[i] + (1 - beta1) * g[i];
        m[i] = beta2 * m[i] + (1 - beta2) * g[i];
        return w[i] - lr * Math.sign(c);
      });
    },
};
