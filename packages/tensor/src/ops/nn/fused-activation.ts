import { fmtShape, opError } from '../../errors';
import { dimsAgree } from './geometry';
import type { Dim, Shape } from '../../shape';
import type { TensorSpec } from '../../op';

/**
 * The activations a fused kernel (`_FusedMatMul`, `FusedConv2D`) applies after its bias, under
 * TensorFlow.js's names. Every tfjs 4.22 backend (cpu, wasm, webgpu) has all of these. tfjs's
 * `prelu` is left out: its weights are a second tensor input, and no Keras layer fuses it.
 */
export const FUSED_ACTIVATIONS = ['linear', 'relu', 'relu6', 'elu', 'leakyrelu', 'sigmoid'] as const;
/** The activations a fused matmul or convolution can apply: what tfjs's fused kernels offer. */
export type FusedActivation = (typeof FUSED_ACTIVATIONS)[number];

/** What a fused op records besides its geometry: the activation, and whether a bias input follows. */
export interface FusedAttrs {
  /** The activation applied after the bias. */
  activation: FusedActivation;
  /** The negative slope of `leakyrelu` (0.2 by default, as Keras and tfjs). */
  leakyreluAlpha: number;
  /** Whether a bias input follows the two operands. */
  hasBias: boolean;
}

/** The fused part of {@link fusedMatmul} and {@link fusedConv2d}: a bias and an activation. */
export interface FusedOptions {
  /** Added to the result before the activation: one value per output column / channel. */
  bias?: unknown;
  /** Applied last. Default: 'linear' (none). */
  activation?: FusedActivation;
  /** The negative slope of 'leakyrelu'. Default: 0.2. */
  leakyreluAlpha?: number;
}

/** Validates a fused op's activation options. */
export function fusedAttrs(op: string, options: FusedOptions): FusedAttrs {
  const { activation = 'linear', leakyreluAlpha = 0.2 } = options;
  if (!(FUSED_ACTIVATIONS as readonly string[]).includes(activation)) {
    throw opError(
      op,
      `activation must be one of ${FUSED_ACTIVATIONS.map((a) => `'${a}'`).join(', ')}, received ${JSON.stringify(activation)}; apply any other activation as a separate op`,
    );
  }
  if (typeof leakyreluAlpha !== 'number' || !Number.isFinite(leakyreluAlpha)) {
    throw opError(op, `leakyreluAlpha must be a finite number, received ${JSON.stringify(leakyreluAlpha)}`);
  }
  return { activation, leakyreluAlpha, hasBias: options.bias !== undefined && options.bias !== null };
}

/**
 * The bias must be a vector with one value per output channel: that is all the wasm kernels take,
 * and all a layer needs. `channels` is the last axis of the output.
 */
export function checkBias(op: string, bias: TensorSpec | undefined, channels: Dim, output: Shape): void {
  if (!bias) return;
  if (bias.shape.length !== 1 || !dimsAgree(bias.shape[0], channels)) {
    throw opError(
      op,
      `bias must have shape [${channels}] (one value per output channel), received bias.shape=${fmtShape(bias.shape)} for an output of shape ${fmtShape(output)}`,
    );
  }
}
