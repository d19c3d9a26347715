import { float, type OnnxBuilder } from '../builder';
import { cast, unsupported, type OpCall, type OpConverter } from './common';

/** Swaps the last two axes (matmul's transposeA/transposeB). */
function swapLast(b: OnnxBuilder, x: string, rank: number): string {
  const perm = Array.from({ length: rank }, (_, i) => i);
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
  return b.op('Transpose', [x], { perm });
}

function matmul(b: OnnxBuilder, c: OpCall): string {
  const dtype = c.outputs[0].dtype;
  if (c.specs[0].shape.length < 2 || c.specs[1].shape.length < 2) unsupported(c, 'operands of rank < 2');
  let a = cast(b, c.inputs[0], c.specs[0].dtype, dtype);
  let m = cast(b, c.inputs[1], c.specs[1].dtype, dtype);
  if (c.attrs.transposeA) a = swapLast(b, a, c.specs[0].shape.length);
  if (c.attrs.transposeB) m = swapLast(b, m, c.specs[1].shape.length);
  return b.op('MatMul', [a, m]);
}

/** The activations fused kernels apply after their bias (see FUSED_ACTIVATIONS in @strata/tensor). */
export function fusedActivation(b: OnnxBuilder, x: string, activation: string, alpha: number, c: OpCall): string {
  switch (activation) {
    case 'linear':
      return x;
    case 'relu':
      return b.op('Relu', [x]);
    case 'relu6':
      return b.op('Clip', [x, b.scalar(0), b.scalar(6)]);
    case 'elu':
      return b.op('Elu', [x], { alpha: float(1) });
    case 'leakyrelu':
      return b.op('LeakyRelu', [x], { alpha: float(alpha) });
    case 'sigmoid':
      return b.op('Sigmoid', [x]);
    default:
      return unsupported(c, `fused activation '${activation}'`);
  }
}

function fusedMatmul(b: OnnxBuilder, c: OpCall): string {
  const product = matmul(b, { ...c, inputs: c.inputs.slice(0, 2), specs: c.specs.slice(0, 2) });
  const biased = c.attrs.hasBias
    ? b.op('Add', [product, cast(b, c.inputs[2], c.specs[2].dtype, c.outputs[0].dtype)])
    : product;
  return fusedActivation(b, biased, c.attrs.activation, c.attrs.leakyreluAlpha, c);
}

/** NumPy's einsum as ONNX's; Strata's '...' axes get letters of their own (the ranks are known). */
function einsum(b: OnnxBuilder, c: OpCall): string {
  const { a, b: second, out } = c.attrs as { a: string[]; b: string[]; out: string[] };
  const all = [...new Set([...a, ...second, ...out])];
  const spare = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').filter((l) => !all.includes(l));
  const letter = new Map<string, string>();
  for (const l of all) letter.set(l, /^[a-zA-Z]$/.test(l) ? l : (spare.shift() ?? unsupported(c, 'too many labels')));
  const term = (labels: string[]) => labels.map((l) => letter.get(l)).join('');
  const dtype = c.outputs[0].dtype;
  if (dtype !== 'float32') unsupported(c, `einsum of ${dtype} (ONNX Runtime's Einsum is float only)`);
  const x = cast(b, c.inputs[0], c.specs[0].dtype, dtype);
  const y = cast(b, c.inputs[1], c.specs[1].dtype, dtype);
  return b.op('Einsum', [x, y], { equation: `${term(a)},${term(second)}->${term(out)}` });
}

export const LINALG: Record<string, OpConverter> = { matmul, fusedMatmul, einsum };
