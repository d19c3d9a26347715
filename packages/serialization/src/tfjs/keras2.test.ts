// A model.json as the tfjs converter writes it from a Keras 2 model (class_name/config, snake_case,
// keras_version, backend, model_config, Keras 2 inbound nodes; Keras 2's LeakyReLU alpha and
// hard_sigmoid): tfjs-layers and Strata load the same artifacts and must predict the same.
import * as tfc from '@tensorflow/tfjs-core';
import { setBackend, dispose } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import type { Model } from '@strata/models';
import { loadTfjs } from './io';
import type { TfjsModelArtifacts } from './artifacts';
import { expectSameAsTfjs, sameInputs, tfjsLoad, useTfjsCpu } from '../testing/tfjs-oracle';

beforeAll(async () => {
  await useTfjsCpu();
  await setBackend(cpu());
});

const init = (cls: string) => ({
  module: 'keras.initializers',
  class_name: cls,
  config: cls === 'Zeros' ? {} : { seed: null },
  registered_name: null,
});
const dense = (name: string, units: number, activation: string, inbound: string) => ({
  class_name: 'Dense',
  config: {
    name,
    trainable: true,
    dtype: 'float32',
    units,
    activation,
    use_bias: true,
    kernel_initializer: init('GlorotUniform'),
    bias_initializer: init('Zeros'),
    kernel_regularizer: null,
    bias_regularizer: null,
    activity_regularizer: null,
    kernel_constraint: null,
    bias_constraint: null,
  },
  name,
  inbound_nodes: [[[inbound, 0, 0, {}]]],
});

const modelTopology = {
  keras_version: '2.15.0',
  backend: 'tensorflow',
  model_config: {
    class_name: 'Functional',
    config: {
      name: 'model',
      trainable: true,
      layers: [
        {
          class_name: 'InputLayer',
          config: { batch_input_shape: [null, 4], dtype: 'float32', sparse: false, ragged: false, name: 'input_1' },
          name: 'input_1',
          inbound_nodes: [],
        },
        dense('dense', 3, 'relu', 'input_1'),
        {
          class_name: 'LeakyReLU',
          config: { name: 'leaky_re_lu', trainable: true, dtype: 'float32', alpha: 0.2 },
          name: 'leaky_re_lu',
          inbound_nodes: [[['dense', 0, 0, {}]]],
        },
        dense('dense_1', 2, 'hard_sigmoid', 'leaky_re_lu'),
      ],
      input_layers: [['input_1', 0, 0]],
      output_layers: [['dense_1', 0, 0]],
    },
  },
  training_config: {
    loss: 'mean_squared_error',
    metrics: null,
    weighted_metrics: null,
    loss_weights: null,
    optimizer_config: { class_name: 'Adam', config: { name: 'Adam', learning_rate: 0.001 } },
  },
};

it('loads a Keras 2 model.json from the tfjs converter as tfjs-layers does', async () => {
  const weightSpecs = [
    { name: 'dense/kernel', shape: [4, 3], dtype: 'float32' as const },
    { name: 'dense/bias', shape: [3], dtype: 'float32' as const },
    { name: 'dense_1/kernel', shape: [3, 2], dtype: 'float32' as const },
    { name: 'dense_1/bias', shape: [2], dtype: 'float32' as const },
  ];
  // Large weights, so hard_sigmoid's two definitions (Keras 2's and Keras 3's) would differ.
  const values = Float32Array.from({ length: 12 + 3 + 6 + 2 }, (_, i) => Math.sin(i * 1.7) * 3);
  const artifacts: TfjsModelArtifacts = {
    modelTopology,
    weightSpecs,
    weightData: values.buffer,
    format: 'layers-model',
  };
  const tfModel = await tfjsLoad(artifacts);
  const model = (await loadTfjs(artifacts)) as Model;
  expect(model.layers.map((l) => l.name)).toEqual(['input_1', 'dense', 'leaky_re_lu', 'dense_1']);
  const inputs = await sameInputs([[8, 4]], 2);
  await expectSameAsTfjs(model, tfModel, inputs);
  dispose(inputs.strata);
  tfc.dispose(inputs.tf);
  model.dispose();
  tfModel.dispose();
});
