import { opError } from '../../errors';
import { unaryDef, callUnary } from './define';
import { guardedUnary } from './guards';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

// relu and relu6 keep int32 (they only compare and clamp); the rest are float functions, so ints
// compute as float32 where TensorFlow.js would truncate (leakyRelu(int -3) = 0 there).
/** The op of {@link relu}: its shape rule and kernel, the key of its gradient rule. */
export const reluOp = unaryDef('relu', 'Relu');
/** The op of {@link relu6}: its shape rule and kernel, the key of its gradient rule. */
export const relu6Op = unaryDef('relu6', 'Relu6', { compose: guardedUnary('Relu6') });
/** The op of {@link sigmoid}: its shape rule and kernel, the key of its gradient rule. */
export const sigmoidOp = unaryDef('sigmoid', 'Sigmoid', { compute: 'float', compose: guardedUnary('Sigmoid') });
/** The op of {@link softplus}: its shape rule and kernel, the key of its gradient rule. */
export const softplusOp = unaryDef('softplus', 'Softplus', { compute: 'float', compose: guardedUnary('Softplus') });
/** The op of {@link elu}: its shape rule and kernel, the key of its gradient rule. */
export const eluOp = unaryDef('elu', 'Elu', { compute: 'float', compose: guardedUnary('Elu') });
/** The op of {@link selu}: its shape rule and kernel, the key of its gradient rule. */
export const seluOp = unaryDef('selu', 'Selu', { compute: 'float', compose: guardedUnary('Selu') });
/** The op of {@link leakyRelu}: its shape rule and kernel, the key of its gradient rule. */
export const leakyReluOp = unaryDef('leakyRelu', 'LeakyRelu', { compute: 'float' });

/** max(x, 0); NaN stays NaN. */
export const relu = (x: OpInput): Tensor => callUnary(reluOp, x);
/** min(max(x, 0), 6); NaN stays NaN. */
export const relu6 = (x: OpInput): Tensor => callUnary(relu6Op, x);
/** 1 / (1 + e^-x). */
export const sigmoid = (x: OpInput): Tensor => callUnary(sigmoidOp, x);
/** log(1 + e^x), computed without overflow. */
export const softplus = (x: OpInput): Tensor => callUnary(softplusOp, x);
/** x for x > 0, e^x - 1 below. */
export const elu = (x: OpInput): Tensor => callUnary(eluOp, x);
/** Scaled elu with the self-normalising constants (scale 1.0507..., alpha 1.6732...). */
export const selu = (x: OpInput): Tensor => callUnary(seluOp, x);

/** x for x >= 0, alpha * x below. */
export function leakyRelu(x: OpInput, alpha = 0.2): Tensor {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha)) {
    throw opError(
      'leakyRelu',
      `alpha must be a finite number, received ${typeof alpha === 'number' ? alpha : typeof alpha}`,
    );
  }
  return callUnary(leakyReluOp, x, { alpha });
}
