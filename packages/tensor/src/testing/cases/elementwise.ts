import * as st from '../../index';
import type { Tensor } from '../../tensor';
import type { OpCase } from '../conformance';
import type { Fill } from '../values';

type Oracle = NonNullable<OpCase['oracle']>;
const E = Math.E;
const SELU_SCALE = 1.0507009873554805;
const SELU_ALPHA = 1.6732632423543772;

/** One unary op checked against TensorFlow.js on [2,3] inputs drawn from `fill`. */
function vsTfjs(name: string, run: (x: Tensor) => Tensor, oracle: Oracle, fill: Fill = 'normal', tol?: number): OpCase {
  return { name: `${name} vs tfjs`, inputs: [{ shape: [2, 3], fill }], run, oracle, tol };
}

/** Float functions: checked against tfjs on floats, and on int32 (which tfjs would truncate, so its oracle is given floats). */
function floatFunction(
  name: string,
  run: (x: Tensor) => Tensor,
  tfOp: (tf: Parameters<Oracle>[0], x: Parameters<Oracle>[1]) => ReturnType<Oracle>,
  fill: Fill = 'normal',
  tol?: number,
): OpCase[] {
  return [
    vsTfjs(name, run, (tf, x) => tfOp(tf, x), fill, tol),
    {
      name: `${name} of int32 computes in float32`,
      inputs: [{ shape: [2], dtype: 'int32', fill: [1, 2] }],
      run,
      oracle: (tf, x) => tfOp(tf, tf.cast(x, 'float32')),
      expected: { dtype: 'float32' },
      tol,
    },
  ];
}

const unaryCases: OpCase[] = [
  vsTfjs('neg', st.neg, (tf, x) => tf.neg(x)),
  {
    name: 'neg int32 and bool',
    inputs: [{ shape: [3], dtype: 'bool', fill: [true, false, true] }],
    run: st.neg,
    expected: { dtype: 'int32', values: [-1, 0, -1] },
  },
  vsTfjs('abs', st.abs, (tf, x) => tf.abs(x)),
  {
    name: 'abs int32 stays int32',
    inputs: [{ shape: [3], dtype: 'int32', fill: [-3, 0, 4] }],
    run: st.abs,
    expected: { dtype: 'int32', values: [3, 0, 4] },
  },
  vsTfjs('sign', st.sign, (tf, x) => tf.sign(x)),
  // tfjs gives sign(NaN) = 0; Strata keeps NaN, as NumPy.
  {
    name: 'sign of NaN, zeros, infinities',
    inputs: [{ shape: [6], fill: [NaN, -0, 0, -Infinity, Infinity, -2] }],
    run: st.sign,
    expected: { values: [NaN, 0, 0, -1, 1, -1] },
  },
  {
    name: 'sign int32',
    inputs: [{ shape: [3], dtype: 'int32', fill: [-5, 0, 7] }],
    run: st.sign,
    expected: { dtype: 'int32', values: [-1, 0, 1] },
  },
  vsTfjs('square', st.square, (tf, x) => tf.square(x)),
  {
    name: 'square int32 stays int32',
    inputs: [{ shape: [2], dtype: 'int32', fill: [-3, 4] }],
    run: st.square,
    expected: { dtype: 'int32', values: [9, 16] },
  },
  ...floatFunction('reciprocal', st.reciprocal, (tf, x) => tf.reciprocal(x), 'positive'),
  {
    name: 'reciprocal of int32 is float',
    inputs: [{ shape: [3], dtype: 'int32', fill: [2, -4, 0] }],
    run: st.reciprocal,
    expected: { dtype: 'float32', values: [0.5, -0.25, Infinity] },
  },
  ...floatFunction('exp', st.exp, (tf, x) => tf.exp(x)),
  {
    name: 'exp of infinities and NaN',
    inputs: [{ shape: [3], fill: [-Infinity, Infinity, NaN] }],
    run: st.exp,
    expected: { values: [0, Infinity, NaN] },
  },
  ...floatFunction('expm1', st.expm1, (tf, x) => tf.expm1(x)),
  ...floatFunction('log', st.log, (tf, x) => tf.log(x), 'positive'),
  {
    name: 'log at 0, below 0, Infinity, NaN',
    inputs: [{ shape: [4], fill: [0, -1, Infinity, NaN] }],
    run: st.log,
    expected: { values: [-Infinity, NaN, Infinity, NaN] },
  },
  ...floatFunction('log1p', st.log1p, (tf, x) => tf.log1p(x), 'positive'),
  {
    name: 'log1p at -1, below -1, infinities, NaN',
    inputs: [{ shape: [6], fill: [-1, -2, -Infinity, Infinity, NaN, 0] }],
    run: st.log1p,
    expected: { values: [-Infinity, NaN, NaN, Infinity, NaN, 0] },
  },
  ...floatFunction('sqrt', st.sqrt, (tf, x) => tf.sqrt(x), 'positive'),
  {
    name: 'sqrt below 0, at 0, Infinity, NaN',
    inputs: [{ shape: [5], fill: [-1, 0, 4, Infinity, NaN] }],
    run: st.sqrt,
    expected: { values: [NaN, 0, 2, Infinity, NaN] },
  },
  ...floatFunction('rsqrt', st.rsqrt, (tf, x) => tf.rsqrt(x), 'positive'),
  {
    name: 'rsqrt at 0 and Infinity',
    inputs: [{ shape: [3], fill: [0, 4, Infinity] }],
    run: st.rsqrt,
    expected: { values: [Infinity, 0.5, 0] },
  },
  ...floatFunction('erf', st.erf, (tf, x) => tf.erf(x)),
  {
    name: 'erf of infinities and NaN',
    inputs: [{ shape: [4], fill: [Infinity, -Infinity, NaN, 0] }],
    run: st.erf,
    expected: { values: [1, -1, NaN, 0] },
  },
];

