import { float, type OnnxBuilder } from '../builder';
import { cast, filledLike, unsupported, type OpCall, type OpConverter } from './common';
import type { DType } from '@strata/tensor';

/** Inputs cast to the dtype the op computes in: its output's, or for a comparison the inputs' common one. */
function operands(b: OnnxBuilder, c: OpCall): string[] {
  const out = c.outputs[0].dtype;
  const target: DType =
    out !== 'bool'
      ? out
      : c.specs.every((s) => s.dtype === 'bool')
        ? 'bool'
        : c.specs.some((s) => s.dtype === 'float32')
          ? 'float32'
          : 'int32';
  return c.inputs.map((x, i) => cast(b, x, c.specs[i].dtype, target));
}

const simple =
  (opType: string): OpConverter =>
  (b, c) =>
    b.op(opType, operands(b, c));

const composed =
  (fn: (b: OnnxBuilder, xs: string[], c: OpCall) => string): OpConverter =>
  (b, c) =>
    fn(b, operands(b, c), c);

const one = (c: OpCall) => c.outputs[0].dtype;

export const ELEMENTWISE: Record<string, OpConverter> = {
  add: simple('Add'),
  sub: simple('Sub'),
  mul: simple('Mul'),
  div: simple('Div'),
  pow: simple('Pow'),
  maximum: simple('Max'),
  minimum: simple('Min'),
  squaredDifference: composed((b, [x, y]) => {
    const d = b.op('Sub', [x, y]);
    return b.op('Mul', [d, d]);
  }),
  // TensorFlow's floormod: the result takes the divisor's sign (ONNX Mod with fmod=0, for integers).
  mod: composed((b, [x, y], c) => {
    if (one(c) === 'int32') return b.op('Mod', [x, y], { fmod: 0 });
    return b.op('Sub', [x, b.op('Mul', [b.op('Floor', [b.op('Div', [x, y])]), y])]);
  }),
  floorDiv: composed((b, [x, y], c) => {
    if (one(c) !== 'int32') return b.op('Floor', [b.op('Div', [x, y])]);
    const q = b.op('Floor', [b.op('Div', [cast(b, x, 'int32', 'float32'), cast(b, y, 'int32', 'float32')])]);
    return cast(b, q, 'float32', 'int32');
  }),
  equal: simple('Equal'),
  notEqual: composed((b, xs) => b.op('Not', [b.op('Equal', xs)])),
  less: simple('Less'),
  lessEqual: simple('LessOrEqual'),
  greater: simple('Greater'),
  greaterEqual: simple('GreaterOrEqual'),
  logicalAnd: simple('And'),
  logicalOr: simple('Or'),
  logicalXor: simple('Xor'),
  logicalNot: simple('Not'),
  neg: simple('Neg'),
  abs: simple('Abs'),
  sign: simple('Sign'),
  square: composed((b, [x]) => b.op('Mul', [x, x])),
  sqrt: simple('Sqrt'),
  rsqrt: composed((b, [x]) => b.op('Reciprocal', [b.op('Sqrt', [x])])),
  reciprocal: simple('Reciprocal'),
  exp: simple('Exp'),
  expm1: composed((b, [x]) => b.op('Sub', [b.op('Exp', [x]), b.scalar(1)])),
  log: simple('Log'),
  log1p: composed((b, [x]) => b.op('Log', [b.op('Add', [x, b.scalar(1)])])),
  erf: simple('Erf'),
  floor: composed((b, [x], c) => (one(c) === 'int32' ? b.op('Identity', [x]) : b.op('Floor', [x]))),
  ceil: composed((b, [x], c) => (one(c) === 'int32' ? b.op('Identity', [x]) : b.op('Ceil', [x]))),
  round: composed((b, [x], c) => (one(c) === 'int32' ? b.op('Identity', [x]) : b.op('Round', [x]))),
  sin: simple('Sin'),
  cos: simple('Cos'),
  tan: simple('Tan'),
  asin: simple('Asin'),
  acos: simple('Acos'),
  atan: simple('Atan'),
  sinh: simple('Sinh'),
  cosh: simple('Cosh'),
  tanh: simple('Tanh'),
  asinh: simple('Asinh'),
  acosh: simple('Acosh'),
  atanh: simple('Atanh'),
  relu: composed((b, [x], c) => (one(c) === 'int32' ? b.op('Max', [x, b.scalar(0, 'int32')]) : b.op('Relu', [x]))),
  relu6: composed((b, [x], c) => b.op('Clip', [x, b.scalar(0, one(c)), b.scalar(6, one(c))])),
  sigmoid: simple('Sigmoid'),
  softplus: simple('Softplus'),
  elu: composed((b, [x]) => b.op('Elu', [x], { alpha: float(1) })),
  selu: simple('Selu'),
  leakyRelu: composed((b, [x], c) => b.op('LeakyRelu', [x], { alpha: float(c.attrs.alpha) })),
  isNaN: simple('IsNaN'),
  isInf: simple('IsInf'),
  isFinite: composed((b, [x]) => b.op('Not', [b.op('Or', [b.op('IsNaN', [x]), b.op('IsInf', [x])])])),
  clipByValue: (b, c) => {
    const dtype = one(c);
    const x = cast(b, c.inputs[0], c.specs[0].dtype, dtype);
    const bound = (v: number) => (Number.isFinite(v) ? b.scalar(v, dtype) : '');
    return b.op('Clip', [x, bound(c.attrs.clipValueMin), bound(c.attrs.clipValueMax)]);
  },
  where: (b, c) => {
    const dtype = one(c);
    const [cond, x, y] = c.inputs;
    return b.op('Where', [
      cast(b, cond, c.specs[0].dtype, 'bool'),
      cast(b, x, c.specs[1].dtype, dtype),
      cast(b, y, c.specs[2].dtype, dtype),
    ]);
  },
  clone: (b, c) => b.op('Identity', [c.inputs[0]]),
  cast: (b, c) => cast(b, c.inputs[0], c.specs[0].dtype, one(c)),
  zerosLike: (b, c) => filledLike(b, c.inputs[0], 0, one(c)),
  onesLike: (b, c) => filledLike(b, c.inputs[0], 1, one(c)),
  atan2: (_b, c) => unsupported(c, 'ONNX has no atan2; write it with atan and where in call()'),
};
