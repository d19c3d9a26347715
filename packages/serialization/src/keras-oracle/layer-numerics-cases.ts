// The layer-numerics cases compared with Keras 3 (layer-numerics.test.ts): every built-in layer of
// layer-specs.ts that Keras has, plus the options whose numerics tfjs-layers cannot check (masks,
// causal attention, RNN flags, normalization axes, adapt()). Data only: the test runs them.
import { GRU, LSTM, SimpleRNN } from '@strata/layers';
import { LAYER_SPECS } from '../testing/layer-specs';
import { NOT_SENT_TO_KERAS } from './cases';

/** A mask of 0/1 values ([batch, time], or [batch, Tq, Tv] for attention), given to both sides as booleans. */
export type MaskValues = number[][] | number[][][];

export interface NumericsCase {
  name: string;
  /** The Strata (and Keras) class name. */
  className: string;
  options: () => Record<string, unknown>;
  /** Per-sample input shapes (no batch axis). */
  inputs: number[][];
  /** Integer ids in [0, intMax) (Embedding). */
  intMax?: number;
  /** How Keras's layer takes several inputs: `layer([a, b])` (default) or `layer(a, b)`. */
  style?: 'list' | 'positional';
  masks?: Record<string, MaskValues>;
  /** Strata's call options besides `training`; a string '$m' names a mask of `masks`, a list of them a list. */
  strata?: Record<string, unknown>;
  /** Keras's call kwargs, written the same way. */
  keras?: Record<string, unknown>;
  /** Keras masks carried by the inputs themselves (`_keras_mask`), one per input or null. */
  kerasInputMasks?: (string | null)[];
  /** Also compare with `training: true` (default true; false where training draws random numbers). */
  training?: boolean;
  /** `layer.adapt(data)` on both sides first, with seeded data of this per-sample shape and batch. */
  adapt?: { shape: number[]; batch: number };
  /** An absolute tolerance above 1e-5, with the reason. */
  tolerance?: { value: number; reason: string };
}

export const BATCH = 3;

/** Layers whose training-mode output is random: compared in inference only. */
const RANDOM_IN_TRAINING = new Set([
  'Dropout',
  'SpatialDropout1D',
  'SpatialDropout2D',
  'SpatialDropout3D',
  'GaussianNoise',
  'GaussianDropout',
]);

const catalog: NumericsCase[] = Object.entries(LAYER_SPECS)
  .filter(([name]) => !(name in NOT_SENT_TO_KERAS))
  .map(([name, spec]) => ({
    name,
    className: name,
    options: spec.options,
    inputs: spec.inputs,
    intMax: spec.intMax,
    style: name === 'MultiHeadAttention' ? 'positional' : 'list',
    training: !RANDOM_IN_TRAINING.has(name),
  }));

// Batch 3, time 5: the second sample masked at its end, the third at its start and middle.
const timeMask: MaskValues = [
  [1, 1, 1, 1, 1],
  [1, 1, 1, 0, 0],
  [0, 1, 0, 1, 1],
];
const queryMask: MaskValues = [
  [1, 1, 1],
  [1, 0, 1],
  [0, 1, 1],
];
const valueMask: MaskValues = [
  [1, 1, 1, 1, 1],
  [1, 1, 0, 0, 1],
  [1, 0, 1, 1, 0],
];

const rnn = (name: string, className: string, options: Record<string, unknown>, masked = false): NumericsCase => ({
  name,
  className,
  options: () => ({ units: 3, ...options }),
  inputs: [[5, 2]],
  ...(masked ? { masks: { m: timeMask }, strata: { mask: '$m' }, keras: { mask: '$m' } } : {}),
});