// GPU sin/cos are accurate to about 2e-4 (SwiftShader), hence the looser tolerance.
const trigCases: OpCase[] = [
  ...floatFunction('sin', st.sin, (tf, x) => tf.sin(x), 'normal', 1e-3),
  ...floatFunction('cos', st.cos, (tf, x) => tf.cos(x), 'normal', 1e-3),
  ...floatFunction('tan', st.tan, (tf, x) => tf.tan(x), 'unit', 1e-3),
  ...floatFunction('asin', st.asin, (tf, x) => tf.asin(x), 'unit'),
  ...floatFunction('acos', st.acos, (tf, x) => tf.acos(x), 'unit'),
  ...floatFunction('atan', st.atan, (tf, x) => tf.atan(x)),
  ...floatFunction('sinh', st.sinh, (tf, x) => tf.sinh(x)),
  ...floatFunction('cosh', st.cosh, (tf, x) => tf.cosh(x)),
  ...floatFunction('tanh', st.tanh, (tf, x) => tf.tanh(x)),
  ...floatFunction('asinh', st.asinh, (tf, x) => tf.asinh(x)),
  vsTfjs('acosh', st.acosh, (tf, x) => tf.acosh(x), [1, 1.5, 2, 3.5, 10, 1.01]),
  ...floatFunction('atanh', st.atanh, (tf, x) => tf.atanh(x), 'unit'),
  {
    name: 'asin and acos outside [-1, 1]',
    inputs: [{ shape: [3], fill: [2, -2, NaN] }],
    run: (x) => st.tidy(() => st.add(st.asin(x), st.acos(x))),
    expected: { values: [NaN, NaN, NaN] },
  },
  {
    name: 'sinh of infinities and NaN',
    inputs: [{ shape: [3], fill: [Infinity, -Infinity, NaN] }],
    run: st.sinh,
    expected: { values: [Infinity, -Infinity, NaN] },
  },
  {
    name: 'cosh of infinities and NaN',
    inputs: [{ shape: [3], fill: [Infinity, -Infinity, NaN] }],
    run: st.cosh,
    expected: { values: [Infinity, Infinity, NaN] },
  },
  {
    name: 'tanh of infinities and NaN',
    inputs: [{ shape: [4], fill: [Infinity, -Infinity, NaN, 0] }],
    run: st.tanh,
    expected: { values: [1, -1, NaN, 0] },
  },
  {
    name: 'asinh of infinities and NaN',
    inputs: [{ shape: [4], fill: [Infinity, -Infinity, NaN, 0] }],
    run: st.asinh,
    expected: { values: [Infinity, -Infinity, NaN, 0] },
  },
  {
    name: 'acosh at 1, below 1, Infinity, NaN',
    inputs: [{ shape: [4], fill: [1, 0.5, Infinity, NaN] }],
    run: st.acosh,
    expected: { values: [0, NaN, Infinity, NaN] },
  },
  {
    name: 'atanh at ±1, beyond, NaN',
    inputs: [{ shape: [4], fill: [1, -1, 2, NaN] }],
    run: st.atanh,
    expected: { values: [Infinity, -Infinity, NaN, NaN] },
  },
];

const roundingCases: OpCase[] = [
  vsTfjs('floor', st.floor, (tf, x) => tf.floor(x)),
  vsTfjs('ceil', st.ceil, (tf, x) => tf.ceil(x)),
  vsTfjs('round', st.round, (tf, x) => tf.round(x)),
  {
    name: 'round halves to even',
    inputs: [{ shape: [8], fill: [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6] }],
    run: st.round,
    oracle: (tf, x) => tf.round(x),
    expected: { values: [0, 2, 2, -0, -2, -2, 2, 3] },
  },
  {
    name: 'floor and ceil of negatives, infinities, NaN',
    inputs: [{ shape: [5], fill: [-1.5, 1.5, -Infinity, Infinity, NaN] }],
    run: (x) => st.tidy(() => st.add(st.floor(x), st.ceil(x))),
    expected: { values: [-3, 3, -Infinity, Infinity, NaN] },
  },
  {
    name: 'floor int32 is unchanged',
    inputs: [{ shape: [4], dtype: 'int32', fill: [-7, 0, 3, 2147483647] }],
    run: st.floor,
    expected: { dtype: 'int32', values: [-7, 0, 3, 2147483647] },
  },
  {
    name: 'ceil int32 is unchanged',
    inputs: [{ shape: [3], dtype: 'int32', fill: [-7, 0, 16777217] }],
    run: st.ceil,
    expected: { dtype: 'int32', values: [-7, 0, 16777217] },
  },
  {
    name: 'round bool becomes int32',
    inputs: [{ shape: [2], dtype: 'bool', fill: [true, false] }],
    run: st.round,
    expected: { dtype: 'int32', values: [1, 0] },
  },
];

