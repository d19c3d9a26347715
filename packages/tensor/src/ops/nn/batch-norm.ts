import { defineOp, runOp } from '../../op';
import type { OpInput } from '../../convert';
import { opError, fmtShape } from '../../errors';
import { broadcastShapes, type Shape } from '../../shape';
import type { Tensor } from '../../tensor';
import type { TensorInfo } from '../../backend';
import { composed, type Scratch } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** The attributes of {@link batchNorm}. */
export interface BatchNormAttrs {
  /** Added to the variance before its square root, to avoid dividing by zero. */
  varianceEpsilon: number;
  /** Which optional inputs follow x, mean and variance (in this order). */
  hasOffset: boolean;
  /** Whether a scale input follows the offset (or the variance, without one). */
  hasScale: boolean;
}

const OP = 'batchNorm';

function checkParam(x: Shape, name: string, p: Shape): void {
  const fits =
    p.length <= x.length && broadcastShapes(OP, x, p, ['x', name]).every((d, i) => d === x[i] || x[i] === null);
  if (!fits) {
    throw opError(
      OP,
      `${name}.shape=${fmtShape(p)} must broadcast to x.shape=${fmtShape(x)} without enlarging it (e.g. [channels] for channels-last x)`,
    );
  }
}

/**
 * TensorFlow.js's FusedBatchNorm kernels disagree on broadcasting (cpu and wasm repeat a parameter's
 * values cyclically, webgpu broadcasts), and agree only where a parameter covers x's trailing axes.
 */
function coversTrailingAxes(x: readonly number[], p: readonly number[]): boolean {
  let first = 0;
  while (first < p.length && p[first] === 1) first++;
  const core = p.slice(first);
  return core.every((d, i) => d === x[x.length - core.length + i]);
}

function fused(s: Scratch, x: TensorInfo, params: Record<string, TensorInfo>, varianceEpsilon: number): TensorInfo {
  const sameRank: Record<string, TensorInfo> = {};
  for (const [k, p] of Object.entries(params))
    sameRank[k] = s.reshape(p, [...Array(x.shape.length - p.shape.length).fill(1), ...p.shape]);
  return s.run('FusedBatchNorm', { x, ...sameRank }, { varianceEpsilon });
}

function elementwise(
  s: Scratch,
  x: TensorInfo,
  { mean, variance, offset, scale }: Record<string, TensorInfo>,
  varianceEpsilon: number,
): TensorInfo {
  const epsilon = s.write([varianceEpsilon], [], 'float32');
  let factor = s.run('Rsqrt', { x: s.run('Add', { a: variance, b: epsilon }) });
  if (scale) factor = s.run('Multiply', { a: factor, b: scale });
  const normalized = s.run('Multiply', { a: s.run('Sub', { a: x, b: mean }), b: factor });
  return offset ? s.run('Add', { a: normalized, b: offset }) : normalized;
}

/** The op of {@link batchNorm}: its shape rule and kernel, the key of its gradient rule. */
export const batchNormOp = defineOp<BatchNormAttrs>({
  name: OP,
  infer: ([x, ...params], { hasOffset, hasScale }) => {
    const names = ['mean', 'variance', ...(hasOffset ? ['offset'] : []), ...(hasScale ? ['scale'] : [])];
    params.forEach((p, i) => checkParam(x.shape, names[i], p.shape));
    return { shape: x.shape, dtype: 'float32' };
  },
  kernel: (ctx, [x, mean, variance, ...rest], { varianceEpsilon, hasOffset, hasScale }) =>
    composed(ctx, (s) => {
      const params: Record<string, TensorInfo> = {
        mean: s.cast(mean, 'float32'),
        variance: s.cast(variance, 'float32'),
      };
      if (hasOffset) params.offset = s.cast(rest[0], 'float32');
      if (hasScale) params.scale = s.cast(rest[hasOffset ? 1 : 0], 'float32');
      const xf = s.cast(x, 'float32');
      const canFuse = x.shape.length > 0 && Object.values(params).every((p) => coversTrailingAxes(x.shape, p.shape));
      return canFuse ? fused(s, xf, params, varianceEpsilon) : elementwise(s, xf, params, varianceEpsilon);
    }),
});

/**
 * Normalizes `x` with given statistics: (x - mean) / sqrt(variance + varianceEpsilon) * scale + offset.
 * The parameters broadcast against x (e.g. shape [channels] for channels-last x).
 * @example
 * ```ts
 * batchNorm(tensor([1, 3]), tensor([2]), tensor([1])); // [-0.9995, 0.9995]
 * ```
 */
export function batchNorm(
  x: OpInput,
  mean: OpInput,
  variance: OpInput,
  offset?: OpInput | null,
  scale?: OpInput | null,
  varianceEpsilon = 0.001,
): Tensor {
  if (typeof varianceEpsilon !== 'number' || !(varianceEpsilon >= 0)) {
    throw opError(OP, `varianceEpsilon must be a non-negative number, received ${JSON.stringify(varianceEpsilon)}`);
  }
  const args: [string, OpInput][] = [
    ['x', x],
    ['mean', mean],
    ['variance', variance],
  ];
  if (offset != null) args.push(['offset', offset]);
  if (scale != null) args.push(['scale', scale]);
  const { inputs, temps } = opInputs(OP, args);
  return runOp(batchNormOp, inputs, { varianceEpsilon, hasOffset: offset != null, hasScale: scale != null }, temps);
}
