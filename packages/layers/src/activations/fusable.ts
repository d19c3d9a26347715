import type { FusedActivation } from '@strata/tensor';
import { elu, leakyRelu, linear, relu, relu6, sigmoid, type Activation } from './index';

/** How a fused kernel applies an activation: its name there, and leaky relu's slope. */
export interface FusedActivationArgs {
  activation: FusedActivation;
  leakyreluAlpha?: number;
}

// Matched by identity, not by name: a user's function may carry any name. Keras's leaky_relu
// activation has the fixed slope 0.2 (the LeakyReLU layer takes others).
const FUSABLE = new Map<Activation, FusedActivationArgs>([
  [linear, { activation: 'linear' }],
  [relu, { activation: 'relu' }],
  [relu6, { activation: 'relu6' }],
  [elu, { activation: 'elu' }],
  [sigmoid, { activation: 'sigmoid' }],
  [leakyRelu, { activation: 'leakyrelu', leakyreluAlpha: 0.2 }],
]);

/**
 * The fused kernels' form of a layer's activation, or null where the layer must apply it as its own
 * op (tanh, softmax, gelu, custom functions, ...). Dense and Conv2D use this to compute
 * activation(x·W + b) in one kernel.
 */
export function fusedActivation(fn: Activation): FusedActivationArgs | null {
  return FUSABLE.get(fn) ?? null;
}