const activationCases: OpCase[] = [
  ...floatFunction('sigmoid', st.sigmoid, (tf, x) => tf.sigmoid(x)),
  {
    name: 'sigmoid of infinities, NaN, large values',
    inputs: [{ shape: [6], fill: [Infinity, -Infinity, NaN, 0, 100, -100] }],
    run: st.sigmoid,
    expected: { values: [1, 0, NaN, 0.5, 1, 0] },
  },
  ...floatFunction('softplus', st.softplus, (tf, x) => tf.softplus(x)),
  {
    name: 'softplus of infinities, NaN, large values',
    inputs: [{ shape: [6], fill: [Infinity, -Infinity, NaN, 0, 100, -100] }],
    run: st.softplus,
    expected: { values: [Infinity, 0, NaN, Math.LN2, 100, 0] },
  },
  vsTfjs('relu', st.relu, (tf, x) => tf.relu(x)),
  {
    name: 'relu keeps NaN and infinities',
    inputs: [{ shape: [6], fill: [NaN, -Infinity, Infinity, -1, 0, 2] }],
    run: st.relu,
    expected: { values: [NaN, 0, Infinity, 0, 0, 2] },
  },
  {
    name: 'relu int32 stays int32',
    inputs: [{ shape: [3], dtype: 'int32', fill: [-3, 0, 4] }],
    run: st.relu,
    oracle: (tf, x) => tf.relu(x),
    expected: { dtype: 'int32', values: [0, 0, 4] },
  },
  vsTfjs(
    'relu6 of 3x',
    (x) => st.tidy(() => st.relu6(st.mul(x, 3))),
    (tf, x) => tf.relu6(tf.mul(x, 3)),
  ),
  {
    name: 'relu6 keeps NaN, clamps infinities',
    inputs: [{ shape: [5], fill: [NaN, -1, 3, 7, Infinity] }],
    run: st.relu6,
    expected: { values: [NaN, 0, 3, 6, 6] },
  },
  {
    name: 'relu6 int32 stays int32',
    inputs: [{ shape: [3], dtype: 'int32', fill: [-3, 4, 9] }],
    run: st.relu6,
    expected: { dtype: 'int32', values: [0, 4, 6] },
  },
  ...floatFunction('elu', st.elu, (tf, x) => tf.elu(x)),
  {
    name: 'elu of infinities and NaN',
    inputs: [{ shape: [5], fill: [NaN, -Infinity, Infinity, -1, 2] }],
    run: st.elu,
    expected: { values: [NaN, -1, Infinity, 1 / E - 1, 2] },
  },
  ...floatFunction('selu', st.selu, (tf, x) => tf.selu(x)),
  {
    name: 'selu constants and NaN',
    inputs: [{ shape: [4], fill: [NaN, 0, 1, -1] }],
    run: st.selu,
    expected: { values: [NaN, 0, SELU_SCALE, SELU_SCALE * SELU_ALPHA * (1 / E - 1)] },
  },
  vsTfjs(
    'leakyRelu default alpha 0.2',
    (x) => st.leakyRelu(x),
    (tf, x) => tf.leakyRelu(x),
  ),
  vsTfjs(
    'leakyRelu alpha 0.01',
    (x) => st.leakyRelu(x, 0.01),
    (tf, x) => tf.leakyRelu(x, 0.01),
  ),
  {
    name: 'leakyRelu of int32 is float',
    inputs: [{ shape: [3], dtype: 'int32', fill: [-3, 0, 2] }],
    run: (x) => st.leakyRelu(x),
    expected: { dtype: 'float32', values: [-0.6, 0, 2] },
  },
  {
    name: 'leakyRelu of NaN and -Infinity',
    inputs: [{ shape: [2], fill: [NaN, -Infinity] }],
    run: (x) => st.leakyRelu(x, 0.1),
    expected: { values: [NaN, -Infinity] },
  },
  {
    name: 'leakyRelu bad alpha',
    inputs: [{ shape: [2] }],
    run: (x) => st.leakyRelu(x, NaN),
    throws: /^leakyRelu: alpha must be a finite number, received NaN$/,
  },
];

const SPECIALS: Fill = [NaN, Infinity, -Infinity, 0, -1.5, 3e38];
const INT_EXTREMES: Fill = [-2147483648, 0, 2147483647];
const predicateCases: OpCase[] = [
  {
    name: 'isNaN',
    inputs: [{ shape: [6], fill: SPECIALS }],
    run: st.isNaN,
    oracle: (tf, x) => tf.isNaN(x),
    expected: { dtype: 'bool', values: [1, 0, 0, 0, 0, 0] },
  },
  {
    name: 'isFinite',
    inputs: [{ shape: [6], fill: SPECIALS }],
    run: st.isFinite,
    oracle: (tf, x) => tf.isFinite(x),
    expected: { dtype: 'bool', values: [0, 0, 0, 1, 1, 1] },
  },
  {
    name: 'isInf',
    inputs: [{ shape: [6], fill: SPECIALS }],
    run: st.isInf,
    oracle: (tf, x) => tf.isInf(x),
    expected: { dtype: 'bool', values: [0, 1, 1, 0, 0, 0] },
  },
  {
    name: 'isNaN of int32 is all false',
    inputs: [{ shape: [3], dtype: 'int32', fill: INT_EXTREMES }],
    run: st.isNaN,
    expected: { dtype: 'bool', values: [0, 0, 0] },
  },
  {
    name: 'isInf of int32 is all false',
    inputs: [{ shape: [3], dtype: 'int32', fill: INT_EXTREMES }],
    run: st.isInf,
    expected: { dtype: 'bool', values: [0, 0, 0] },
  },
  {
    name: 'isFinite of int32 is all true',
    inputs: [{ shape: [3], dtype: 'int32', fill: INT_EXTREMES }],
    run: st.isFinite,
    expected: { dtype: 'bool', values: [1, 1, 1] },
  },
];

