import { unaryDef, callUnary } from './define';
import { guardedUnary } from './guards';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';

// Trigonometric and hyperbolic functions: float32 for every input dtype. Inverse functions return
// NaN outside their domain (asin(2), acosh(0), atanh(2)).
/** The op of {@link sin}: its shape rule and kernel, the key of its gradient rule. */
export const sinOp = unaryDef('sin', 'Sin', { compute: 'float' });
/** The op of {@link cos}: its shape rule and kernel, the key of its gradient rule. */
export const cosOp = unaryDef('cos', 'Cos', { compute: 'float' });
/** The op of {@link tan}: its shape rule and kernel, the key of its gradient rule. */
export const tanOp = unaryDef('tan', 'Tan', { compute: 'float' });
/** The op of {@link asin}: its shape rule and kernel, the key of its gradient rule. */
export const asinOp = unaryDef('asin', 'Asin', { compute: 'float' });
/** The op of {@link acos}: its shape rule and kernel, the key of its gradient rule. */
export const acosOp = unaryDef('acos', 'Acos', { compute: 'float' });
/** The op of {@link atan}: its shape rule and kernel, the key of its gradient rule. */
export const atanOp = unaryDef('atan', 'Atan', { compute: 'float' });
/** The op of {@link sinh}: its shape rule and kernel, the key of its gradient rule. */
export const sinhOp = unaryDef('sinh', 'Sinh', { compute: 'float', compose: guardedUnary('Sinh', 'nonFinite') });
/** The op of {@link cosh}: its shape rule and kernel, the key of its gradient rule. */
export const coshOp = unaryDef('cosh', 'Cosh', { compute: 'float', compose: guardedUnary('Cosh') });
/** The op of {@link tanh}: its shape rule and kernel, the key of its gradient rule. */
export const tanhOp = unaryDef('tanh', 'Tanh', { compute: 'float' });
/** The op of {@link asinh}: its shape rule and kernel, the key of its gradient rule. */
export const asinhOp = unaryDef('asinh', 'Asinh', { compute: 'float', compose: guardedUnary('Asinh', 'nonFinite') });
/** The op of {@link acosh}: its shape rule and kernel, the key of its gradient rule. */
export const acoshOp = unaryDef('acosh', 'Acosh', { compute: 'float', compose: guardedUnary('Acosh') });
/** The op of {@link atanh}: its shape rule and kernel, the key of its gradient rule. */
export const atanhOp = unaryDef('atanh', 'Atanh', { compute: 'float', compose: guardedUnary('Atanh') });

/**
 * Sine (radians).
 * @example
 * ```ts
 * sin(tensor([0, Math.PI / 2])); // [0, 1]
 * ```
 */
export const sin = (x: OpInput): Tensor => callUnary(sinOp, x);
/**
 * Cosine (radians).
 * @example
 * ```ts
 * cos(tensor([0, Math.PI])); // [1, -1]
 * ```
 */
export const cos = (x: OpInput): Tensor => callUnary(cosOp, x);
/**
 * Tangent (radians).
 * @example
 * ```ts
 * tan(tensor([0, Math.PI / 4])); // [0, 1]
 * ```
 */
export const tan = (x: OpInput): Tensor => callUnary(tanOp, x);
/**
 * Inverse sine, in [-π/2, π/2].
 * @example
 * ```ts
 * asin(tensor([0, 1])); // [0, 1.571]
 * ```
 */
export const asin = (x: OpInput): Tensor => callUnary(asinOp, x);
/**
 * Inverse cosine, in [0, π].
 * @example
 * ```ts
 * acos(tensor([1, 0])); // [0, 1.571]
 * ```
 */
export const acos = (x: OpInput): Tensor => callUnary(acosOp, x);
/**
 * Inverse tangent, in (-π/2, π/2).
 * @example
 * ```ts
 * atan(tensor([0, 1])); // [0, 0.7854]
 * ```
 */
export const atan = (x: OpInput): Tensor => callUnary(atanOp, x);
/**
 * Hyperbolic sine.
 * @example
 * ```ts
 * sinh(tensor([0, 1])); // [0, 1.175]
 * ```
 */
export const sinh = (x: OpInput): Tensor => callUnary(sinhOp, x);
/**
 * Hyperbolic cosine.
 * @example
 * ```ts
 * cosh(tensor([0, 1])); // [1, 1.543]
 * ```
 */
export const cosh = (x: OpInput): Tensor => callUnary(coshOp, x);
/**
 * Hyperbolic tangent.
 * @example
 * ```ts
 * tanh(tensor([0, 1])); // [0, 0.7616]
 * ```
 */
export const tanh = (x: OpInput): Tensor => callUnary(tanhOp, x);
/**
 * Inverse hyperbolic sine.
 * @example
 * ```ts
 * asinh(tensor([0, 1])); // [0, 0.8814]
 * ```
 */
export const asinh = (x: OpInput): Tensor => callUnary(asinhOp, x);
/**
 * Inverse hyperbolic cosine (NaN below 1).
 * @example
 * ```ts
 * acosh(tensor([1, 2])); // [0, 1.317]
 * ```
 */
export const acosh = (x: OpInput): Tensor => callUnary(acoshOp, x);
/**
 * Inverse hyperbolic tangent (±Infinity at ±1, NaN beyond).
 * @example
 * ```ts
 * atanh(tensor([0, 0.5])); // [0, 0.5493]
 * ```
 */
export const atanh = (x: OpInput): Tensor => callUnary(atanhOp, x);
