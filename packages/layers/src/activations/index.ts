import * as ops from '@strata/tensor';
import type { Tensor } from '@strata/tensor';
import { LayerError } from '../errors';
import { identifierKey } from '../serializable';

/** An activation: a function of one tensor. Built-ins carry their Keras name for serialization. */
export type Activation = ((x: Tensor) => Tensor) & {
  /** The Keras name configs save (`'relu'`); absent on a user's own function, which cannot be saved by name. */
  readonly activationName?: string;
};
/** An activation by name (`'relu'`, `'leaky_relu'`, `'leakyRelu'`), as a function, or null/undefined for linear. */
export type ActivationIdentifier = string | Activation | null | undefined;

function named(name: string, fn: (x: Tensor) => Tensor): Activation {
  return Object.assign(fn, { activationName: name });
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

// Each is written with @strata/tensor ops, so it differentiates and traces symbolically like any op.
/** The identity, `x` (Keras's `'linear'`, what a missing activation means). */
export const linear = named('linear', (x) => x);
/** `max(x, 0)`. */
export const relu = named('relu', (x) => ops.relu(x));
/** `min(max(x, 0), 6)`. */
export const relu6 = named('relu6', (x) => ops.relu6(x));
/** Keras's default negative slope is 0.2 (the layer LeakyReLU takes others). */
export const leakyRelu = named('leaky_relu', (x) => ops.leakyRelu(x, 0.2));
/** `x` for x > 0, `exp(x) − 1` otherwise. */
export const elu = named('elu', (x) => ops.elu(x));
/** Scaled ELU with Klambauer et al.'s constants (self-normalizing networks; pair with `lecunNormal`). */
export const selu = named('selu', (x) => ops.selu(x));
/** `1 / (1 + exp(−x))`. */
export const sigmoid = named('sigmoid', (x) => ops.sigmoid(x));
/** The hyperbolic tangent. */
export const tanh = named('tanh', (x) => ops.tanh(x));
/** `log(1 + exp(x))`, a smooth ReLU. */
export const softplus = named('softplus', (x) => ops.softplus(x));
/** `exp(x)`. */
export const exponential = named('exponential', (x) => ops.exp(x));
/** x / (1 + |x|) */
export const softsign = named('softsign', (x) => ops.tidy(() => ops.div(x, ops.add(ops.abs(x), 1))));
/** Keras 3's piecewise-linear sigmoid: relu6(x + 3) / 6. */
export const hardSigmoid = named('hard_sigmoid', (x) => ops.tidy(() => ops.div(ops.relu6(ops.add(x, 3)), 6)));
/** x · hard_sigmoid(x) = x · relu6(x + 3) / 6 (Keras 3's hard_silu, also known as hard_swish). */
export const hardSilu = named('hard_silu', (x) => ops.tidy(() => ops.mul(x, ops.div(ops.relu6(ops.add(x, 3)), 6))));
/** Keras's other name for {@link hardSilu}. */
export const hardSwish = hardSilu;
/** x · sigmoid(x), also known as swish. */
export const silu = named('silu', (x) => ops.tidy(() => ops.mul(x, ops.sigmoid(x))));
/** Keras's other name for {@link silu}. */
export const swish = silu;
/** x · tanh(softplus(x)) */
export const mish = named('mish', (x) => ops.tidy(() => ops.mul(x, ops.tanh(ops.softplus(x)))));
/** The exact GELU, x · Φ(x) = 0.5 x (1 + erf(x / √2)). */
export const gelu = named('gelu', (x) =>
  ops.tidy(() => ops.mul(ops.mul(x, 0.5), ops.add(ops.erf(ops.mul(x, Math.SQRT1_2)), 1))),
);
/** GELU's tanh approximation, 0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³))) (Keras's `approximate=True`). */
export const geluApproximate = named('gelu_approximate', (x) =>
  ops.tidy(() => {
    const inner = ops.mul(ops.add(x, ops.mul(ops.pow(x, 3), 0.044715)), SQRT_2_OVER_PI);
    return ops.mul(ops.mul(x, 0.5), ops.add(ops.tanh(inner), 1));
  }),
);
/** `exp(x) / sum(exp(x))` over the last axis: a probability distribution per row. */
export const softmax = named('softmax', (x) => ops.softmax(x, -1));
/** The logarithm of {@link softmax} over the last axis, computed stably. */
export const logSoftmax = named('log_softmax', (x) => ops.logSoftmax(x, -1));

const BUILT_IN: Activation[] = [
  linear,
  relu,
  relu6,
  leakyRelu,
  elu,
  selu,
  sigmoid,
  tanh,
  softplus,
  exponential,
  softsign,
  hardSigmoid,
  hardSilu,
  silu,
  mish,
  gelu,
  geluApproximate,
  softmax,
  logSoftmax,
];
const BY_NAME = new Map<string, Activation>(BUILT_IN.map((a) => [identifierKey(a.activationName!), a]));
BY_NAME.set('swish', silu);
BY_NAME.set('hardswish', hardSilu);
BY_NAME.set('none', linear);

/**
 * Resolves 'relu', 'leaky_relu', 'leakyRelu', a function, or null/undefined (= linear).
 *
 * @example
 * ```ts
 * const act = getActivation('leaky_relu');
 * act(tensor([-1, 1])); // [-0.2, 1]
 * ```
 */
export function getActivation(id: ActivationIdentifier): Activation {
  if (id === null || id === undefined) return linear;
  if (typeof id === 'function') return id;
  const found = typeof id === 'string' ? BY_NAME.get(identifierKey(id)) : undefined;
  if (!found) {
    throw new LayerError(
      `unknown activation ${JSON.stringify(id)}; expected one of ${BUILT_IN.map((a) => a.activationName).join(', ')}, or a function`,
    );
  }
  return found;
}

/**
 * The name an activation is saved under; custom functions need a name (registerSerializable, later).
 *
 * @example
 * ```ts
 * serializeActivation(getActivation('gelu')); // 'gelu'
 * ```
 */
export function serializeActivation(fn: Activation): string {
  if (fn.activationName) return fn.activationName;
  throw new LayerError(
    `cannot serialize the activation function ${fn.name || '(anonymous)'}: give it an activationName or use a built-in name`,
  );
}
