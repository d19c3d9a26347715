// Keras 3's dialect: what config.json holds, read and written.
import { setBackend, add, mul, randomNormal, dispose, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense, Add, LSTM, Bidirectional } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, Sequential, type Model } from '@strata/models';
import { modelFromKerasConfig, modelToKerasConfig } from './keras';
import { modelFromJSON } from './model-json';
import { copyWeights, expectSamePredictions } from '../testing';

beforeAll(async () => {
  await setBackend(cpu());
});

const policy = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
const ref = (name: string, shape: (number | null)[]) => ({
  class_name: '__keras_tensor__',
  config: { shape, dtype: 'float32', keras_history: [name, 0, 0] },
});
const dense = (name: string, units: number) => ({
  module: 'keras.layers',
  class_name: 'Dense',
  config: {
    name,
    trainable: true,
    dtype: policy,
    units,
    activation: 'relu',
    use_bias: true,
    kernel_initializer: {
      module: 'keras.initializers',
      class_name: 'GlorotUniform',
      config: { seed: null },
      registered_name: null,
    },
    bias_initializer: { module: 'keras.initializers', class_name: 'Zeros', config: {}, registered_name: null },
    kernel_regularizer: null,
    bias_regularizer: null,
    kernel_constraint: null,
    bias_constraint: null,
    lora_rank: null,
  },
  registered_name: null,
  build_config: { input_shape: [null, 3] },
  name,
  inbound_nodes: [{ args: [ref('input_layer', [null, 3])], kwargs: {} }],
});

/** A Functional config.json as Keras 3 writes it (DTypePolicy dtypes, __keras_tensor__ nodes, flat single input). */
const keras3Functional = {
  module: 'keras.src.models.functional',
  class_name: 'Functional',
  config: {
    name: 'functional',
    trainable: true,
    layers: [
      {
        module: 'keras.layers',
        class_name: 'InputLayer',
        config: { batch_shape: [null, 3], dtype: 'float32', sparse: false, name: 'input_layer' },
        registered_name: null,
        name: 'input_layer',
        inbound_nodes: [],
      },
      dense('dense', 4),
      dense('dense_1', 4),
      {
        module: 'keras.layers',
        class_name: 'Add',
        config: { name: 'add', trainable: true, dtype: policy },
        registered_name: null,
        build_config: {
          input_shape: [
            [null, 4],
            [null, 4],
          ],
        },
        name: 'add',
        inbound_nodes: [{ args: [[ref('dense', [null, 4]), ref('dense_1', [null, 4])]], kwargs: {} }],
      },
    ],
    input_layers: ['input_layer', 0, 0],
    output_layers: [['add', 0, 0]],
  },
  registered_name: 'Functional',
  build_config: { input_shape: null },
  compile_config: null,
};

