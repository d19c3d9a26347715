import {
  Bidirectional,
  Concatenate,
  Dense,
  LSTM,
  MultiHeadAttention,
  TimeDistributed,
  clearSession,
  type Layer,
} from '@strata/layers';
import { input } from '@strata/graph';
import { Functional } from '@strata/models';
import { memory } from '@strata/tensor';
import { NestedDenseModel, functionalModel, sequentialModel, useCpu } from '../testing/keras-models';
import { kerasLayout, kerasSnakeCase, kerasTrainableVariables } from './layout';

beforeAll(useCpu);

/** path → [layer name, own variable shapes] */
function describe_(model: Layer): [string, string, number[][]][] {
  return kerasLayout(model).map((s) => [s.path, s.layer.name, s.variables.map((v) => [...v.shape])]);
}

describe('kerasSnakeCase', () => {
  it.each([
    ['Dense', 'dense'],
    ['Conv2D', 'conv2d'],
    ['BatchNormalization', 'batch_normalization'],
    ['LSTM', 'lstm'],
    ['MaxPooling2D', 'max_pooling2d'],
    ['InputLayer', 'input_layer'],
    ['NestedDenseModel', 'nested_dense_model'],
    ['Conv2DTranspose', 'conv2d_transpose'],
  ])('%s → %s, as keras.src.utils.naming.to_snake_case', (name, snake) => expect(kerasSnakeCase(name)).toBe(snake));
});

describe('kerasLayout: where Keras 3 saving_lib puts each layer', () => {
  it('a Sequential: layers by class name in order, a nested Sequential at its own path', () => {
    const before = memory().numTensors;
    const model = sequentialModel();
    expect(describe_(model)).toEqual([
      ['', 'seq_model', []],
      ['layers/conv2d', 'conv2d', [[3, 3, 2, 3], [3]]],
      ['layers/max_pooling2d', 'max_pooling2d', []],
      ['layers/batch_normalization', 'batch_normalization', [[3], [3], [3], [3]]],
      ['layers/flatten', 'flatten', []],
      ['layers/dropout', 'dropout', []],
      ['layers/sequential', 'inner', []],
      ['layers/sequential/layers/dense', 'dense', [[12, 4], [4]]],
      ['layers/dense', 'dense_1', [[4, 2], [2]]],
    ]);
    model.dispose();
    expect(memory().numTensors).toBe(before);
  });

  it('a Functional: InputLayers included, RNN weights in their cell, layers ordered by depth as map_graph', () => {
    const model = functionalModel();
    expect(describe_(model)).toEqual([
      ['', 'func_model', []],
      ['layers/input_layer', 'tokens', []],
      ['layers/embedding', 'embedding', [[20, 4]]],
      ['layers/input_layer_1', 'seq', []],
      ['layers/lstm', 'lstm', []],
      ['layers/lstm/cell', 'lstm_cell', [[4, 12], [3, 12], [12]]],
      ['layers/gru', 'gru', []],
      [
        'layers/gru/cell',
        'gru_cell',
        [
          [4, 9],
          [3, 9],
          [2, 9],
        ],
      ],
      ['layers/concatenate', 'concatenate', []],
      ['layers/dense', 'hidden', [[6, 6], [6]]],
      ['layers/add', 'add', []],
      ['layers/batch_normalization', 'batch_normalization', [[6], [6], [6], [6]]],
      ['layers/dense_1', 'out', [[6, 2], [2]]],
    ]);
    model.dispose();
  });

  it('numbers same-class branches in the order a walk from the outputs reaches them, not in creation order', () => {
    clearSession();
    const x = input({ shape: [3] });
    const second = new Dense({ units: 2, name: 'made_first' }).apply(x);
    const first = new Dense({ units: 2, name: 'made_second' }).apply(x);
    const model = new Functional({ inputs: x, outputs: new Concatenate().apply([first, second]) });
    expect(describe_(model).map(([path, name]) => [path, name])).toEqual([
      ['', model.name],
      ['layers/input_layer', (x.node as unknown as { layer: { name: string } }).layer.name],
      ['layers/dense', 'made_second'],
      ['layers/dense_1', 'made_first'],
      ['layers/concatenate', 'concatenate'],
    ]);
    // Keras's trainable_variables (the order of the optimizer's state) follows the same order,
    // where Strata's own weight order follows creation.
    expect(kerasTrainableVariables(model).map((v) => v.name)).toEqual([
      'made_second/kernel',
      'made_second/bias',
      'made_first/kernel',
      'made_first/bias',
    ]);
    expect(model.trainableWeights.map((v) => v.name)).toEqual([
      'made_first/kernel',
      'made_first/bias',
      'made_second/kernel',
      'made_second/bias',
    ]);
    model.dispose();
  });

  it('wrappers and attention: sublayers at the paths Keras 3.15 saves them under (as in keras-oracle/)', () => {
    clearSession();
    const x = input({ shape: [4, 3] });
    const rnn = new Bidirectional({ layer: new LSTM({ units: 2, returnSequences: true }) }).apply(x);
    const td = new TimeDistributed({ layer: new Dense({ units: 3 }) }).apply(rnn);
    const att = new MultiHeadAttention({ numHeads: 2, keyDim: 2 }).apply([td, td]);
    const model = new Functional({ inputs: x, outputs: att as never });
    expect(describe_(model).map(([path, , shapes]) => [path, shapes.length])).toEqual([
      ['', 0],
      ['layers/input_layer', 0],
      ['layers/bidirectional', 0],
      ['layers/bidirectional/backward_layer', 0],
      ['layers/bidirectional/backward_layer/cell', 3],
      ['layers/bidirectional/forward_layer', 0],
      ['layers/bidirectional/forward_layer/cell', 3],
      ['layers/time_distributed', 0],
      ['layers/time_distributed/layer', 2],
      ['layers/multi_head_attention', 0],
      ['layers/multi_head_attention/key_dense', 2],
      ['layers/multi_head_attention/output_dense', 2],
      ['layers/multi_head_attention/query_dense', 2],
      ['layers/multi_head_attention/value_dense', 2],
    ]);
    model.dispose();
  });

  it('a subclassed model with layers in a list of lists: found through Model.layers, as in the Keras 3.15 fixture', () => {
    const model = new NestedDenseModel({ num: 3, name: 'nested_dense_model' });
    model.build([2, 4]);
    // The fixture holds layers/dense ... layers/dense_3 with vars named d_0, d_1, d_2, dense.
    expect(describe_(model)).toEqual([
      ['', 'nested_dense_model', []],
      ['layers/dense', 'd_0', [[4, 4]]],
      ['layers/dense_1', 'd_1', [[4, 4]]],
      ['layers/dense_2', 'd_2', [[4, 4]]],
      ['layers/dense_3', 'dense', [[4, 2], [2]]],
    ]);
    model.dispose();
  });
});
