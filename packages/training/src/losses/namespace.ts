// The `losses` namespace, as keras.losses: the loss classes and functions and `get`, without the
// registry and reduction helpers the metrics and the Trainer share.
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone); the module-level
// aliases keep its inlined names from being shadowed by the members.
import * as I from './index';

const Loss_ = I.Loss;
type Loss_ = I.Loss;
const LossFunctionWrapper_ = I.LossFunctionWrapper;
type LossFunctionWrapper_ = I.LossFunctionWrapper;
const meanSquaredError_ = I.meanSquaredError;
const meanAbsoluteError_ = I.meanAbsoluteError;
const meanAbsolutePercentageError_ = I.meanAbsolutePercentageError;
const meanSquaredLogarithmicError_ = I.meanSquaredLogarithmicError;
const huber_ = I.huber;
const logCosh_ = I.logCosh;
const cosineSimilarity_ = I.cosineSimilarity;
const MeanSquaredError_ = I.MeanSquaredError;
type MeanSquaredError_ = I.MeanSquaredError;
const MeanAbsoluteError_ = I.MeanAbsoluteError;
type MeanAbsoluteError_ = I.MeanAbsoluteError;
const MeanAbsolutePercentageError_ = I.MeanAbsolutePercentageError;
type MeanAbsolutePercentageError_ = I.MeanAbsolutePercentageError;
const MeanSquaredLogarithmicError_ = I.MeanSquaredLogarithmicError;
type MeanSquaredLogarithmicError_ = I.MeanSquaredLogarithmicError;
const Huber_ = I.Huber;
type Huber_ = I.Huber;
const LogCosh_ = I.LogCosh;
type LogCosh_ = I.LogCosh;
const CosineSimilarity_ = I.CosineSimilarity;
type CosineSimilarity_ = I.CosineSimilarity;
const binaryCrossentropy_ = I.binaryCrossentropy;
const categoricalCrossentropy_ = I.categoricalCrossentropy;
const sparseCategoricalCrossentropy_ = I.sparseCategoricalCrossentropy;
const kullbackLeiblerDivergence_ = I.kullbackLeiblerDivergence;
const poisson_ = I.poisson;
const BinaryCrossentropy_ = I.BinaryCrossentropy;
type BinaryCrossentropy_ = I.BinaryCrossentropy;
const CategoricalCrossentropy_ = I.CategoricalCrossentropy;
type CategoricalCrossentropy_ = I.CategoricalCrossentropy;
const SparseCategoricalCrossentropy_ = I.SparseCategoricalCrossentropy;
type SparseCategoricalCrossentropy_ = I.SparseCategoricalCrossentropy;
const KLDivergence_ = I.KLDivergence;
type KLDivergence_ = I.KLDivergence;
const Poisson_ = I.Poisson;
type Poisson_ = I.Poisson;
const hinge_ = I.hinge;
const squaredHinge_ = I.squaredHinge;
const categoricalHinge_ = I.categoricalHinge;
const Hinge_ = I.Hinge;
type Hinge_ = I.Hinge;
const SquaredHinge_ = I.SquaredHinge;
type SquaredHinge_ = I.SquaredHinge;
const CategoricalHinge_ = I.CategoricalHinge;
type CategoricalHinge_ = I.CategoricalHinge;
const get_ = I.getLoss;
type Reduction_ = I.Reduction;
type LossArgs_ = I.LossArgs;
type LossFunction_ = I.LossFunction;
type CrossentropyOptions_ = I.CrossentropyOptions;
type SparseCrossentropyOptions_ = I.SparseCrossentropyOptions;
type LossIdentifier_ = I.LossIdentifier;

