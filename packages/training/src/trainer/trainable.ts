import type { Tensor, Variable } from '@strata/tensor';

/** What a model takes: one tensor, a list (several inputs), or named tensors. */
export type ModelInputs = Tensor | readonly Tensor[] | { readonly [name: string]: Tensor };
/** What a model returns: one tensor, a list (several outputs), or named tensors. */
export type ModelOutputs = Tensor | Tensor[] | { [name: string]: Tensor };
/** Labels or sample weights, shaped like the outputs (or one for all outputs). */
export type Targets = Tensor | readonly (Tensor | null)[] | { readonly [name: string]: Tensor | null };

/** One batch as a step receives it: `[x, y, sampleWeight]` (Keras's `data`), y and weights optional. */
export type StepData = readonly [x: ModelInputs, y?: Targets | null, sampleWeight?: Targets | null];

/** What computeLoss receives (Keras 3's compute_loss arguments). */
export interface ComputeLossArgs {
  /** The batch's inputs. */
  x: ModelInputs;
  /** The batch's targets, or null/undefined for a model that computes its own loss. */
  y: Targets | null | undefined;
  /** The model's outputs for `x`. */
  yPred: ModelOutputs;
  /** Per-sample loss weights, or null. */
  sampleWeight?: Targets | null;
  /** Whether this is a training step (false in evaluate). */
  training: boolean;
}

/**
 * What the compiled losses, metrics and callbacks see of a model: something callable with weights.
 * The Trainer is one (and so every Model).
 */
export interface Trainable {
  /** The weights the optimizer updates. */
  readonly trainableWeights: Variable[];
  /** The weights it leaves alone (running statistics, frozen layers). */
  readonly nonTrainableWeights: Variable[];
  /** Every weight, in a stable order (trainable then non-trainable). */
  readonly weights: Variable[];
  /** Regularization penalties and added losses, computed when read (joined to the loss in training). */
  readonly losses: Tensor[];
  /** The model's name (for messages). */
  readonly name: string;
  /** Names of the inputs: with them, inputs given as a record by name are passed to `apply` as a list in this order. */
  readonly inputNames?: readonly string[];
  /** Names of the outputs of a multi-output model, for per-output losses, metrics and logs. */
  readonly outputNames?: readonly string[];
  /** Saves the whole model (ModelCheckpoint uses it unless saveWeightsOnly). */
  save?(path: string): unknown;
}
