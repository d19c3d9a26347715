import { upcast, type DType } from '../../dtype';
import { opError } from '../../errors';
import { broadcastShapes } from '../../shape';
import { defineOp, runOp, type KernelContext, type OpDef } from '../../op';
import { toTensor, type OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import type { TensorInfo } from '../../backend';

/**
 * The dtype an elementwise op computes in, from its inputs' promoted dtype:
 * 'numeric' (bool becomes int32), 'float' (ints and bools become float32), 'any' (unchanged),
 * 'int' (only int32 accepted), 'bool' (only bool accepted).
 */
export type ComputeType = 'numeric' | 'float' | 'any' | 'bool';
/** What the op returns: the compute dtype, or bool (comparisons, isNaN, ...). */
export type ResultType = 'same' | 'bool';

function computeDtype(op: string, dtype: DType, compute: ComputeType): DType {
  switch (compute) {
    case 'numeric':
      return dtype === 'bool' ? 'int32' : dtype;
    case 'float':
      return 'float32';
    case 'any':
      return dtype;
    case 'bool':
      if (dtype !== 'bool') throw opError(op, `expects bool inputs, received ${dtype}; compare or cast(x, 'bool') first`);
      return 'bool';
  }
}

/** Casts a kernel input to `dtype` if it is not already; returns the input and whether to free it. */
export function castInfo(ctx: KernelContext, x: TensorInfo, dtype: DType): [TensorInfo, boolean] {
  if (x.dtype === dtype) return [x, false];
  return [ctx.run('Cast', { x }, { dtype }), true];
}

/** Runs `kernelName` on inputs cast to `dtype`, freeing the casts. */
export function runCast(ctx: KernelContext, kernelName: string, named: Record<string, TensorInfo>, dtype: DType, attrs: Record<string, unknown> = {}): TensorInfo {
  const cast: Record<string, TensorInfo> = {};
  const toFree: TensorInfo[] = [];
  for (const [k, v] of Object.entries(named)) {
    const [c, made] = castInfo(ctx, v, dtype);
    cast[k] = c;
    if (made) toFree.push(c);
  }
  const out = ctx.run(kernelName, cast, attrs as never);
  for (const f of toFree) ctx.free(f);
  return out;
}

export interface ElementwiseOptions {
  compute?: ComputeType;
  result?: ResultType;
  /** tfjs attrs for the kernel. */
  attrs?: Record<string, unknown>;
}

/** The definition of an elementwise op on one input. */
export function unaryDef(name: string, kernelName: string, options: ElementwiseOptions = {}): OpDef<Record<string, unknown>> {
  const compute = options.compute ?? 'numeric';
  return defineOp<Record<string, unknown>>({
    name,
    infer: ([x]) => {
      const dtype = computeDtype(name, x.dtype, compute);
      return { shape: x.shape, dtype: options.result === 'bool' ? 'bool' : dtype };
    },
    kernel: (ctx, [x], attrs) => {
      const out = runCast(ctx, kernelName, { x }, computeDtype(name, x.dtype, compute), { ...options.attrs, ...attrs });
      if (options.result === 'bool' && out.dtype !== 'bool') {
        const b = ctx.run('Cast', { x: out }, { dtype: 'bool' });
        ctx.free(out);
        return b;
      }
      return out;
    },
  });
}

/** The definition of a broadcasting elementwise op on two inputs. */
export function binaryDef(name: string, kernelName: string, options: ElementwiseOptions = {}): OpDef<Record<string, unknown>> {
  const compute = options.compute ?? 'numeric';
  return defineOp<Record<string, unknown>>({
    name,
    infer: ([a, b]) => {
      const dtype = computeDtype(name, upcast(a.dtype, b.dtype), compute);
      return { shape: broadcastShapes(name, a.shape, b.shape), dtype: options.result === 'bool' ? 'bool' : dtype };
    },
    kernel: (ctx, [a, b], attrs) =>
      runCast(ctx, kernelName, { a, b }, computeDtype(name, upcast(a.dtype, b.dtype), compute), { ...options.attrs, ...attrs }),
  });
}

/** Calls a unary op on a tensor-like argument. */
export function callUnary(def: OpDef<Record<string, unknown>>, x: OpInput, attrs: Record<string, unknown> = {}): Tensor {
  const temps: Tensor[] = [];
  return runOp(def, [toTensor(x, def.name, 'x', temps)], attrs, temps);
}

/** Calls a binary op; a JS number takes the dtype of the tensor it meets (see toTensor). */
export function callBinary(def: OpDef<Record<string, unknown>>, a: OpInput, b: OpInput): Tensor {
  const temps: Tensor[] = [];
  const dtypeOf = (v: OpInput) => (typeof v === 'object' && v !== null && 'dtype' in v ? (v.dtype as DType) : undefined);
  const ta = toTensor(a, def.name, 'a', temps, dtypeOf(b));
  const tb = toTensor(b, def.name, 'b', temps, dtypeOf(a));
  return runOp(def, [ta, tb], {}, temps);
}
