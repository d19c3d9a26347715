// Every built-in layer of the registry goes through model.toJSON() → modelFromJSON() inside a small
// Functional model and predicts the same after its weights are copied over.
import {
  setBackend,
  mul,
  randomNormal,
  randomUniform,
  floor,
  dispose,
  memory,
  tidy,
  type Tensor,
} from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { type Layer, registerLambda, unregisterLambda } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, type Model } from '@strata/models';
import { builtInClasses } from '../registry-builtins';
import { modelFromJSON } from './model-json';
import { copyWeights, expectSamePredictions } from '../testing';
import { LAYER_SPECS as SPECS } from '../testing/layer-specs';

beforeAll(async () => {
  await setBackend(cpu());
  registerLambda('catalog_double', (x) => mul(x as Tensor, 2));
});
afterAll(() => unregisterLambda('catalog_double'));

/** Classes not built generically here, and why. */
const SKIPPED: Record<string, string> = {
  InputLayer: 'every model of this test starts with one',
  Model: 'a subclassed model: see model-json.test.ts (registered subclassed models)',
  Functional: 'every model of this test is one; nesting: model-json.test.ts',
  Sequential: 'model-json.test.ts and the TF.js tests',
  GRUCell: 'a cell is not called on tensors of a graph; it round-trips inside RNN (cell: LSTMCell here)',
  LSTMCell: 'as GRUCell',
  SimpleRNNCell: 'as GRUCell',
};

const names = builtInClasses('layer')
  .entries()
  .map(([name]) => name)
  .filter((name) => !name.startsWith('Base'));

it('covers every registered layer class (or says why not)', () => {
  const uncovered = names.filter((n) => !(n in SPECS) && !(n in SKIPPED));
  expect(uncovered).toEqual([]);
});

describe.each(names.filter((n) => n in SPECS))('%s', (name) => {
  it('round-trips through model.toJSON() and modelFromJSON() with identical predictions', async () => {
    const spec = SPECS[name];
    const before = memory().numTensors;
    const Cls = builtInClasses('layer').get(name) as unknown as new (args: Record<string, unknown>) => Layer;
    const xs = spec.inputs.map((s) => input({ shape: s }));
    const y = new Cls(spec.options()).apply(xs.length === 1 ? xs[0] : xs);
    const model = new Functional({ inputs: xs.length === 1 ? xs[0] : xs, outputs: y });
    const data = spec.inputs.map((s, i) =>
      spec.intMax
        ? tidy(() => floor(randomUniform([2, ...s], { minval: 0, maxval: spec.intMax, seed: i + 1 })))
        : randomNormal([2, ...s], { seed: i + 1 }),
    );
    const back = modelFromJSON(model.toJSON()) as Model;
    expect(JSON.parse(back.toJSON())).toEqual(JSON.parse(model.toJSON()));
    copyWeights(model, back);
    await expectSamePredictions(model, back, data.length === 1 ? data[0] : data);
    back.dispose();
    model.dispose();
    dispose(data);
    // Layers hold their last call's losses (ActivityRegularization) until disposed: count at the end.
    expect(memory().numTensors).toBe(before);
  });
});