describe('Keras 3 configs', () => {
  it('reads a Keras 3 Functional config.json', async () => {
    const m = modelFromKerasConfig(JSON.parse(JSON.stringify(keras3Functional))) as Model;
    expect(m).toBeInstanceOf(Functional);
    expect(m.layers.map((l) => l.name)).toEqual(['input_layer', 'dense', 'dense_1', 'add']);
    const x = input({ shape: [3] });
    const twin = new Functional({
      inputs: x,
      outputs: new Add().apply([
        new Dense({ units: 4, activation: 'relu' }).apply(x),
        new Dense({ units: 4, activation: 'relu' }).apply(x),
      ]),
    });
    copyWeights(m, twin);
    const xs = randomNormal([2, 3], { seed: 1 });
    await expectSamePredictions(twin, m, xs);
    xs.dispose();
    twin.dispose();
    m.dispose();
  });

  it('writes Keras 3 objects: module, class_name, config, registered_name, build_config, __keras_tensor__ nodes', () => {
    const x = input({ shape: [3], name: 'k_in' });
    const h = new Dense({ units: 2, name: 'k_dense' }).apply(x);
    const m = new Functional({ inputs: x, outputs: h, name: 'k_model' });
    const written = modelToKerasConfig(m) as Record<string, any>;
    expect(written).toMatchObject({
      module: 'keras.src.models.functional',
      class_name: 'Functional',
      registered_name: 'Functional',
    });
    const [inputLayer, denseLayer] = written.config.layers;
    expect(inputLayer).toEqual({
      module: 'keras.layers',
      class_name: 'InputLayer',
      registered_name: null,
      config: { batch_shape: [null, 3], dtype: 'float32', sparse: false, name: 'k_in' },
      name: 'k_in',
      inbound_nodes: [],
    });
    expect(denseLayer).toMatchObject({
      module: 'keras.layers',
      class_name: 'Dense',
      registered_name: null,
      name: 'k_dense',
      build_config: { input_shape: [null, 3] },
      config: {
        units: 2,
        use_bias: true,
        kernel_initializer: { module: 'keras.initializers', class_name: 'GlorotUniform', registered_name: null },
      },
      inbound_nodes: [
        {
          args: [
            {
              class_name: '__keras_tensor__',
              config: { shape: [null, 3], dtype: 'float32', keras_history: ['k_in', 0, 0] },
            },
          ],
          kwargs: {},
        },
      ],
    });
    expect(written.config.input_layers).toEqual([['k_in', 0, 0]]);
    expect(written.config.output_layers).toEqual([['k_dense', 0, 0]]);
    m.dispose();
  });

  it('round-trips Sequential and Functional models (ops, nested models) through the Keras 3 dialect', async () => {
    const seq = new Sequential([
      input({ shape: [4, 3] }),
      new Bidirectional({ layer: new LSTM({ units: 2 }) }),
      new Dense({ units: 1 }),
    ]);
    const seqConfig = modelToKerasConfig(seq) as Record<string, any>;
    expect(seqConfig).toMatchObject({
      module: 'keras',
      class_name: 'Sequential',
      build_config: { input_shape: [null, 4, 3] },
    });
    expect(seqConfig.config.layers[0].class_name).toBe('InputLayer');
    const a = input({ shape: [3] });
    const y = mul(add(new Dense({ units: 3 }).apply(a) as unknown as Tensor, 1), 2) as unknown as typeof a;
    const fn = new Functional({ inputs: a, outputs: new Dense({ units: 2 }).apply(y) });
    for (const [m, shape] of [
      [seq, [2, 4, 3]],
      [fn, [2, 3]],
    ] as [Model, number[]][]) {
      const back = modelFromKerasConfig(JSON.parse(JSON.stringify(modelToKerasConfig(m)))) as Model;
      copyWeights(m, back);
      const xs = randomNormal(shape, { seed: 2 });
      await expectSamePredictions(m, back, xs);
      dispose([xs]);
      back.dispose();
      m.dispose();
    }
  });
});

describe('models whose inputs and outputs are named', () => {
  it("keep their names through Strata's and Keras 3's dialects (Keras 3 writes them as a dict)", async () => {
    const image = input({ shape: [3], name: 'image_in' });
    const meta = input({ shape: [2], name: 'meta_in' });
    const joined = new Dense({ units: 4, name: 'n_joined' }).apply(image);
    const m = new Functional({
      inputs: { imageIn: image, metaIn: meta },
      outputs: {
        scoreOut: new Dense({ units: 1, name: 'n_score' }).apply(joined),
        metaOut: new Dense({ units: 2, name: 'n_meta' }).apply(meta),
      },
    });
    const written = modelToKerasConfig(m) as Record<string, any>;
    expect(written.config.input_layers).toEqual({ imageIn: ['image_in', 0, 0], metaIn: ['meta_in', 0, 0] });
    expect(written.config.output_layers).toEqual({ scoreOut: ['n_score', 0, 0], metaOut: ['n_meta', 0, 0] });
    const viaStrata = modelFromJSON(m.toJSON()) as Functional;
    expect([viaStrata.inputNames, viaStrata.outputNames]).toEqual([
      ['imageIn', 'metaIn'],
      ['scoreOut', 'metaOut'],
    ]);
    viaStrata.dispose();
    const back = modelFromKerasConfig(JSON.parse(JSON.stringify(written))) as Functional;
    expect(back.inputNames).toEqual(['imageIn', 'metaIn']);
    expect(back.outputNames).toEqual(['scoreOut', 'metaOut']);
    copyWeights(m, back);
    const xs = { imageIn: randomNormal([2, 3], { seed: 1 }), metaIn: randomNormal([2, 2], { seed: 2 }) };
    const [a, b] = [
      m.predict(xs) as unknown as Record<string, Tensor>,
      back.predict(xs) as unknown as Record<string, Tensor>,
    ];
    expect(Object.keys(b)).toEqual(['scoreOut', 'metaOut']);
    for (const k of Object.keys(a)) expect(Array.from(await b[k].data())).toEqual(Array.from(await a[k].data()));
    dispose([...Object.values(a), ...Object.values(b), ...Object.values(xs)]);
    back.dispose();
    m.dispose();
  });
});