const arithmeticCases: OpCase[] = [
  {
    name: 'add [2,3]+[3] broadcast',
    inputs: [{ shape: [2, 3] }, { shape: [3] }],
    run: st.add,
    oracle: (tf, a, b) => tf.add(a, b),
  },
  { name: 'add rank 0', inputs: [{ shape: [] }, { shape: [] }], run: st.add, oracle: (tf, a, b) => tf.add(a, b) },
  {
    name: 'add [2,1,3]+[4,1] broadcast both ways',
    inputs: [{ shape: [2, 1, 3] }, { shape: [4, 1] }],
    run: st.add,
    oracle: (tf, a, b) => tf.add(a, b),
  },
  {
    name: 'add empty',
    inputs: [{ shape: [0, 3] }, { shape: [3] }],
    run: st.add,
    expected: { shape: [0, 3], values: [] },
  },
  {
    name: 'add int32 + JS int stays int32',
    inputs: [{ shape: [3], dtype: 'int32', fill: [1, 2, 3] }],
    run: (a) => st.add(a, 2),
    expected: { dtype: 'int32', values: [3, 4, 5] },
  },
  {
    name: 'add int32 + JS float becomes float32',
    inputs: [{ shape: [2], dtype: 'int32', fill: [1, 2] }],
    run: (a) => st.add(a, 0.5),
    expected: { dtype: 'float32', values: [1.5, 2.5] },
  },
  {
    name: 'add int32 overflow wraps',
    inputs: [{ shape: [1], dtype: 'int32', fill: [2147483647] }],
    run: (a) => st.add(a, 1),
    expected: { values: [-2147483648] },
  },
  {
    name: 'add NaN and infinities',
    inputs: [
      { shape: [3], fill: [NaN, Infinity, -Infinity] },
      { shape: [3], fill: [1, -Infinity, -Infinity] },
    ],
    run: st.add,
    expected: { values: [NaN, NaN, -Infinity] },
  },
  {
    name: 'add bad broadcast',
    inputs: [{ shape: [2, 3] }, { shape: [4] }],
    run: st.add,
    throws: /add: shapes cannot be broadcast together: a.shape=\[2,3\], b.shape=\[4\]/,
  },
  { name: 'sub', inputs: [{ shape: [2, 3] }, { shape: [2, 1] }], run: st.sub, oracle: (tf, a, b) => tf.sub(a, b) },
  { name: 'mul', inputs: [{ shape: [2, 3] }, { shape: [3] }], run: st.mul, oracle: (tf, a, b) => tf.mul(a, b) },
  {
    name: 'div',
    inputs: [{ shape: [2, 3] }, { shape: [3], fill: 'positive' }],
    run: st.div,
    oracle: (tf, a, b) => tf.div(a, b),
  },
  {
    name: 'div int32 is true division',
    inputs: [
      { shape: [2], dtype: 'int32', fill: [7, -7] },
      { shape: [2], dtype: 'int32', fill: [2, 2] },
    ],
    run: st.div,
    expected: { dtype: 'float32', values: [3.5, -3.5] },
  },
];

const INT_A = [-7, 7, -7, 7, 0, 5, 6];
const INT_B = [2, 2, -2, -2, 3, 0, 3];
const divisionCases: OpCase[] = [
  {
    name: 'floorDiv vs tfjs',
    inputs: [{ shape: [2, 3] }, { shape: [3], fill: [0.5, -0.7, 1.3] }],
    run: st.floorDiv,
    oracle: (tf, a, b) => tf.floorDiv(a, b),
    expected: { dtype: 'float32' },
  },
  {
    name: 'floorDiv int32 vs tfjs',
    inputs: [
      { shape: [2, 3], dtype: 'int32' },
      { shape: [3], dtype: 'int32', fill: [2, -3, 4] },
    ],
    run: st.floorDiv,
    oracle: (tf, a, b) => tf.floorDiv(a, b),
    expected: { dtype: 'int32' },
  },
  {
    name: 'floorDiv int32 floors toward -Infinity, 0 for a zero divisor',
    inputs: [
      { shape: [7], dtype: 'int32', fill: INT_A },
      { shape: [7], dtype: 'int32', fill: INT_B },
    ],
    run: st.floorDiv,
    expected: { dtype: 'int32', values: [-4, 3, 3, -4, 0, 0, 2] },
  },
  {
    name: 'floorDiv int32 by a zero scalar',
    inputs: [
      { shape: [2, 2], dtype: 'int32', fill: [1, -1, 0, 9] },
      { shape: [], dtype: 'int32', fill: [0] },
    ],
    run: st.floorDiv,
    expected: { shape: [2, 2], values: [0, 0, 0, 0] },
  },
  {
    name: 'floorDiv float by zero and of infinities',
    inputs: [
      { shape: [5], fill: [7.5, -7.5, 1, -1, 0] },
      { shape: [5], fill: [2, 2, 0, 0, 0] },
    ],
    run: st.floorDiv,
    expected: { values: [3, -4, Infinity, -Infinity, NaN] },
  },
  {
    name: 'floorDiv int32 by JS float is float',
    inputs: [{ shape: [2], dtype: 'int32', fill: [7, -7] }],
    run: (a) => st.floorDiv(a, 2.5),
    expected: { dtype: 'float32', values: [2, -3] },
  },
  {
    name: 'mod vs tfjs',
    inputs: [{ shape: [2, 3] }, { shape: [3], fill: [0.5, -0.7, 1.3] }],
    run: st.mod,
    oracle: (tf, a, b) => tf.mod(a, b),
  },
  {
    name: 'mod int32 vs tfjs',
    inputs: [
      { shape: [2, 3], dtype: 'int32' },
      { shape: [3], dtype: 'int32', fill: [2, -3, 4] },
    ],
    run: st.mod,
    oracle: (tf, a, b) => tf.mod(a, b),
    expected: { dtype: 'int32' },
  },
  {
    name: 'mod int32 takes the sign of the divisor, 0 for a zero divisor',
    inputs: [
      { shape: [7], dtype: 'int32', fill: INT_A },
      { shape: [7], dtype: 'int32', fill: INT_B },
    ],
    run: st.mod,
    expected: { dtype: 'int32', values: [1, 1, -1, -1, 0, 0, 0] },
  },
  {
    name: 'mod float takes the sign of the divisor, NaN for a zero divisor',
    inputs: [
      { shape: [4], fill: [-7.5, 7.5, 1, Infinity] },
      { shape: [4], fill: [2, -2, 0, 2] },
    ],
    run: st.mod,
    expected: { values: [0.5, -0.5, NaN, NaN] },
  },
  {
    name: 'pow vs tfjs',
    inputs: [{ shape: [2, 3], fill: 'positive' }, { shape: [3] }],
    run: st.pow,
    oracle: (tf, a, b) => tf.pow(a, b),
  },
  {
    name: 'pow int32 stays int32 and exact',
    inputs: [
      { shape: [6], dtype: 'int32', fill: [2, -3, 5, 0, 7, -1] },
      { shape: [6], dtype: 'int32', fill: [3, 3, 3, 0, 1, 5] },
    ],
    run: st.pow,
    oracle: (tf, a, b) => tf.pow(a, b),
    expected: { dtype: 'int32', values: [8, -27, 125, 1, 7, -1] },
  },
  {
    name: 'pow of negative bases, zero exponents, NaN',
    inputs: [
      { shape: [5], fill: [-2, -2, -8, NaN, 0] },
      { shape: [5], fill: [2, 3, 0.5, 0, 0] },
    ],
    run: st.pow,
    expected: { values: [4, -8, NaN, 1, 1] },
  },
  {
    name: 'pow by a JS number is weak',
    inputs: [{ shape: [3], dtype: 'int32', fill: [1, 2, 3] }],
    run: (a) => st.pow(a, 2),
    expected: { dtype: 'int32', values: [1, 4, 9] },
  },
];

