import type { Backend, TensorInfo } from './backend';
import type { NamedAttrMap } from '@tensorflow/tfjs-core';
import type { DType } from './dtype';
import { engine } from './engine';
import { StrataError, fmtShape } from './errors';
import { assertConcrete, sizeOf, type Shape } from './shape';
import type { Tensor } from './tensor';
import { typedArrayFor } from './dtype';

/** A tensor's type as shape rules see it: known or partly known shape, and dtype. */
export interface TensorSpec {
  /** The shape; null entries are dimensions unknown until run time (batch size). */
  readonly shape: Shape;
  /** The element type. */
  readonly dtype: DType;
}

/**
 * A tensor of a graph under construction (@strata/graph implements this). An op that receives one
 * asks it to record the op instead of computing: the object carries its behaviour, so this package
 * never imports the graph.
 */
export interface SymbolicTensorLike extends TensorSpec {
  /** Marks a symbolic tensor (ops record instead of computing). */
  readonly symbolic: true;
  /**
   * `temporaries` are the inputs the op made from JS values: runOp does not free them on this path,
   * so the graph takes them over (a tensor the caller passed stays the caller's).
   */
  applyOp(
    def: OpDef<any>,
    inputs: readonly (Tensor | SymbolicTensorLike)[],
    attrs: unknown,
    temporaries?: readonly Tensor[],
  ): unknown;
}

/**
 * Whether `x` is a tensor of a graph under construction (then ops record themselves on it).
 * @internal
 */
export function isSymbolic(x: unknown): x is SymbolicTensorLike {
  return typeof x === 'object' && x !== null && (x as { symbolic?: unknown }).symbolic === true;
}

/**
 * What a kernel function gets: the backend and a way to run backend kernels whose results are the
 * kernel's own. A kernel that makes intermediates runs them through `composed(ctx, (s) => ...)`,
 * which frees them; there is no other way to free backend data from a kernel.
 */
export interface KernelContext {
  /** The backend the kernel runs on. */
  readonly backend: Backend;
  /** Runs a kernel with one output. */
  run(kernelName: string, inputs: Record<string, TensorInfo>, attrs?: NamedAttrMap): TensorInfo;
  /** Runs a kernel with several outputs (split, topK). */
  runMulti(kernelName: string, inputs: Record<string, TensorInfo>, attrs?: NamedAttrMap): TensorInfo[];
  /** Writes host values to the backend (for small constants a kernel needs). */
  write(values: ArrayLike<number>, shape: number[], dtype: DType): TensorInfo;
}

/**
 * One op: its name (the key of its gradient rule), its shape/dtype rule (checked eagerly, and used
 * for symbolic inference), and its kernel call. Layout preparation lives in `kernel`.
 */
export interface OpDef<A = Record<string, never>> {
  /** The op's name: what gradient rules are registered under and graphs print. */
  readonly name: string;
  /** Checks the inputs and attributes and says the output shapes and dtypes (also for symbolic inputs). */
  infer(inputs: readonly TensorSpec[], attrs: A): TensorSpec | TensorSpec[];
  /** Computes the outputs on the backend from the inputs' data. */
  kernel(
    ctx: KernelContext,
    inputs: TensorInfo[],
    attrs: A,
    outputs: readonly { shape: number[]; dtype: DType }[],
  ): TensorInfo | TensorInfo[];
  /**
   * The value each output is filled with when an input or output is empty (no kernel runs then).
   * Default 0; reductions of nothing need their identity: prod → 1, max → -inf, mean → NaN.
   */
  empty?(inputs: readonly TensorSpec[], attrs: A, outputs: readonly { shape: number[]; dtype: DType }[]): number[];
  /**
   * Set where `kernel` copes with empty inputs and outputs itself (it still never hands an empty
   * tensor to a backend kernel): runOp then skips it only when every output is empty. concat and
   * split need this: a non-empty output beside an empty input or output is not a constant fill.
   */
  readonly handlesEmpty?: boolean;
}

/**
 * Defines an op; see {@link OpDef}. Run it with `runOp` (from the kernel-side exports).
 * @example
 * ```ts
 * const doubleOp = defineOp({
 *   name: 'double',
 *   infer: ([x]) => ({ shape: x.shape, dtype: x.dtype }),
 *   kernel: (ctx, [x]) => ctx.run('Add', { a: x, b: x }),
 * });
 * const y = runOp(doubleOp, [tensor([1, 2])], {}); // [2, 4]
 * ```
 */
