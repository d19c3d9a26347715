import { upcast, type DType } from '../../dtype';
import { fmtShape, opError } from '../../errors';
import { broadcastShapes } from '../../shape';
import { defineOp, runOp, type KernelContext, type OpDef, type TensorSpec } from '../../op';
import { composed, type Scratch } from '../../kernels/scratch';
import { toTensor, type OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import type { TensorInfo } from '../../backend';

/**
 * The dtype an elementwise op computes in, from its inputs' promoted dtype:
 * 'numeric' (bool becomes int32), 'float' (ints and bools become float32), 'any' (unchanged),
 * 'bool' (only bool accepted).
 */
export type ComputeType = 'numeric' | 'float' | 'any' | 'bool';
/** What the op returns: the compute dtype, or bool (comparisons, isNaN, ...). */
export type ResultType = 'same' | 'bool';

/** The dtype `compute` turns `dtype` into (bool-only ops are checked per argument by `checkBool`). */
export function computeDtype(dtype: DType, compute: ComputeType): DType {
  switch (compute) {
    case 'numeric':
      return dtype === 'bool' ? 'int32' : dtype;
    case 'float':
      return 'float32';
    case 'any':
    case 'bool':
      return dtype;
  }
}

/** Throws unless every named input is bool: logical ops do not guess what truth a number has. */
export function checkBool(op: string, inputs: readonly TensorSpec[], names: readonly string[]): void {
  inputs.forEach((x, i) => {
    if (x.dtype !== 'bool') {
      throw opError(
        op,
        `${names[i]} must be bool, received ${x.dtype} (${names[i]}.shape=${fmtShape(x.shape)}); compare first (e.g. greater(x, 0)) or cast(x, 'bool')`,
      );
    }
  });
}

/**
 * Computes an op from inputs already cast to its compute dtype, where one kernel call is not enough;
 * what it runs through the scratch is freed after (see `composed`).
 */
export type ComposeFn = (s: Scratch, inputs: TensorInfo[], attrs: Record<string, unknown>) => TensorInfo;

/** How an elementwise op is defined: the dtypes it computes in and returns, and its kernel. */
export interface ElementwiseOptions {
  /** The dtype family the op computes in. Default: 'numeric' (bool promoted to int32). */
  compute?: ComputeType;
  /** Whether it returns the compute dtype or bool. Default: 'same'. */
  result?: ResultType;
  /** tfjs attrs for the kernel. */
  attrs?: Record<string, unknown>;
  /** Replaces the single kernel call (backend quirks, dtype-specific paths: see guards.ts). */
  compose?: ComposeFn;
}

/** Casts inputs to `dtype`, runs the kernel (or `compose`), and makes the result bool if asked. */
function runElementwise(
  ctx: KernelContext,
  kernelName: string,
  names: readonly string[],
  inputs: TensorInfo[],
  dtype: DType,
  options: ElementwiseOptions,
  attrs: Record<string, unknown>,
): TensorInfo {
  if (!options.compose && options.result !== 'bool' && inputs.every((x) => x.dtype === dtype)) {
    // The common case, kept allocation-light: per-op overhead is what small ops cost.
    const named: Record<string, TensorInfo> = {};
    for (let i = 0; i < names.length; i++) named[names[i]] = inputs[i];
    return ctx.run(kernelName, named, (options.attrs ? { ...options.attrs, ...attrs } : attrs) as never);
  }
  return composed(ctx, (s) => {
    const cast = inputs.map((x) => s.cast(x, dtype));
    const allAttrs = { ...options.attrs, ...attrs };
    const out = options.compose
      ? options.compose(s, cast, allAttrs)
      : s.run(kernelName, Object.fromEntries(names.map((n, i) => [n, cast[i]])), allAttrs as never);
    return options.result === 'bool' ? s.cast(out, 'bool') : out;
  });
}

/**
 * The definition of an elementwise op on one input.
 * @internal
 */
export function unaryDef(
  name: string,
  kernelName: string,
  options: ElementwiseOptions = {},
): OpDef<Record<string, unknown>> {
  const compute = options.compute ?? 'numeric';
  return defineOp<Record<string, unknown>>({
    name,
    infer: ([x]) => {
      if (compute === 'bool') checkBool(name, [x], ['x']);
      return { shape: x.shape, dtype: options.result === 'bool' ? 'bool' : computeDtype(x.dtype, compute) };
    },
    kernel: (ctx, [x], attrs) =>
      runElementwise(ctx, kernelName, ['x'], [x], computeDtype(x.dtype, compute), options, attrs),
  });
}

/**
 * The definition of a broadcasting elementwise op on two inputs.
 * @internal
 */
export function binaryDef(
  name: string,
  kernelName: string,
  options: ElementwiseOptions = {},
): OpDef<Record<string, unknown>> {
  const compute = options.compute ?? 'numeric';
  return defineOp<Record<string, unknown>>({
    name,
    infer: ([a, b]) => {
      if (compute === 'bool') checkBool(name, [a, b], ['a', 'b']);
      const dtype = computeDtype(upcast(a.dtype, b.dtype), compute);
      return { shape: broadcastShapes(name, a.shape, b.shape), dtype: options.result === 'bool' ? 'bool' : dtype };
    },
    kernel: (ctx, [a, b], attrs) =>
      runElementwise(
        ctx,
        kernelName,
        ['a', 'b'],
        [a, b],
        computeDtype(upcast(a.dtype, b.dtype), compute),
        options,
        attrs,
      ),
  });
}

/**
 * Calls a unary op on a tensor-like argument.
 * @internal
 */
export function callUnary(
  def: OpDef<Record<string, unknown>>,
  x: OpInput,
  attrs: Record<string, unknown> = {},
): Tensor {
  const temps: Tensor[] = [];
  return runOp(def, [toTensor(x, def.name, 'x', temps)], attrs, temps);
}

/** The dtype of an op argument that is already a tensor (symbolic or not), else undefined. */
export function dtypeOf(v: OpInput): DType | undefined {
  return typeof v === 'object' && v !== null && 'dtype' in v ? (v.dtype as DType) : undefined;
}

/**
 * Calls a binary op; a JS number takes the dtype of the tensor it meets (see toTensor).
 * @internal
 */
export function callBinary(def: OpDef<Record<string, unknown>>, a: OpInput, b: OpInput): Tensor {
  const temps: Tensor[] = [];
  const ta = toTensor(a, def.name, 'a', temps, dtypeOf(b));
  const tb = toTensor(b, def.name, 'b', temps, dtypeOf(a));
  return runOp(def, [ta, tb], {}, temps);
}
