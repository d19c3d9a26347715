import { setBackend, add, mul, concat, memory, randomNormal, tensor, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { BatchNormalization, Dense, Concatenate, LSTM, Embedding, Layer } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, Model, Sequential } from '@strata/models';
import { modelFromJSON } from './model-json';
import { modelToJSON } from './to-json';
import { registerSerializable, unregisterSerializable } from '../registry';
import { copyWeights, expectSamePredictions } from '../testing';

beforeAll(async () => {
  await setBackend(cpu());
});

async function roundTrip(model: Model, inputs: Tensor | Tensor[], options = {}): Promise<Model> {
  const json = model.toJSON();
  const back = modelFromJSON(json, options) as Model;
  expect(JSON.parse(back.toJSON())).toEqual(JSON.parse(json));
  copyWeights(model, back);
  await expectSamePredictions(model, back, inputs);
  return back;
}

describe('model.toJSON / modelFromJSON', () => {
  it('round-trips a Sequential MLP with identical predictions and no leaks', async () => {
    const m = new Sequential([
      input({ shape: [4] }),
      new Dense({ units: 8, activation: 'relu' }),
      new Dense({ units: 3, activation: 'softmax' }),
    ]);
    const x = randomNormal([5, 4], { seed: 1 });
    const before = memory().numTensors;
    const back = await roundTrip(m, x);
    back.dispose();
    expect(memory().numTensors).toBe(before);
    expect(back.layers.map((l) => l.constructor.name)).toEqual(['Dense', 'Dense']);
    m.dispose();
    x.dispose();
  });

  it('round-trips a Functional DAG: two inputs, two outputs, a shared layer, a nested model and raw ops', async () => {
    const inner = (() => {
      const x = input({ shape: [6] });
      return new Functional({
        inputs: x,
        outputs: new Dense({ units: 6, activation: 'tanh' }).apply(x),
        name: 'inner',
      });
    })();
    const a = input({ shape: [6], name: 'a' });
    const b = input({ shape: [6], name: 'b' });
    const shared = new Dense({ units: 6, name: 'shared' });
    const ha = shared.apply(a);
    const hb = shared.apply(b);
    const summed = mul(add(ha as unknown as Tensor, hb as unknown as Tensor), 0.5) as unknown as typeof ha;
    const joined = new Concatenate({ name: 'join' }).apply([inner.apply(summed), hb]);
    const y1 = new Dense({ units: 2, name: 'y1' }).apply(joined);
    const y2 = concat([hb as unknown as Tensor, ha as unknown as Tensor], -1) as unknown as typeof ha;
    const m = new Functional({ inputs: [a, b], outputs: [y1, y2], name: 'dag' });
    const xs = [randomNormal([3, 6], { seed: 2 }), randomNormal([3, 6], { seed: 3 })];
    const back = await roundTrip(m, xs);
    expect(back.layers.map((l) => l.name)).toEqual(['a', 'b', 'shared', 'inner', 'join', 'y1']);
    back.dispose();
    m.dispose();
    xs.forEach((t) => t.dispose());
  });

  it('round-trips a Sequential whose input shape comes from its first layer, and one not built yet', async () => {
    const m = new Sequential([new Dense({ units: 2, inputShape: [3] }), new Dense({ units: 1 })]);
    const x = randomNormal([2, 3], { seed: 8 });
    (await roundTrip(m, x)).dispose();
    const unbuilt = new Sequential([new Dense({ units: 2 }), new Dense({ units: 1 })]);
    const back = modelFromJSON(unbuilt.toJSON()) as Model;
    expect(back.built).toBe(false);
    expect(back.layers.map((l) => l.name)).toEqual(unbuilt.layers.map((l) => l.name));
    back.dispose();
    unbuilt.dispose();
    m.dispose();
    x.dispose();
  });

  it('round-trips an Embedding + LSTM stack', async () => {
    const m = new Sequential([
      input({ shape: [5] }),
      new Embedding({ inputDim: 10, outputDim: 4 }),
      new LSTM({ units: 3 }),
    ]);
    const x = tensor([
      [1, 2, 3, 4, 5],
      [0, 9, 8, 7, 6],
    ]);
    const back = await roundTrip(m, x);
    back.dispose();
    m.dispose();
    x.dispose();
  });

  it('rebuilds a registered subclassed model from its config and build shape', async () => {
    class Twice extends Model {
      static override className = 'Twice';
      units: number;
      d: Dense;
      constructor(config: { units: number; name?: string }) {
        super({ name: config.name });
        this.units = config.units;
        this.d = new Dense({ units: config.units });
      }
      override call(x: Tensor): Tensor {
        return this.d.apply(this.d.apply(x));
      }
      override getConfig() {
        return { ...super.getConfig(), units: this.units };
      }
    }
    const m = new Twice({ units: 3 });
    m.build([null, 3]);
    const x = randomNormal([2, 3], { seed: 5 });
    expect(() => modelFromJSON(m.toJSON())).toThrow(/registerSerializable\(Twice\).*customObjects: \{Twice\}/);
    const viaCustom = await roundTrip(m, x, { customObjects: { Twice } });
    viaCustom.dispose();
    registerSerializable(Twice, { package: 'Tests' });
    try {
      const back = await roundTrip(m, x);
      expect(back).toBeInstanceOf(Twice);
      back.dispose();
    } finally {
      unregisterSerializable('Tests>Twice');
    }
    m.dispose();
    x.dispose();
  });

  it('uses static fromConfig of a registered layer when it has one', () => {
    class Scaled extends Layer {
      static override className = 'Scaled';
      factor: number;
      constructor(args: { factor: number; name?: string }) {
        super({ name: args.name });
        this.factor = args.factor;
      }
      static override fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
        return new this({ ...config, factor: (config.factor as number) * 1 } as never);
      }
      override call(x: Tensor): Tensor {
        return mul(x, this.factor);
      }
      override getConfig() {
        return { ...super.getConfig(), factor: this.factor };
      }
    }
    const spy = jest.spyOn(Scaled, 'fromConfig');
    const m = new Sequential([input({ shape: [2] }), new Scaled({ factor: 3 })]);
    const back = modelFromJSON(m.toJSON(), { customObjects: { Scaled } });
    expect(spy).toHaveBeenCalledTimes(1);
    expect((back.layers[0] as Scaled).factor).toBe(3);
    back.dispose();
    m.dispose();
  });

  it('frees the weights of the layers it built when a later layer of the config cannot be built', () => {
    // Found by `pnpm soak load-keras`: the Dense layers were built (2 weights each), then the model failed.
    const m = new Sequential([
      input({ shape: [4] }),
      new Dense({ units: 3 }),
      new Dense({ units: 3 }),
      new BatchNormalization(),
    ]);
    const json = JSON.parse(m.toJSON());
    json.config.layers[json.config.layers.length - 1].config.axis = 2 ** 40;
    m.dispose();
    const before = memory().numTensors;
    const refusal = /cannot rebuild layer "\w+" of class Sequential.*axis 1099511627776 is out of range/;
    expect(() => modelFromJSON(json)).toThrow(refusal);
    expect(memory().numTensors).toBe(before);
  });
});

