import { opError, fmtShape } from '../../errors';
import { defineOp, runOp } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import { withTemps } from './args';
import { runAxiswise } from './axiswise';
import { composed } from '../../kernels/scratch';
import { reshapeInfo } from './kernel-utils';

/** constant: fill with constantValue; reflect: mirror without the edge (abc → cb|abc|ba); symmetric: with it (ba|abc|cb). */
export type PadMode = 'constant' | 'reflect' | 'symmetric';

/** The attributes of {@link pad}. */
export interface PadAttrs {
  /** [before, after] for each axis. */
  paddings: [number, number][];
  /** How the border is filled. */
  mode: PadMode;
  /** The fill of 'constant' mode. */
  constantValue: number;
}

/** The op of {@link pad}: its shape rule and kernel, the key of its gradient rule. */
export const padOp = defineOp<PadAttrs>({
  name: 'pad',
  infer: ([x], { paddings, mode }) => {
    if (paddings.length !== x.shape.length) {
      throw opError(
        'pad',
        `paddings must have one [before, after] pair per axis of x (shape ${fmtShape(x.shape)}), received ${paddings.length} pairs`,
      );
    }
    if (mode !== 'constant') {
      // A mirror can repeat at most the axis itself (symmetric) or the axis without its edge (reflect).
      const slack = mode === 'reflect' ? 1 : 0;
      paddings.forEach(([before, after], i) => {
        const d = x.shape[i];
        const limit = d === null ? Infinity : d - slack;
        if ((before > 0 || after > 0) && (before > limit || after > limit)) {
          throw opError(
            'pad',
            `${mode} padding of axis ${i} must be at most ${limit} (the axis has size ${d}${slack ? ', less its edge' : ''}), received [${before},${after}] for x of shape ${fmtShape(x.shape)}`,
          );
        }
      });
    }
    return { shape: x.shape.map((d, i) => (d === null ? null : d + paddings[i][0] + paddings[i][1])), dtype: x.dtype };
  },
  // An empty x (constant mode) pads to a tensor of nothing but the constant.
  empty: (_inputs, { constantValue }) => [constantValue],
  kernel: (ctx, [x], { paddings, mode, constantValue }, [out]) => {
    const touched = paddings.map(([b, a]) => b !== 0 || a !== 0);
    if (!touched.includes(true)) return reshapeInfo(ctx, x, out.shape);
    return composed(ctx, (s) =>
      runAxiswise(s, x, touched, out.shape, (view, axes) => {
        const viewPaddings = axes.map((a) => (a < 0 ? [0, 0] : paddings[a]));
        return mode === 'constant'
          ? s.run('PadV2', { x: view }, { paddings: viewPaddings, constantValue })
          : s.run('MirrorPad', { x: view }, { paddings: viewPaddings, mode });
      }),
    );
  },
});

/** Options of {@link pad}. */
export interface PadOptions {
  /**
   * 'constant' fills with `constantValue`; 'reflect' mirrors without the edge, 'symmetric' with it (NumPy's names).
   * Default: 'constant'.
   */
  mode?: PadMode;
  /** The fill of constant mode (default 0); an integer for int32 x, a boolean or 0/1 for bool x. */
  constantValue?: number | boolean;
}

function checkConstant(value: number | boolean, dtype: string): number {
  const v = typeof value === 'boolean' ? Number(value) : value;
  const ok =
    typeof v === 'number' && (dtype === 'float32' || (dtype === 'int32' ? Number.isInteger(v) : v === 0 || v === 1));
  if (!ok)
    throw opError(
      'pad',
      `constantValue must be ${dtype === 'int32' ? 'an integer' : dtype === 'bool' ? 'a boolean (or 0/1)' : 'a number'} to pad a ${dtype} tensor, received ${JSON.stringify(value)}`,
    );
  return v;
}

/**
 * Adds paddings[i] = [before, after] elements around each axis i, by `mode` (default constant 0).
 * @example
 * ```ts
 * pad(tensor([1, 2]), [[1, 2]]); // [0, 1, 2, 0, 0]
 * ```
 */
export function pad(x: OpInput, paddings: readonly (readonly number[])[], options: PadOptions = {}): Tensor {
  return withTemps((temps) => {
    const t = toTensor(x, 'pad', 'x', temps);
    const mode = options.mode ?? 'constant';
    if (mode !== 'constant' && mode !== 'reflect' && mode !== 'symmetric') {
      throw opError('pad', `mode must be 'constant', 'reflect' or 'symmetric', received ${JSON.stringify(mode)}`);
    }
    const pairs =
      Array.isArray(paddings) &&
      paddings.every((p) => Array.isArray(p) && p.length === 2 && p.every((v) => Number.isInteger(v) && v >= 0));
    if (!pairs)
      throw opError(
        'pad',
        `paddings must be a list of [before, after] pairs of non-negative integers, received ${JSON.stringify(paddings)}`,
      );
    const constantValue = checkConstant(options.constantValue ?? 0, t.dtype);
    return runOp(
      padOp,
      [t],
      { paddings: paddings.map((p) => [p[0], p[1]] as [number, number]), mode, constantValue },
      temps,
    );
  });
}