const NAN_A: Fill = [NaN, 1, NaN, -Infinity, 3, -0.5];
const NAN_B: Fill = [1, NaN, NaN, Infinity, 2, -0.25];
const binaryMathCases: OpCase[] = [
  {
    name: 'maximum vs tfjs',
    inputs: [{ shape: [2, 3] }, { shape: [2, 1] }],
    run: st.maximum,
    oracle: (tf, a, b) => tf.maximum(a, b),
  },
  {
    name: 'minimum vs tfjs',
    inputs: [{ shape: [2, 3] }, { shape: [3] }],
    run: st.minimum,
    oracle: (tf, a, b) => tf.minimum(a, b),
  },
  {
    name: 'maximum propagates NaN from either side',
    inputs: [
      { shape: [6], fill: NAN_A },
      { shape: [6], fill: NAN_B },
    ],
    run: st.maximum,
    expected: { values: [NaN, NaN, NaN, Infinity, 3, -0.25] },
  },
  {
    name: 'minimum propagates NaN from either side',
    inputs: [
      { shape: [6], fill: NAN_A },
      { shape: [6], fill: NAN_B },
    ],
    run: st.minimum,
    expected: { values: [NaN, NaN, NaN, -Infinity, 2, -0.5] },
  },
  {
    name: 'maximum with a broadcast NaN',
    inputs: [
      { shape: [2, 2], fill: [1, 2, 3, 4] },
      { shape: [2, 1], fill: [NaN, 0] },
    ],
    run: st.maximum,
    expected: { values: [NaN, NaN, 3, 4] },
  },
  {
    name: 'minimum with a broadcast NaN',
    inputs: [
      { shape: [1], fill: [NaN] },
      { shape: [2, 2], fill: [1, 2, 3, 4] },
    ],
    run: st.minimum,
    expected: { shape: [2, 2], values: [NaN, NaN, NaN, NaN] },
  },
  {
    name: 'maximum int32 with a JS number stays int32',
    inputs: [{ shape: [3], dtype: 'int32', fill: [-3, 0, 5] }],
    run: (a) => st.maximum(a, 1),
    expected: { dtype: 'int32', values: [1, 1, 5] },
  },
  {
    name: 'minimum of bools is int32',
    inputs: [
      { shape: [2], dtype: 'bool', fill: [true, true] },
      { shape: [2], dtype: 'bool', fill: [false, true] },
    ],
    run: st.minimum,
    expected: { dtype: 'int32', values: [0, 1] },
  },
  {
    name: 'maximum int32 and float32 is float32',
    inputs: [
      { shape: [2], dtype: 'int32', fill: [1, 4] },
      { shape: [2], fill: [1.5, 2.5] },
    ],
    run: st.maximum,
    expected: { dtype: 'float32', values: [1.5, 4] },
  },
  {
    name: 'squaredDifference vs tfjs',
    inputs: [{ shape: [2, 3] }, { shape: [3] }],
    run: st.squaredDifference,
    oracle: (tf, a, b) => tf.squaredDifference(a, b),
  },
  {
    name: 'squaredDifference int32',
    inputs: [
      { shape: [2], dtype: 'int32', fill: [-3, 5] },
      { shape: [2], dtype: 'int32', fill: [4, 5] },
    ],
    run: st.squaredDifference,
    expected: { dtype: 'int32', values: [49, 0] },
  },
  {
    name: 'atan2 vs tfjs',
    inputs: [{ shape: [2, 3] }, { shape: [2, 3] }],
    run: st.atan2,
    oracle: (tf, a, b) => tf.atan2(a, b),
  },
  {
    name: 'atan2 quadrants and zeros',
    inputs: [
      { shape: [6], fill: [0, 0, 1, -1, NaN, 1] },
      { shape: [6], fill: [1, -1, 0, 0, 1, -1] },
    ],
    run: st.atan2,
    expected: { values: [0, Math.PI, Math.PI / 2, -Math.PI / 2, NaN, (3 * Math.PI) / 4] },
  },
  {
    name: 'atan2 of int32 is float',
    inputs: [
      { shape: [1], dtype: 'int32', fill: [1] },
      { shape: [1], dtype: 'int32', fill: [1] },
    ],
    run: st.atan2,
    expected: { dtype: 'float32', values: [Math.PI / 4] },
  },
];