const variants: NumericsCase[] = [
  {
    name: 'BatchNormalization_conv_momentum',
    className: 'BatchNormalization',
    options: () => ({ momentum: 0.9, epsilon: 0.01 }),
    inputs: [[3, 3, 2]],
  },
  {
    name: 'BatchNormalization_axis1_no_scale',
    className: 'BatchNormalization',
    options: () => ({ axis: 1, scale: false }),
    inputs: [[3, 4]],
  },
  {
    name: 'LayerNormalization_two_axes',
    className: 'LayerNormalization',
    options: () => ({ axis: [1, 2] }),
    inputs: [[3, 4]],
  },
  {
    name: 'LayerNormalization_rms_scaling',
    className: 'LayerNormalization',
    options: () => ({ rmsScaling: true }),
    inputs: [[3, 4]],
  },
  {
    name: 'GroupNormalization_image',
    className: 'GroupNormalization',
    options: () => ({ groups: 2, epsilon: 0.01 }),
    inputs: [[3, 3, 4]],
  },
  {
    name: 'UnitNormalization_two_axes',
    className: 'UnitNormalization',
    options: () => ({ axis: [1, 2] }),
    inputs: [[3, 4]],
  },
  {
    name: 'EinsumDense_3d',
    className: 'EinsumDense',
    options: () => ({ equation: 'abc,cde->abde', outputShape: [null, 2, 3], biasAxes: 'de', activation: 'relu' }),
    inputs: [[4, 3]],
  },
  {
    name: 'EinsumDense_ellipsis',
    className: 'EinsumDense',
    options: () => ({ equation: '...b,bc->...c', outputShape: 3 }),
    inputs: [[2, 4]],
  },
  {
    name: 'MultiHeadAttention_masks',
    className: 'MultiHeadAttention',
    options: () => ({ numHeads: 2, keyDim: 3 }),
    inputs: [
      [3, 4],
      [5, 4],
    ],
    style: 'positional',
    masks: { q: queryMask, v: valueMask },
    strata: { mask: ['$q', '$v'] },
    // Keras 3.15's call overwrites its `query_mask` argument with the query's own Keras mask, the
    // way a masked tensor in a model brings it: the query mask goes on the query.
    keras: { value_mask: '$v' },
    kerasInputMasks: ['$q', null],
  },
  {
    name: 'MultiHeadAttention_causal_self',
    className: 'MultiHeadAttention',
    options: () => ({ numHeads: 2, keyDim: 2, outputShape: [3] }),
    inputs: [
      [5, 4],
      [5, 4],
    ],
    style: 'positional',
    masks: { v: valueMask },
    strata: { mask: [null, '$v'], useCausalMask: true },
    keras: { value_mask: '$v', use_causal_mask: true },
  },
  {
    name: 'MultiHeadAttention_attention_mask',
    className: 'MultiHeadAttention',
    options: () => ({ numHeads: 2, keyDim: 3 }),
    inputs: [
      [3, 4],
      [5, 4],
    ],
    style: 'positional',
    // Which keys each query sees; the second sample's last query sees none.
    masks: {
      a: [
        [
          [1, 1, 0, 0, 1],
          [0, 1, 1, 1, 0],
          [1, 0, 0, 0, 1],
        ],
        [
          [1, 1, 1, 1, 1],
          [0, 0, 1, 0, 0],
          [0, 0, 0, 0, 0],
        ],
        [
          [0, 1, 0, 1, 0],
          [1, 1, 1, 0, 0],
          [1, 0, 1, 0, 1],
        ],
      ],
      v: valueMask,
    },
    strata: { mask: [null, '$v'], attentionMask: '$a' },
    keras: { value_mask: '$v', attention_mask: '$a' },
  },
  {
    name: 'MultiHeadAttention_key_no_bias',
    className: 'MultiHeadAttention',
    options: () => ({ numHeads: 3, keyDim: 2, useBias: false }),
    inputs: [
      [3, 4],
      [5, 4],
      [5, 2],
    ],
    style: 'positional',
  },
  {
    name: 'Attention_masks_causal',
    className: 'Attention',
    options: () => ({ useScale: true, scoreMode: 'dot' }),
    inputs: [
      [5, 4],
      [5, 4],
    ],
    masks: { q: timeMask, v: valueMask },
    strata: { mask: ['$q', '$v'], useCausalMask: true },
    keras: { mask: ['$q', '$v'], use_causal_mask: true },
  },
  {
    name: 'Attention_concat_mask',
    className: 'Attention',
    options: () => ({ scoreMode: 'concat' }),
    inputs: [
      [3, 4],
      [5, 4],
    ],
    masks: { v: valueMask },
    strata: { mask: [null, '$v'] },
    keras: { mask: [null, '$v'] },
  },
  {
    name: 'AdditiveAttention_mask',
    className: 'AdditiveAttention',
    options: () => ({}),
    inputs: [
      [3, 4],
      [5, 4],
    ],
    masks: { q: queryMask, v: valueMask },
    strata: { mask: ['$q', '$v'] },
    keras: { mask: ['$q', '$v'] },
  },
  rnn('SimpleRNN_sequences_backwards', 'SimpleRNN', { returnSequences: true, goBackwards: true }),
  rnn('SimpleRNN_mask_state', 'SimpleRNN', { returnState: true }, true),
  rnn('GRU_mask_sequences', 'GRU', { returnSequences: true }, true),
  rnn('GRU_no_reset_after_state', 'GRU', { resetAfter: false, returnState: true, goBackwards: true }),
  rnn('GRU_mask_backwards_state', 'GRU', { goBackwards: true, returnState: true, returnSequences: true }, true),
  rnn('LSTM_mask_state', 'LSTM', { returnState: true }, true),
  rnn('LSTM_mask_backwards_sequences', 'LSTM', { goBackwards: true, returnSequences: true }, true),
  rnn('LSTM_unit_forget_bias_off', 'LSTM', { unitForgetBias: false, returnSequences: true, returnState: true }),
  {
    name: 'Bidirectional_GRU_mask_concat',
    className: 'Bidirectional',
    options: () => ({ layer: new GRU({ units: 2, returnSequences: true }) }),
    inputs: [[5, 2]],
    masks: { m: timeMask },
    strata: { mask: '$m' },
    keras: { mask: '$m' },
  },
  {
    name: 'Bidirectional_SimpleRNN_sum',
    className: 'Bidirectional',
    options: () => ({ layer: new SimpleRNN({ units: 2 }), mergeMode: 'sum' }),
    inputs: [[5, 2]],
  },
  {
    name: 'Bidirectional_LSTM_mask_state',
    className: 'Bidirectional',
    options: () => ({ layer: new LSTM({ units: 2, returnState: true }), mergeMode: 'mul' }),
    inputs: [[5, 2]],
    masks: { m: timeMask },
    strata: { mask: '$m' },
    keras: { mask: '$m' },
  },
  {
    name: 'Normalization_adapt',
    className: 'Normalization',
    options: () => ({}),
    inputs: [[4]],
    adapt: { shape: [4], batch: 20 },
  },
  {
    name: 'Normalization_adapt_axis1_image',
    className: 'Normalization',
    options: () => ({ axis: 1 }),
    inputs: [[3, 2]],
    adapt: { shape: [3, 2], batch: 10 },
  },
  {
    name: 'Normalization_adapt_invert',
    className: 'Normalization',
    options: () => ({ invert: true }),
    inputs: [[4]],
    adapt: { shape: [4], batch: 12 },
  },
];

export const NUMERICS_CASES: NumericsCase[] = [...catalog, ...variants];
