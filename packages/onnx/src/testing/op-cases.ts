// Test-only: the ops a subclassed model's call() (or a Lambda) may use, each in a one-op model.
// Inputs are x ∈ N(0, 1) of shape [batch, 3, 4].
import * as ops from '@strata/tensor';
import type { Tensor } from '@strata/tensor';
import { Model } from '@strata/models';

const positive = (x: Tensor) => ops.add(ops.abs(x), 0.5);
const unit = (x: Tensor) => ops.mul(ops.tanh(x), 0.9);
const ints = (x: Tensor) => ops.cast(ops.floor(ops.mul(x, 3)), 'int32');

/** Each op on float inputs; a few also on int32 or bool ones, as call() code may mix dtypes. */
export const OP_CASES: Record<string, (x: Tensor) => Tensor> = {
  'add/sub/mul/div': (x) => ops.div(ops.sub(ops.mul(ops.add(x, 1), x), 2), ops.add(ops.square(x), 1)),
  pow: (x) => ops.pow(positive(x), 1.5),
  'maximum/minimum': (x) => ops.minimum(ops.maximum(x, -0.5), 0.7),
  squaredDifference: (x) => ops.squaredDifference(x, 0.3),
  mod: (x) => ops.mod(x, 0.7),
  'mod int32': (x) => ops.cast(ops.mod(ints(x), 4), 'float32'),
  floorDiv: (x) => ops.floorDiv(x, 0.6),
  'floorDiv int32': (x) => ops.cast(ops.floorDiv(ints(x), 2), 'float32'),
  'comparisons and where': (x) =>
    ops.where(ops.logicalAnd(ops.greater(x, -1), ops.lessEqual(x, 1)), x, ops.where(ops.less(x, 0), -1, 1)),
  'equal/notEqual/logicalOr/Xor/Not': (x) =>
    ops.cast(
      ops.logicalXor(
        ops.logicalOr(ops.equal(ints(x), 0), ops.notEqual(ints(x), 1)),
        ops.logicalNot(ops.greaterEqual(x, 0)),
      ),
      'float32',
    ),
  'neg/abs/sign': (x) => ops.add(ops.neg(ops.abs(x)), ops.sign(x)),
  'sqrt/rsqrt/reciprocal': (x) =>
    ops.add(ops.sqrt(positive(x)), ops.mul(ops.rsqrt(positive(x)), ops.reciprocal(positive(x)))),
  'exp/expm1/log/log1p': (x) =>
    ops.add(ops.add(ops.exp(x), ops.expm1(x)), ops.add(ops.log(positive(x)), ops.log1p(positive(x)))),
  erf: (x) => ops.erf(x),
  'floor/ceil/round': (x) =>
    ops.add(ops.add(ops.floor(ops.mul(x, 3)), ops.ceil(ops.mul(x, 3))), ops.round(ops.mul(x, 3.3))),
  trigonometric: (x) => ops.add(ops.add(ops.sin(x), ops.cos(x)), ops.add(ops.tan(unit(x)), ops.atan(x))),
  'inverse trigonometric': (x) => ops.add(ops.asin(unit(x)), ops.acos(unit(x))),
  hyperbolic: (x) => ops.add(ops.add(ops.sinh(x), ops.cosh(x)), ops.add(ops.asinh(x), ops.atanh(unit(x)))),
  acosh: (x) => ops.acosh(ops.add(positive(x), 1)),
  activations: (x) =>
    ops.add(
      ops.add(ops.relu(x), ops.relu6(ops.mul(x, 4))),
      ops.add(ops.elu(x), ops.add(ops.selu(x), ops.leakyRelu(x, 0.3))),
    ),
  'sigmoid/softplus': (x) => ops.add(ops.sigmoid(x), ops.softplus(x)),
  'isNaN/isInf/isFinite': (x) =>
    ops.cast(
      ops.logicalAnd(ops.logicalNot(ops.isNaN(x)), ops.logicalAnd(ops.isFinite(x), ops.logicalNot(ops.isInf(x)))),
      'float32',
    ),
  clipByValue: (x) => ops.clipByValue(x, -0.4, 0.6),
  'sum/mean/max/min/prod': (x) =>
    ops.add(ops.add(ops.sum(x, 1), ops.mean(x, 1)), ops.add(ops.max(x, 1), ops.add(ops.min(x, 1), ops.prod(x, 1)))),
  'keepDims and all axes': (x) => ops.add(ops.sum(x, [1, 2], true), ops.mean(x, -1, true)),
  logSumExp: (x) => ops.logSumExp(x, -1),
  'all/any': (x) => ops.cast(ops.logicalOr(ops.all(ops.greater(x, -2), 1), ops.any(ops.greater(x, 1), 1)), 'float32'),
  'argMax/argMin': (x) => ops.cast(ops.add(ops.argMax(x, 2), ops.argMin(x, 2)), 'float32'),
  cumsum: (x) => ops.add(ops.cumsum(x, 1), ops.cumsum(x, 2, { exclusive: true, reverse: true })),
  'reshape/transpose/expandDims/squeeze': (x) =>
    ops.squeeze(ops.expandDims(ops.transpose(ops.reshape(x, [-1, 2, 6]), [0, 2, 1]), 1), [1]),
  'concat/stack/unstack/split': (x) => {
    const [a, b] = ops.split(x, [1, 3], 2);
    const rows = ops.unstack(x, 1);
    return ops.concat([ops.concat([a, b], 2), ops.stack(rows, 1)], 1);
  },
  'slice/stridedSlice/reverse': (x) =>
    ops.concat(
      [
        ops.slice(x, [0, 1, 0], [-1, 2, -1]),
        ops.stridedSlice(ops.reverse(x, [1, 2]), [0, 0, 0], [0, 3, 4], [1, 2, 1], { beginMask: 1, endMask: 1 }),
      ],
      1,
    ),
  'tile/pad/broadcastTo': (x) =>
    ops.add(
      ops.tile(
        ops.pad(
          x,
          [
            [0, 0],
            [1, 0],
            [0, 2],
          ],
          { mode: 'reflect' },
        ),
        [1, 1, 2],
      ),
      ops.broadcastTo(1, [1, 4, 12]),
    ),
  'constant pad': (x) =>
    ops.pad(
      x,
      [
        [0, 0],
        [2, 1],
        [1, 1],
      ],
      { constantValue: 0.5 },
    ),
  'gather/gatherND/oneHot': (x) =>
    ops.add(
      ops.add(
        ops.gather(x, ops.tensor([2, 0], undefined, 'int32'), 1),
        ops.gatherND(x, ops.tensor([[0, 1]], undefined, 'int32')),
      ),
      ops.sum(ops.oneHot(ops.tensor([1, 3], undefined, 'int32'), 4), 0),
    ),
  'matmul/transposes/einsum': (x) =>
    ops.add(ops.matmul(x, x, { transposeB: true }), ops.einsum('bij,bkj->bik', x, ops.mul(x, 2))),
  'softmax/logSoftmax': (x) => ops.add(ops.softmax(x, 1), ops.logSoftmax(x, -1)),
  'zerosLike/onesLike': (x) => ops.add(ops.zerosLike(x), ops.mul(ops.onesLike(x), 2)),
};

export class OneOp extends Model {
  constructor(readonly fn: (x: Tensor) => Tensor) {
    super({ name: 'one_op' });
  }
  override call(x: Tensor): Tensor {
    return this.fn(x);
  }
}

/** A built one-op model. */
export function oneOpModel(fn: (x: Tensor) => Tensor): OneOp {
  const model = new OneOp(fn);
  model.build([null, 3, 4]);
  return model;
}
