import { defineOp, runOpMulti } from '../../op';
import { opError, fmtShape } from '../../errors';
import type { Tensor } from '../../tensor';
import { composedMulti } from '../../kernels/scratch';

/**
 * The Strata-only kernel a backend may supply for adamUpdate: one pass over the four tensors (cpu and
 * wasm), where the composed form below runs twelve elementwise kernels, each a pass over memory.
 */
export const ADAM_UPDATE_KERNEL = 'StrataAdamUpdate';

/** The scalars of one Adam step: `alpha` is the learning rate with both bias corrections folded in. */
export interface AdamUpdateAttrs {
  alpha: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/**
 * One Adam step in Keras's form, on float32 tensors of one shape: `m' = m + (g - m)(1 - β1)`,
 * `v' = v + (g² - v)(1 - β2)`, `w' = w - α·m' / (√v' + ε)`; outputs [w', m', v']. A fused kernel must
 * give the same float32 values as this composition, operation for operation (adam-update.test.ts).
 */
export const adamUpdateOp = defineOp<AdamUpdateAttrs>({
  name: 'adamUpdate',
  infer: (inputs) => {
    const [w] = inputs;
    inputs.forEach((t, i) => {
      const name = ['w', 'g', 'm', 'v'][i];
      if (t.dtype !== 'float32')
        throw opError('adamUpdate', `${name} must be float32, received ${t.dtype}; cast it first`);
      if (t.shape.length !== w.shape.length || t.shape.some((d, j) => d !== w.shape[j]))
        throw opError(
          'adamUpdate',
          `w, g, m and v must have one shape, received w ${fmtShape(w.shape)} and ${name} ${fmtShape(t.shape)}`,
        );
    });
    return [0, 1, 2].map(() => ({ shape: w.shape, dtype: 'float32' as const }));
  },
  kernel: (ctx, [w, g, m, v], attrs) => {
    if (ctx.backend.hasKernel(ADAM_UPDATE_KERNEL))
      return ctx.runMulti(ADAM_UPDATE_KERNEL, { w, g, m, v }, { ...attrs });
    return composedMulti(ctx, (s) => {
      const scalar = (x: number) => s.write([x], [], 'float32');
      const m2 = s.run('Add', {
        a: m,
        b: s.run('Multiply', { a: s.run('Sub', { a: g, b: m }), b: scalar(1 - attrs.beta1) }),
      });
      const g2 = s.run('Square', { x: g });
      const v2 = s.run('Add', {
        a: v,
        b: s.run('Multiply', { a: s.run('Sub', { a: g2, b: v }), b: scalar(1 - attrs.beta2) }),
      });
      const denominator = s.run('Add', { a: s.run('Sqrt', { x: v2 }), b: scalar(attrs.epsilon) });
      const step = s.run('RealDiv', { a: s.run('Multiply', { a: m2, b: scalar(attrs.alpha) }), b: denominator });
      return [s.run('Sub', { a: w, b: step }), m2, v2];
    });
  },
});

/**
 * One Adam step (Keras's form) for weights `w`, gradient `g` and moments `m`, `v`: returns the new
 * [w, m, v]. The optimizer's fused update; `Adam` in @strata/training calls it.
 * @example
 * ```ts
 * const [w, m, v] = adamUpdate(tensor([1]), tensor([0.5]), zeros([1]), zeros([1]),
 *   { alpha: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
 * ```
 */
export function adamUpdate(
  w: Tensor,
  g: Tensor,
  m: Tensor,
  v: Tensor,
  attrs: AdamUpdateAttrs,
): [Tensor, Tensor, Tensor] {
  return runOpMulti(adamUpdateOp, [w, g, m, v], attrs) as [Tensor, Tensor, Tensor];
}
