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
  x: ModelInputs;
  y: Targets | null | undefined;
  yPred: ModelOutputs;
  sampleWeight?: Targets | null;
  training: boolean;
}

/**
 * What the Trainer trains: something callable with trainable weights, as Keras 3's Trainer sees a
 * model. A Layer is one; `Model` (in @strata/models) is one. The optional methods are the
 * customisation points: when present, fit and evaluate call them instead of the Trainer's own.
 */
export interface Trainable {
  /** Runs the model: `training` is true inside fit's steps. */
  apply(inputs: ModelInputs, options?: { training?: boolean }): unknown;
  readonly trainableWeights: Variable[];
  readonly nonTrainableWeights?: Variable[];
  /** Every weight, in a stable order (default: trainable then non-trainable). */
  readonly weights?: Variable[];
  /** Regularization penalties and added losses, computed when read (joined to the loss in training). */
  readonly losses?: Tensor[];
  readonly name?: string;
  /** Names of the inputs: with them, inputs given as a record by name are passed to `apply` as a list in this order. */
  readonly inputNames?: readonly string[];
  /** Names of the outputs of a multi-output model, for per-output losses, metrics and logs. */
  readonly outputNames?: readonly string[];
  /** Keras's `model.stop_training`, also honoured. */
  stopTraining?: boolean;
  /** Saves the whole model (ModelCheckpoint uses it unless saveWeightsOnly). */
  save?(path: string): unknown;

  /** A custom training step (Keras 3's `train_step`): returns the logs as tensors. */
  trainStep?(data: StepData): Record<string, Tensor>;
  /** A custom evaluation step (`test_step`). */
  testStep?(data: StepData): Record<string, Tensor>;
  /** A custom prediction step (`predict_step`). */
  predictStep?(data: StepData): ModelOutputs;
  /** A custom loss (`compute_loss`). */
  computeLoss?(args: ComputeLossArgs): Tensor;
}