const compareOps: [string, (a: Tensor, b: Tensor) => Tensor, Oracle][] = [
  ['equal', st.equal, (tf, a, b) => tf.equal(a, b)],
  ['notEqual', st.notEqual, (tf, a, b) => tf.notEqual(a, b)],
  ['less', st.less, (tf, a, b) => tf.less(a, b)],
  ['lessEqual', st.lessEqual, (tf, a, b) => tf.lessEqual(a, b)],
  ['greater', st.greater, (tf, a, b) => tf.greater(a, b)],
  ['greaterEqual', st.greaterEqual, (tf, a, b) => tf.greaterEqual(a, b)],
];
const compareCases: OpCase[] = [
  ...compareOps.map(
    ([name, run, oracle]): OpCase => ({
      name: `${name} int32 vs tfjs`,
      inputs: [
        { shape: [3, 4], dtype: 'int32', fill: 'index' },
        { shape: [4], dtype: 'int32', fill: 'index' },
      ],
      run,
      oracle,
      expected: { dtype: 'bool' },
    }),
  ),
  ...compareOps.map(
    ([name, run, oracle]): OpCase => ({
      name: `${name} float32 vs tfjs`,
      inputs: [{ shape: [2, 3] }, { shape: [2, 1] }],
      run,
      oracle,
    }),
  ),
  ...compareOps.map(
    ([name, run, oracle]): OpCase => ({
      name: `${name} with NaN and infinities`,
      inputs: [
        { shape: [5], fill: [NaN, NaN, 1, Infinity, -Infinity] },
        { shape: [5], fill: [NaN, 1, NaN, Infinity, 0] },
      ],
      run,
      oracle,
    }),
  ),
  {
    name: 'equal: NaN equals nothing',
    inputs: [
      { shape: [3], fill: [NaN, 1, -0] },
      { shape: [3], fill: [NaN, 1, 0] },
    ],
    run: st.equal,
    expected: { dtype: 'bool', values: [0, 1, 1] },
  },
  {
    name: 'notEqual: NaN differs from everything',
    inputs: [
      { shape: [3], fill: [NaN, 1, -0] },
      { shape: [3], fill: [NaN, 1, 0] },
    ],
    run: st.notEqual,
    expected: { dtype: 'bool', values: [1, 0, 0] },
  },
  {
    name: 'less int32 vs float32 compares as float',
    inputs: [
      { shape: [2], dtype: 'int32', fill: [1, 2] },
      { shape: [2], fill: [1.5, 1.5] },
    ],
    run: st.less,
    expected: { dtype: 'bool', values: [1, 0] },
  },
  {
    name: 'greater int32 vs JS float',
    inputs: [{ shape: [3], dtype: 'int32', fill: [0, 1, 2] }],
    run: (a) => st.greater(a, 0.5),
    expected: { dtype: 'bool', values: [0, 1, 1] },
  },
  {
    name: 'greater of bools (false < true)',
    inputs: [
      { shape: [4], dtype: 'bool', fill: [true, true, false, false] },
      { shape: [4], dtype: 'bool', fill: [true, false, true, false] },
    ],
    run: st.greater,
    expected: { dtype: 'bool', values: [0, 1, 0, 0] },
  },
  {
    name: 'equal of bools',
    inputs: [
      { shape: [4], dtype: 'bool', fill: [true, true, false, false] },
      { shape: [4], dtype: 'bool', fill: [true, false, true, false] },
    ],
    run: st.equal,
    oracle: (tf, a, b) => tf.equal(a, b),
    expected: { dtype: 'bool', values: [1, 0, 0, 1] },
  },
  {
    name: 'notEqual of bools',
    inputs: [
      { shape: [4], dtype: 'bool', fill: [true, true, false, false] },
      { shape: [4], dtype: 'bool', fill: [true, false, true, false] },
    ],
    run: st.notEqual,
    expected: { dtype: 'bool', values: [0, 1, 1, 0] },
  },
  {
    name: 'lessEqual empty gives an empty bool tensor',
    inputs: [{ shape: [0, 2] }, { shape: [1, 2] }],
    run: st.lessEqual,
    expected: { shape: [0, 2], dtype: 'bool', values: [] },
  },
  {
    name: 'greaterEqual bad broadcast',
    inputs: [{ shape: [2, 3] }, { shape: [2] }],
    run: st.greaterEqual,
    throws: /^greaterEqual: shapes cannot be broadcast together: a.shape=\[2,3\], b.shape=\[2\]/,
  },
];

const BOOL_A: Fill = [true, true, false, false, true, false];
const logicalCases: OpCase[] = [
  {
    name: 'logicalNot',
    inputs: [{ shape: [3], dtype: 'bool', fill: [true, false, true] }],
    run: st.logicalNot,
    oracle: (tf, x) => tf.logicalNot(x),
    expected: { dtype: 'bool', values: [0, 1, 0] },
  },
  {
    name: 'logicalAnd broadcast',
    inputs: [
      { shape: [2, 3], dtype: 'bool', fill: BOOL_A },
      { shape: [3], dtype: 'bool', fill: [true, false, true] },
    ],
    run: st.logicalAnd,
    oracle: (tf, a, b) => tf.logicalAnd(a, b),
    expected: { dtype: 'bool', values: [1, 0, 0, 0, 0, 0] },
  },
  {
    name: 'logicalOr broadcast',
    inputs: [
      { shape: [2, 3], dtype: 'bool', fill: BOOL_A },
      { shape: [2, 1], dtype: 'bool', fill: [false, true] },
    ],
    run: st.logicalOr,
    oracle: (tf, a, b) => tf.logicalOr(a, b),
    expected: { dtype: 'bool', values: [1, 1, 0, 1, 1, 1] },
  },
  {
    name: 'logicalXor broadcast',
    inputs: [
      { shape: [2, 3], dtype: 'bool', fill: BOOL_A },
      { shape: [3], dtype: 'bool', fill: [true, false, true] },
    ],
    run: st.logicalXor,
    oracle: (tf, a, b) => tf.logicalXor(a, b),
    expected: { dtype: 'bool', values: [0, 1, 1, 1, 1, 1] },
  },
  {
    name: 'logicalAnd with a JS boolean',
    inputs: [{ shape: [2], dtype: 'bool', fill: [true, false] }],
    run: (a) => st.logicalAnd(a, true),
    expected: { dtype: 'bool', values: [1, 0] },
  },
  {
    name: 'logicalOr rank 0 and empty',
    inputs: [
      { shape: [], dtype: 'bool', fill: [true] },
      { shape: [0], dtype: 'bool' },
    ],
    run: st.logicalOr,
    expected: { shape: [0], dtype: 'bool', values: [] },
  },
  {
    name: 'logicalNot of float32',
    inputs: [{ shape: [2] }],
    run: st.logicalNot,
    throws: /^logicalNot: x must be bool, received float32 \(x.shape=\[2\]\); compare first/,
  },
  {
    name: 'logicalAnd of int32',
    inputs: [
      { shape: [2], dtype: 'bool' },
      { shape: [2, 2], dtype: 'int32' },
    ],
    run: st.logicalAnd,
    throws: /^logicalAnd: b must be bool, received int32 \(b.shape=\[2,2\]\)/,
  },
  {
    name: 'logicalXor of JS numbers',
    inputs: [{ shape: [2], dtype: 'bool' }],
    run: (a) => st.logicalXor(a, 1),
    throws: /^logicalXor: b must be bool, received int32 \(b.shape=\[\]\)/,
  },
];