export function defineOp<A = Record<string, never>>(def: OpDef<A>): OpDef<A> {
  return def;
}

const contexts = new WeakMap<Backend, KernelContext>();

/** One context per backend, made once: ops are hot, and the context holds no per-call state. */
function contextFor(backend: Backend): KernelContext {
  let ctx = contexts.get(backend);
  if (!ctx) contexts.set(backend, (ctx = makeContext(backend)));
  return ctx;
}

function makeContext(backend: Backend): KernelContext {
  return {
    backend,
    run(kernelName, inputs, attrs) {
      const out = backend.runKernel(kernelName, inputs, attrs);
      return Array.isArray(out) ? out[0] : out;
    },
    runMulti(kernelName, inputs, attrs) {
      const out = backend.runKernel(kernelName, inputs, attrs);
      return Array.isArray(out) ? out : [out];
    },
    write(values, shape, dtype) {
      const arr = typedArrayFor(dtype, values.length);
      arr.set(values as ArrayLike<number>);
      return { dataId: backend.tf.write(arr, shape, dtype), shape, dtype } as TensorInfo;
    },
  };
}

/**
 * Runs an op that returns several tensors. Symbolic inputs make it record instead of compute.
 * @example
 * ```ts
 * const [values, indices] = runOpMulti(topKOp, [tensor([3, 1, 2])], { k: 2, sorted: true });
 * ```
 */
export function runOpMulti<A>(
  def: OpDef<A>,
  inputs: readonly (Tensor | SymbolicTensorLike)[],
  attrs: A,
  temporaries: readonly Tensor[] = [],
): Tensor[] {
  const symbolic = inputs.find(isSymbolic);
  if (symbolic) return symbolic.applyOp(def, inputs, attrs, temporaries) as Tensor[];
  const eager = inputs as readonly Tensor[];
  try {
    const backend = engine.backend();
    const inferred = def.infer(eager, attrs);
    const specs = (Array.isArray(inferred) ? inferred : [inferred]).map((s) => ({
      shape: [...assertConcrete(def.name, s.shape, 'inferred output shape')],
      dtype: s.dtype,
    }));
    const infos = eager.map((t) => engine.info(t, backend, def.name));
    let outs: TensorInfo[];
    const empty = def.handlesEmpty
      ? specs.every((s) => sizeOf(s.shape) === 0)
      : specs.some((s) => sizeOf(s.shape) === 0) || infos.some((i) => sizeOf(i.shape) === 0);
    if (empty) {
      // Empty tensors never reach a kernel: several tfjs kernels mishandle them.
      const fills = def.empty?.(eager, attrs, specs) ?? [];
      outs = specs.map((s, i) =>
        contextFor(backend).write(typedArrayFor(s.dtype, sizeOf(s.shape)).fill(fills[i] ?? 0), s.shape, s.dtype),
      );
    } else {
      const result = def.kernel(contextFor(backend), infos, attrs, specs);
      outs = Array.isArray(result) ? result : [result];
    }
    if (outs.length !== specs.length)
      throw new StrataError(
        `${def.name}: internal error, kernel returned ${outs.length} outputs for ${specs.length} expected`,
      );
    const tensors = outs.map((info, i) => {
      const spec = specs[i];
      if (sizeOf(info.shape) !== sizeOf(spec.shape) || info.dtype !== spec.dtype) {
        throw new StrataError(
          `${def.name}: internal error, kernel returned ${info.dtype} ${fmtShape(info.shape)} where the op's rule says ${spec.dtype} ${fmtShape(spec.shape)}`,
        );
      }
      return engine.makeTensor(info, spec.shape, spec.dtype, backend);
    });
    if (engine.observing) engine.notify({ op: def.name, inputs: eager, outputs: tensors, attrs });
    return tensors;
  } finally {
    for (const t of temporaries) t.dispose();
  }
}

/**
 * Runs an op that returns one tensor. `temporaries` (inputs made from JS values) are freed after.
 * @internal
 */
export function runOp<A>(
  def: OpDef<A>,
  inputs: readonly (Tensor | SymbolicTensorLike)[],
  attrs: A,
  temporaries: readonly Tensor[] = [],
): Tensor {
  return runOpMulti(def, inputs, attrs, temporaries)[0];
}