export namespace losses {
  /**
   * The base of every loss. `call(yTrue, yPred)` gives the loss of each sample; `apply(yTrue, yPred,
   * sampleWeight?)` weights and reduces them (Keras's `__call__`).
   *
   * @example
   * ```ts
   * class MeanFourthPower extends Loss {
   *   static override className = 'MeanFourthPower';
   *   call(yTrue: Tensor, yPred: Tensor): Tensor {
   *     return mean(pow(sub(yPred, yTrue), 4), -1); // one loss per sample
   *   }
   * }
   * model.compile({ optimizer: 'adam', loss: new MeanFourthPower() });
   * ```
   */
  export const Loss: typeof Loss_ = Loss_;
  /** The instance type of `Loss`. */
  export type Loss = Loss_;
  /**
   * A Loss around a per-sample function and its options (Keras's LossFunctionWrapper).
   *
   * @example
   * ```ts
   * const loss = new LossFunctionWrapper((yTrue, yPred) => mean(abs(sub(yPred, yTrue)), -1), { name: 'my_mae' });
   * ```
   */
  export const LossFunctionWrapper: typeof LossFunctionWrapper_ = LossFunctionWrapper_;
  /** The instance type of `LossFunctionWrapper`. */
  export type LossFunctionWrapper = LossFunctionWrapper_;
  /**
   * mean((yPred - yTrue)²) over the last axis.
   *
   * @example
   * ```ts
   * meanSquaredError(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [1, 0]])); // [0.5, 0.5]
   * ```
   */
  export const meanSquaredError: typeof meanSquaredError_ = meanSquaredError_;
  /**
   * mean(|yPred - yTrue|) over the last axis.
   *
   * @example
   * ```ts
   * meanAbsoluteError(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [1, 0]])); // [0.5, 0.5]
   * ```
   */
  export const meanAbsoluteError: typeof meanAbsoluteError_ = meanAbsoluteError_;
  /**
   * 100 · mean(|yTrue - yPred| / max(|yTrue|, ε)) over the last axis.
   *
   * @example
   * ```ts
   * meanAbsolutePercentageError(tensor([[2, 1], [2, 3]]), tensor([[1, 1], [1, 0]])); // [25, 75]
   * ```
   */
  export const meanAbsolutePercentageError: typeof meanAbsolutePercentageError_ = meanAbsolutePercentageError_;
  /**
   * mean((log(max(yPred, ε) + 1) - log(max(yTrue, ε) + 1))²) over the last axis.
   *
   * @example
   * ```ts
   * meanSquaredLogarithmicError(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [1, 0]])); // [0.240, 0.240]
   * ```
   */
  export const meanSquaredLogarithmicError: typeof meanSquaredLogarithmicError_ = meanSquaredLogarithmicError_;
  /**
   * Quadratic for |error| <= delta, linear beyond (Huber loss), averaged over the last axis.
   *
   * @example
   * ```ts
   * huber(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // [0.18, 0.13]
   * ```
   */
  export const huber: typeof huber_ = huber_;
  /**
   * mean(log(cosh(yPred - yTrue))) over the last axis, computed as x + softplus(-2x) - log 2 (no overflow).
   *
   * @example
   * ```ts
   * logCosh(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [0, 0]])); // [0.217, 0]
   * ```
   */
  export const logCosh: typeof logCosh_ = logCosh_;
  /**
   * -cos(yTrue, yPred) along `axis`: -1 for vectors pointing the same way (so minimising aligns them).
   *
   * @example
   * ```ts
   * cosineSimilarity(tensor([[0, 1], [1, 1]]), tensor([[1, 0], [1, 1]]), 1); // [0, -1]
   * ```
   */
  export const cosineSimilarity: typeof cosineSimilarity_ = cosineSimilarity_;
  /**
   * Loss class: mean squared error.
   *
   * Labels and predictions: [batch, ...], the same shape. Per sample: the mean over the last axis.
   *
   * @example
   * ```ts
   * const loss = new MeanSquaredError();
   * loss.apply(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [1, 0]])); // 0.5
   * model.compile({ optimizer: 'adam', loss: 'mse' }); // the same loss, by name
   * ```
   */
  export const MeanSquaredError: typeof MeanSquaredError_ = MeanSquaredError_;
  /** The instance type of `MeanSquaredError`. */
  export type MeanSquaredError = MeanSquaredError_;
  /**
   * Loss class: mean absolute error.
   *
   * Labels and predictions: [batch, ...], the same shape. Per sample: the mean over the last axis.
   *
   * @example
   * ```ts
   * new MeanAbsoluteError().apply(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [1, 0]])); // 0.5
   * ```
   */
  export const MeanAbsoluteError: typeof MeanAbsoluteError_ = MeanAbsoluteError_;
  /** The instance type of `MeanAbsoluteError`. */
  export type MeanAbsoluteError = MeanAbsoluteError_;
  /**
   * Loss class: mean absolute percentage error.
   *
   * `100 · mean(|yTrue − yPred| / max(|yTrue|, ε))` over the last axis.
   *
   * @example
   * ```ts
   * new MeanAbsolutePercentageError().apply(tensor([[2, 1], [2, 3]]), tensor([[1, 1], [1, 0]])); // 50
   * ```
   */
  export const MeanAbsolutePercentageError: typeof MeanAbsolutePercentageError_ = MeanAbsolutePercentageError_;
  /** The instance type of `MeanAbsolutePercentageError`. */
  export type MeanAbsolutePercentageError = MeanAbsolutePercentageError_;
  /**
   * Loss class: mean squared logarithmic error.
   *
   * `mean((log(yPred + 1) − log(yTrue + 1))²)` over the last axis: relative errors, for positive targets.
   *
   * @example
   * ```ts
   * new MeanSquaredLogarithmicError().apply(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [1, 0]])); // 0.240
   * ```
   */
  export const MeanSquaredLogarithmicError: typeof MeanSquaredLogarithmicError_ = MeanSquaredLogarithmicError_;
  /** The instance type of `MeanSquaredLogarithmicError`. */
  export type MeanSquaredLogarithmicError = MeanSquaredLogarithmicError_;
  /**
   * Loss class: Huber loss with threshold `delta` (default 1).
   *
   * Per element: `0.5 x²` where |x| ≤ delta, `delta · (|x| − 0.5 delta)` beyond (x = yPred − yTrue); averaged over the
   * last axis. Less sensitive to outliers than the squared error.
   *
   * @example
   * ```ts
   * new Huber({ delta: 1 }).apply(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // 0.155
   * ```
   */
  export const Huber: typeof Huber_ = Huber_;
  /** The instance type of `Huber`. */
  export type Huber = Huber_;
  /**
   * Loss class: log-cosh.
   *
   * `log(cosh(yPred − yTrue))` averaged over the last axis: about x²/2 for small errors and |x| − log 2 for large ones.
   *
   * @example
   * ```ts
   * new LogCosh().apply(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [0, 0]])); // 0.108
   * ```
   */
  export const LogCosh: typeof LogCosh_ = LogCosh_;
  /** The instance type of `LogCosh`. */
  export type LogCosh = LogCosh_;
  /**
   * Loss class: negative cosine similarity along `axis`.
   *
   * `−sum(l2Normalize(yTrue) · l2Normalize(yPred))` along `axis`: −1 where the vectors point the same way, 0 where
   * orthogonal.
   *
   * @example
   * ```ts
   * new CosineSimilarity({ axis: 1 }).apply(tensor([[0, 1], [1, 1]]), tensor([[1, 0], [1, 1]])); // -0.5
   * ```
   */
  export const CosineSimilarity: typeof CosineSimilarity_ = CosineSimilarity_;
  /** The instance type of `CosineSimilarity`. */
  export type CosineSimilarity = CosineSimilarity_;
  /**
   * Element-wise binary crossentropy averaged over the last axis; stable for extreme logits.
   *
   * @example
   * ```ts
   * binaryCrossentropy(tensor([[0, 1]]), tensor([[0.4, 0.6]])); // [0.511]
   * ```
   */
  export const binaryCrossentropy: typeof binaryCrossentropy_ = binaryCrossentropy_;
  /**
   * Crossentropy between one-hot (or soft) labels and class probabilities or logits along the last axis.
   *
   * @example
   * ```ts
   * categoricalCrossentropy(tensor([[0, 1, 0]]), tensor([[0.05, 0.95, 0]])); // [0.051]
   * ```
   */
  export const categoricalCrossentropy: typeof categoricalCrossentropy_ = categoricalCrossentropy_;
  /**
   * Crossentropy between integer class labels and class probabilities or logits along the last axis.
   *
   * @example
   * ```ts
   * sparseCategoricalCrossentropy(tensor([1]), tensor([[0.05, 0.95, 0]])); // [0.051]
   * ```
   */
  export const sparseCategoricalCrossentropy: typeof sparseCategoricalCrossentropy_ = sparseCategoricalCrossentropy_;
  /**
   * sum(yTrue · log(yTrue / yPred)) over the last axis, both clipped to [ε, 1].
   *
   * @example
   * ```ts
   * kullbackLeiblerDivergence(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // [0.916, 0]
   * ```
   */
  export const kullbackLeiblerDivergence: typeof kullbackLeiblerDivergence_ = kullbackLeiblerDivergence_;
  /**
   * mean(yPred - yTrue · log(yPred + ε)) over the last axis: the Poisson negative log-likelihood up to a constant.
   *
   * @example
   * ```ts
   * poisson(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [0, 0]])); // [1, 0]
   * ```
   */
  export const poisson: typeof poisson_ = poisson_;
  /**
   * Loss class: binary crossentropy, with `fromLogits` and `labelSmoothing`.
   *
   * For binary (0/1) labels, one per element: `−(y log p + (1 − y) log(1 − p))`, averaged over the last axis. Labels and
   * predictions share their shape; predictions are probabilities, or logits with `fromLogits`.
   *
   * @example
   * ```ts
   * const loss = new BinaryCrossentropy({ fromLogits: true });
   * loss.apply(tensor([0, 1, 0, 0]), tensor([-18.6, 0.51, 2.94, -12.8])); // 0.865
   * ```
   */
  export const BinaryCrossentropy: typeof BinaryCrossentropy_ = BinaryCrossentropy_;
  /** The instance type of `BinaryCrossentropy`. */
  export type BinaryCrossentropy = BinaryCrossentropy_;
  /**
   * Loss class: categorical crossentropy over one-hot labels, with `fromLogits` and `labelSmoothing`.
   *
   * Labels: one-hot (or soft) [batch, ..., classes]; predictions: probabilities (or logits) of the same shape. Per
   * sample: `−sum(y log p)` over the last axis.
   *
   * @example
   * ```ts
   * const yTrue = tensor([[0, 1, 0], [0, 0, 1]]);
   * const yPred = tensor([[0.05, 0.95, 0], [0.1, 0.8, 0.1]]);
   * new CategoricalCrossentropy().apply(yTrue, yPred); // 1.177
   * ```
   */
  export const CategoricalCrossentropy: typeof CategoricalCrossentropy_ = CategoricalCrossentropy_;
  /** The instance type of `CategoricalCrossentropy`. */
  export type CategoricalCrossentropy = CategoricalCrossentropy_;
  /**
   * Loss class: categorical crossentropy over integer labels, with `fromLogits` and `ignoreClass`.
   *
   * Labels: integer class indices [batch, ...] (or [batch, ..., 1]); predictions: [batch, ..., classes]. The loss for
   * MNIST-style labels, with no one-hot encoding.
   *
   * @example
   * ```ts
   * const yPred = tensor([[0.05, 0.95, 0], [0.1, 0.8, 0.1]]);
   * new SparseCategoricalCrossentropy().apply(tensor([1, 2]), yPred); // 1.177
   * model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
   * ```
   */
  export const SparseCategoricalCrossentropy: typeof SparseCategoricalCrossentropy_ = SparseCategoricalCrossentropy_;
  /** The instance type of `SparseCategoricalCrossentropy`. */
  export type SparseCategoricalCrossentropy = SparseCategoricalCrossentropy_;
  /**
   * Loss class: Kullback-Leibler divergence.
   *
   * `sum(yTrue · log(yTrue / yPred))` over the last axis, for two distributions.
   *
   * @example
   * ```ts
   * new KLDivergence().apply(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // 0.458
   * ```
   */
  export const KLDivergence: typeof KLDivergence_ = KLDivergence_;
  /** The instance type of `KLDivergence`. */
  export type KLDivergence = KLDivergence_;
  /**
   * Loss class: Poisson.
   *
   * `mean(yPred − yTrue · log(yPred + ε))` over the last axis, for count targets.
   *
   * @example
   * ```ts
   * new Poisson().apply(tensor([[0, 1], [0, 0]]), tensor([[1, 1], [0, 0]])); // 0.5
   * ```
   */
  export const Poisson: typeof Poisson_ = Poisson_;
  /** The instance type of `Poisson`. */
  export type Poisson = Poisson_;
  /**
   * mean(max(1 - yTrue·yPred, 0)) over the last axis; labels in {-1, 1} or {0, 1}.
   *
   * @example
   * ```ts
   * hinge(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // [1.1, 1.5]
   * ```
   */
  export const hinge: typeof hinge_ = hinge_;
  /**
   * mean(max(1 - yTrue·yPred, 0)²) over the last axis; labels in {-1, 1} or {0, 1}.
   *
   * @example
   * ```ts
   * squaredHinge(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // [1.46, 2.26]
   * ```
   */
  export const squaredHinge: typeof squaredHinge_ = squaredHinge_;
  /**
   * max(max((1 - yTrue)·yPred) - sum(yTrue·yPred) + 1, 0): the margin of the true class over the best other, for one-hot
   * labels.
   *
   * @example
   * ```ts
   * categoricalHinge(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // [1.2, 1.6]
   * ```
   */
  export const categoricalHinge: typeof categoricalHinge_ = categoricalHinge_;
  /**
   * Loss class: hinge.
   *
   * `mean(max(1 − yTrue · yPred, 0))` over the last axis, for labels in {−1, 1} (0/1 labels are mapped to −1/1).
   *
   * @example
   * ```ts
   * new Hinge().apply(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // 1.3
   * ```
   */
  export const Hinge: typeof Hinge_ = Hinge_;
  /** The instance type of `Hinge`. */
  export type Hinge = Hinge_;
  /**
   * Loss class: squared hinge.
   *
   * `mean(max(1 − yTrue · yPred, 0)²)` over the last axis, for labels in {−1, 1} (or 0/1).
   *
   * @example
   * ```ts
   * new SquaredHinge().apply(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // 1.86
   * ```
   */
  export const SquaredHinge: typeof SquaredHinge_ = SquaredHinge_;
  /** The instance type of `SquaredHinge`. */
  export type SquaredHinge = SquaredHinge_;
  /**
   * Loss class: categorical hinge.
   *
   * `max(max((1 − yTrue) · yPred) − sum(yTrue · yPred) + 1, 0)` per sample, for one-hot labels.
   *
   * @example
   * ```ts
   * new CategoricalHinge().apply(tensor([[0, 1], [0, 0]]), tensor([[0.6, 0.4], [0.4, 0.6]])); // 1.4
   * ```
   */
  export const CategoricalHinge: typeof CategoricalHinge_ = CategoricalHinge_;
  /** The instance type of `CategoricalHinge`. */
  export type CategoricalHinge = CategoricalHinge_;
  /**
   * A loss from its name, config, function or instance, as `keras.losses.get`.
   * @example
   * ```ts
   * losses.get('mse');
   * ```
   */
  export const get: typeof get_ = get_;
  /** How per-sample losses become one number (Keras's reductions; camelCase spellings accepted too). */
  export type Reduction = Reduction_;
  /** The options every loss takes. */
  export type LossArgs = LossArgs_;
  /** A per-sample loss function: `fn(yTrue, yPred)` → one loss per sample. */
  export type LossFunction = LossFunction_;
  /** The options of the crossentropy losses on probabilities or logits. */
  export type CrossentropyOptions = CrossentropyOptions_;
  /** The options of the sparse (integer label) crossentropy. */
  export type SparseCrossentropyOptions = SparseCrossentropyOptions_;
  /** What compile() and getLoss() accept as a loss: an instance, a name, `{className, config}` or a per-sample function. */
  export type LossIdentifier = LossIdentifier_;
}