const whereCases: OpCase[] = [
  {
    name: 'where vs tfjs',
    inputs: [{ shape: [2, 3], dtype: 'bool' }, { shape: [2, 3] }, { shape: [2, 3] }],
    run: st.where,
    oracle: (tf, c, a, b) => tf.where(c, a, b),
  },
  {
    name: 'where broadcasts all three vs tfjs',
    inputs: [{ shape: [3], dtype: 'bool' }, { shape: [2, 1] }, { shape: [] }],
    run: st.where,
    oracle: (tf, c, a, b) => tf.where(c, a, b),
    expected: { shape: [2, 3] },
  },
  {
    name: 'where broadcasts the condition up',
    inputs: [
      { shape: [2, 1, 1], dtype: 'bool', fill: [true, false] },
      { shape: [3], fill: [1, 2, 3] },
      { shape: [2, 1], fill: [-1, -2] },
    ],
    run: st.where,
    expected: { shape: [2, 2, 3], values: [1, 2, 3, 1, 2, 3, -1, -1, -1, -2, -2, -2] },
  },
  {
    name: 'where int32 with a JS number stays int32',
    inputs: [
      { shape: [3], dtype: 'bool', fill: [true, false, true] },
      { shape: [3], dtype: 'int32', fill: [4, 5, 6] },
    ],
    run: (c, a) => st.where(c, a, 0),
    expected: { dtype: 'int32', values: [4, 0, 6] },
  },
  {
    name: 'where int32 and float32 is float32',
    inputs: [
      { shape: [2], dtype: 'bool', fill: [true, false] },
      { shape: [2], dtype: 'int32', fill: [1, 2] },
      { shape: [2], fill: [0.5, 0.5] },
    ],
    run: st.where,
    expected: { dtype: 'float32', values: [1, 0.5] },
  },
  {
    name: 'where of bools',
    inputs: [
      { shape: [3], dtype: 'bool', fill: [true, false, true] },
      { shape: [3], dtype: 'bool', fill: [false, false, false] },
      { shape: [1], dtype: 'bool', fill: [true] },
    ],
    run: st.where,
    expected: { dtype: 'bool', values: [0, 1, 0] },
  },
  {
    name: 'where keeps NaN from the chosen side only',
    inputs: [
      { shape: [2], dtype: 'bool', fill: [true, false] },
      { shape: [2], fill: [NaN, NaN] },
      { shape: [2], fill: [1, 2] },
    ],
    run: st.where,
    expected: { values: [NaN, 2] },
  },
  {
    name: 'where rank 0',
    inputs: [{ shape: [], dtype: 'bool', fill: [false] }, { shape: [] }, { shape: [], fill: [7] }],
    run: st.where,
    expected: { shape: [], values: [7] },
  },
  {
    name: 'where empty',
    inputs: [{ shape: [0, 3], dtype: 'bool' }, { shape: [3] }, { shape: [1, 3] }],
    run: st.where,
    expected: { shape: [0, 3], values: [] },
  },
  {
    name: 'where with a float condition',
    inputs: [{ shape: [2] }, { shape: [2] }, { shape: [2] }],
    run: st.where,
    throws: /^where: condition must be bool, received float32 \(condition.shape=\[2\]\)/,
  },
  {
    name: 'where bad broadcast',
    inputs: [{ shape: [2], dtype: 'bool' }, { shape: [3] }, { shape: [1] }],
    run: st.where,
    throws: /^where: shapes cannot be broadcast together: condition.shape=\[2\], a.shape=\[3\], b.shape=\[1\]/,
  },
];

