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

/**
 * max(x, 0); NaN stays NaN.
 * @example
 * ```ts
 * relu(tensor([-1, 2])); // [0, 2]
 * ```
 */
export const relu = (x: OpInput): Tensor => callUnary(reluOp, x);
/**
 * min(max(x, 0), 6); NaN stays NaN.
 * @example
 * ```ts
 * relu6(tensor([-1, 3, 8])); // [0, 3, 6]
 * ```
 */
export const relu6 = (x: OpInput): Tensor => callUnary(relu6Op, x);
/**
 * 1 / (1 + e^-x).
 * @example
 * ```ts
 * sigmoid(tensor([0, 2])); // [0.5, 0.8808]
 * ```
 */
export const sigmoid = (x: OpInput): Tensor => callUnary(sigmoidOp, x);
/**
 * log(1 + e^x), computed without overflow.
 * @example
 * ```ts
 * softplus(tensor([0, 2])); // [0.6931, 2.127]
 * ```
 */
export const softplus = (x: OpInput): Tensor => callUnary(softplusOp, x);
/**
 * x for x > 0, e^x - 1 below.
 * @example
 * ```ts
 * elu(tensor([-1, 2])); // [-0.6321, 2]
 * ```
 */
export const elu = (x: OpInput): Tensor => callUnary(eluOp, x);
/**
 * Scaled elu with the self-normalising constants (scale 1.0507..., alpha 1.6732...).
 * @example
 * ```ts
 * selu(tensor([-1, 2])); // [-1.111, 2.101]
 * ```
 */
export const selu = (x: OpInput): Tensor => callUnary(seluOp, x);

/**
 * x for x >= 0, alpha * x below.
 * @example
 * ```ts
 * leakyRelu(tensor([-1, 2]), 0.1); // [-0.1, 2]
 * ```
 */
export function leakyRelu(x: OpInput, alpha = 0.2): Tensor {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha)) {
    throw opError(
      'leakyRelu',
      `alpha must be a finite number, received ${typeof alpha === 'number' ? alpha : typeof alpha}`,
    );
  }
  return callUnary(leakyReluOp, x, { alpha });
}
