import type { TensorInfo } from '../../backend';
import type { OpInput } from '../../convert';
import { fmtShape, opError } from '../../errors';
import { composed, type Scratch } from '../../kernels/scratch';
import { defineOp, runOp } from '../../op';
import { sizeOf } from '../../shape';
import type { Tensor } from '../../tensor';
import { checkBias, fusedAttrs, type FusedAttrs, type FusedOptions } from '../nn/fused-activation';
import { fusedOfNothing } from '../nn/fused-of-nothing';
import { opInputs } from '../nn/inputs';
import { validating } from '../reduction/define';
import { prepareOperands } from './matmul-kernel';
import { matmulShape, type MatmulAttrs } from './matmul-shape';

/** The fused kernels' activation as a kernel of its own. */
function activate(s: Scratch, x: TensorInfo, { activation, leakyreluAlpha }: FusedAttrs): TensorInfo {
  if (activation === 'linear') return x;
  const kernel = { relu: 'Relu', relu6: 'Relu6', elu: 'Elu', leakyrelu: 'LeakyRelu', sigmoid: 'Sigmoid' }[activation];
  return s.run(kernel, { x }, activation === 'leakyrelu' ? { alpha: leakyreluAlpha } : undefined);
}

/** What {@link fusedMatmul} records: the matmul's transposes and the fused bias and activation. */
export type FusedMatmulAttrs = MatmulAttrs & FusedAttrs;

/** The arguments of {@link fusedMatmul}: `activation(a · b + bias)` in one kernel. */
export interface FusedMatmulArgs extends FusedOptions {
  /** The left operand, `[..., m, k]`. */
  a: OpInput;
  /** The right operand, `[..., k, n]`. */
  b: OpInput;
  /** Use a's last two axes swapped. Default: false. */
  transposeA?: boolean;
  /** Use b's last two axes swapped. Default: false. */
  transposeB?: boolean;
  bias?: OpInput;
}

/** The op of {@link fusedMatmul}: its shape rule and kernel, the key of its gradient rule. */
export const fusedMatmulOp = defineOp<FusedMatmulAttrs>({
  name: 'fusedMatmul',
  infer: ([a, b, bias], attrs) => {
    if (a.shape.length < 2 || b.shape.length < 2) {
      throw opError(
        'fusedMatmul',
        `a and b must have rank >= 2, received a.shape=${fmtShape(a.shape)}, b.shape=${fmtShape(b.shape)}; for a vector operand use matmul`,
      );
    }
    const shape = matmulShape('fusedMatmul', a.shape, b.shape, attrs);
    checkBias('fusedMatmul', bias, shape[shape.length - 1], shape);
    return { shape, dtype: 'float32' };
  },
  // An empty a or b with a non-empty result (inner size 0) still gives activation(bias).
  handlesEmpty: true,
  kernel: (ctx, [a, b, bias], attrs, [out]) => {
    if (sizeOf(a.shape) === 0 || sizeOf(b.shape) === 0) return fusedOfNothing(ctx, out.shape, bias, attrs);
    return composed(ctx, (s) => {
      // The same layout as matmul, so wasm keeps its transpose-free fast path here too.
      const { a3, b3, transposeA, transposeB } = prepareOperands(s, a, b, attrs);
      const inputs: Record<string, TensorInfo> = { a: a3, b: b3 };
      const bias32 = bias && s.float(bias);
      if (bias32 && Math.max(a3.shape[0], b3.shape[0]) > 1) {
        // wasm's _FusedMatMul gives wrong values for a batch of products with a bias (tfjs 4.22;
        // the batched conformance cases show it), so that case runs unfused on every backend.
        // Dense never gets here: its one shared kernel makes a single tall product.
        const product = s.run('BatchMatMul', inputs, { transposeA, transposeB });
        return activate(s, s.run('Add', { a: product, b: bias32 }), attrs);
      }
      if (bias32) inputs.bias = bias32;
      return s.run('_FusedMatMul', inputs, {
        transposeA,
        transposeB,
        activation: attrs.activation,
        leakyreluAlpha: attrs.leakyreluAlpha,
      });
    });
  },
});

/**
 * `activation(matmul(a, b) + bias)` in one kernel, as TensorFlow.js's `tf.fused.matMul`: what a
 * Dense layer computes, without the intermediate tensors. `a` and `b` are matrices or batches of
 * them (batch axes broadcast as in matmul); `bias` has one value per output column. Computes in
 * float32. Differentiable: the gradient rule decomposes it.
 * @example
 * ```ts
 * fusedMatmul({ a: tensor([[1, -2]]), b: tensor([[1], [1]]), bias: tensor([0.5]), activation: 'relu' }); // [[0]]
 * ```
 */
export function fusedMatmul(args: FusedMatmulArgs): Tensor {
  if (typeof args !== 'object' || args === null)
    throw opError(
      'fusedMatmul',
      `expected an options object {a, b, bias?, activation?}, received ${JSON.stringify(args)}`,
    );
  const { transposeA = false, transposeB = false } = args;
  const named: [string, OpInput][] = [
    ['a', args.a],
    ['b', args.b],
  ];
  if (args.bias !== undefined && args.bias !== null) named.push(['bias', args.bias]);
  const { inputs, temps } = opInputs('fusedMatmul', named);
  const attrs = validating(temps, (): FusedMatmulAttrs => {
    if (typeof transposeA !== 'boolean' || typeof transposeB !== 'boolean') {
      throw opError(
        'fusedMatmul',
        `transposeA and transposeB must be booleans, received transposeA=${String(transposeA)}, transposeB=${String(transposeB)}`,
      );
    }
    return { transposeA, transposeB, ...fusedAttrs('fusedMatmul', args) };
  });
  return runOp(fusedMatmulOp, inputs, attrs, temps);
}