const clipCases: OpCase[] = [
  {
    name: 'clipByValue vs tfjs',
    inputs: [{ shape: [2, 3] }],
    run: (x) => st.clipByValue(x, -0.5, 0.7),
    oracle: (tf, x) => tf.clipByValue(x, -0.5, 0.7),
  },
  {
    name: 'clipByValue keeps NaN, clamps infinities',
    inputs: [{ shape: [4], fill: [NaN, -Infinity, Infinity, 0.3] }],
    run: (x) => st.clipByValue(x, -1, 1),
    expected: { values: [NaN, -1, 1, 0.3] },
  },
  {
    name: 'clipByValue with an infinite bound',
    inputs: [{ shape: [3], fill: [-2, 0.5, 1e30] }],
    run: (x) => st.clipByValue(x, 0, Infinity),
    expected: { values: [0, 0.5, 1e30] },
  },
  {
    name: 'clipByValue int32 stays int32',
    inputs: [{ shape: [5], dtype: 'int32', fill: [-7, -2, 0, 3, 9] }],
    run: (x) => st.clipByValue(x, -2, 3),
    oracle: (tf, x) => tf.clipByValue(x, -2, 3),
    expected: { dtype: 'int32', values: [-2, -2, 0, 3, 3] },
  },
  {
    name: 'clipByValue int32 with infinite and huge bounds',
    inputs: [{ shape: [3], dtype: 'int32', fill: [-7, 0, 2147483647] }],
    run: (x) => st.clipByValue(x, -Infinity, 1e12),
    expected: { dtype: 'int32', values: [-7, 0, 2147483647] },
  },
  {
    name: 'clipByValue int32 with a fractional bound is float',
    inputs: [{ shape: [3], dtype: 'int32', fill: [-1, 0, 1] }],
    run: (x) => st.clipByValue(x, -0.5, 0.5),
    expected: { dtype: 'float32', values: [-0.5, 0, 0.5] },
  },
  {
    name: 'clipByValue with min == max',
    inputs: [{ shape: [3] }],
    run: (x) => st.clipByValue(x, 2, 2),
    expected: { values: [2, 2, 2] },
  },
  {
    name: 'clipByValue min > max',
    inputs: [{ shape: [2] }],
    run: (x) => st.clipByValue(x, 2, 1),
    throws: /^clipByValue: min must be <= max, received min=2, max=1$/,
  },
  {
    name: 'clipByValue NaN bound',
    inputs: [{ shape: [2] }],
    run: (x) => st.clipByValue(x, NaN, 1),
    throws: /^clipByValue: min must be a number, received NaN$/,
  },
];

// Broadcasting corners, rank 0, empty tensors and JS inputs, on ops of each kind.
const cornerCases: OpCase[] = [
  {
    name: 'unary rank 0',
    inputs: [{ shape: [] }],
    run: st.tanh,
    oracle: (tf, x) => tf.tanh(x),
    expected: { shape: [] },
  },
  {
    name: 'unary empty',
    inputs: [{ shape: [2, 0] }],
    run: st.sigmoid,
    expected: { shape: [2, 0], dtype: 'float32', values: [] },
  },
  {
    name: 'unary empty int32 keeps its dtype',
    inputs: [{ shape: [0], dtype: 'int32' }],
    run: st.abs,
    expected: { shape: [0], dtype: 'int32', values: [] },
  },
  {
    name: 'predicate empty',
    inputs: [{ shape: [0] }],
    run: st.isNaN,
    expected: { shape: [0], dtype: 'bool', values: [] },
  },
  {
    name: 'binary [3,1] with [1,4]',
    inputs: [{ shape: [3, 1] }, { shape: [1, 4] }],
    run: st.squaredDifference,
    oracle: (tf, a, b) => tf.squaredDifference(a, b),
    expected: { shape: [3, 4] },
  },
  {
    name: 'binary rank 0 with [2,3]',
    inputs: [{ shape: [] }, { shape: [2, 3] }],
    run: st.minimum,
    oracle: (tf, a, b) => tf.minimum(a, b),
    expected: { shape: [2, 3] },
  },
  {
    name: 'binary [0] with [1]',
    inputs: [{ shape: [0] }, { shape: [1] }],
    run: st.maximum,
    expected: { shape: [0], values: [] },
  },
  {
    name: 'binary [2,0,3] with [1,3]',
    inputs: [{ shape: [2, 0, 3] }, { shape: [1, 3] }],
    run: st.pow,
    expected: { shape: [2, 0, 3], values: [] },
  },
  {
    name: 'binary [1,1,2] with [3,1]',
    inputs: [{ shape: [1, 1, 2] }, { shape: [3, 1] }],
    run: st.atan2,
    oracle: (tf, a, b) => tf.atan2(a, b),
    expected: { shape: [1, 3, 2] },
  },
  {
    name: 'JS nested arrays and numbers as inputs',
    inputs: [],
    run: () =>
      st.maximum(
        [
          [1, -2],
          [3, -4],
        ],
        0,
      ),
    expected: { shape: [2, 2], dtype: 'float32', values: [1, 0, 3, 0] },
  },
  {
    name: 'JS booleans as inputs',
    inputs: [],
    run: () => st.logicalXor([true, false], [[true], [false]]),
    expected: { shape: [2, 2], dtype: 'bool', values: [0, 1, 1, 0] },
  },
  {
    name: 'binary bad broadcast names both shapes',
    inputs: [{ shape: [2, 3] }, { shape: [4] }],
    run: st.maximum,
    throws: /^maximum: shapes cannot be broadcast together: a.shape=\[2,3\], b.shape=\[4\] \(axis -1 is 3 vs 4/,
  },
  {
    name: 'binary bad argument',
    inputs: [{ shape: [2] }],
    run: (a) => st.mod(a, null as never),
    throws: /^mod: b must be a Tensor, a number, a boolean or a \(nested\) array, received null/,
  },
  {
    name: 'unary bad argument',
    inputs: [],
    run: () => st.exp({} as never),
    throws: /^exp: x must be a Tensor, a number, a boolean or a \(nested\) array, received object/,
  },
];

/** Elementwise ops: unary, binary with broadcasting, comparisons, logical ops, where, clipByValue. */
export const elementwiseCases: readonly OpCase[] = [
  ...arithmeticCases,
  ...unaryCases,
  ...trigCases,
  ...roundingCases,
  ...activationCases,
  ...predicateCases,
  ...divisionCases,
  ...binaryMathCases,
  ...compareCases,
  ...logicalCases,
  ...whereCases,
  ...clipCases,
  ...cornerCases,
];