describe('modelToJSON', () => {
  it('writes each dialect, and modelFromJSON reads each back to the same predictions', async () => {
    const m = new Sequential([
      input({ shape: [3] }),
      new Dense({ units: 4, activation: 'tanh' }),
      new Dense({ units: 2 }),
    ]);
    const x = randomNormal([2, 3], { seed: 9 });
    for (const dialect of ['strata', 'keras', 'tfjs'] as const) {
      const text = modelToJSON(m, dialect);
      expect(Object.keys(JSON.parse(text))).toContain(dialect === 'strata' ? 'className' : 'class_name');
      const back = modelFromJSON(text) as Model;
      copyWeights(m, back);
      await expectSamePredictions(m, back, x);
      back.dispose();
    }
    expect(() => modelToJSON(m, 'yaml' as never)).toThrow(/dialect must be 'strata', 'keras' or 'tfjs'/);
    x.dispose();
    m.dispose();
  });

  it('drops "__proto__" keys of a hostile config instead of letting them set prototypes', () => {
    const text =
      '{"class_name": "Sequential", "config": {"name": "p", "__proto__": {"polluted": true}, "layers": [{"class_name": "Dense", "config": {"units": 2, "batch_input_shape": [null, 3], "__proto__": {"className": "Evil"}}}]}}';
    const m = modelFromJSON(text) as Model;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(m.layers[0]).toBeInstanceOf(Dense);
    m.dispose();
  });
});
