import { setBackend, add, randomNormal, dispose, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense, LSTM } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, Sequential } from './index';
import { resolveBuiltInLayer } from './internal';
import { expectClose } from './testing';

beforeAll(async () => {
  await setBackend(cpu());
});

describe('model configs', () => {
  it('writes a Functional graph as Keras does: layers once, calls as {args, kwargs}, tensors by [layer, node, index]', () => {
    const x = input({ shape: [3], name: 'cfg_x' });
    const shared = new Dense({ units: 3, name: 'cfg_shared' });
    const h = shared.apply(shared.apply(x));
    const y = add(h as unknown as Tensor, 1) as unknown as typeof h;
    const m = new Functional({ inputs: x, outputs: [y, h], name: 'cfg' });
    const config = m.getConfig() as any;
    expect(config.layers.map((l: any) => [l.className, l.name, l.inboundNodes.length])).toEqual([
      ['InputLayer', 'cfg_x', 0],
      ['Dense', 'cfg_shared', 2],
      ['TensorOp', 'add', 1],
    ]);
    expect(config.layers[1].inboundNodes[1]).toEqual({
      args: [
        {
          className: '__keras_tensor__',
          config: { shape: [null, 3], dtype: 'float32', kerasHistory: ['cfg_shared', 0, 0] },
        },
      ],
      kwargs: {},
    });
    expect(config.layers[2].config).toEqual({ name: 'add', op: 'add', attrs: {} });
    expect(config.layers[2].inboundNodes[0].args[1]).toEqual({
      className: '__numpy__',
      config: { value: 1, dtype: 'float32', shape: [] },
    });
    expect(config.inputLayers).toEqual([['cfg_x', 0, 0]]);
    expect(config.outputLayers).toEqual([
      ['add', 0, 0],
      ['cfg_shared', 1, 0],
    ]);
    m.dispose();
  });

  it("counts a nested Functional's own node as Keras 3 does (its calls are nodes 1, 2, ...), a nested Sequential's from 0", () => {
    const i = input({ shape: [2] });
    const fn = new Functional({ inputs: i, outputs: new Dense({ units: 2 }).apply(i), name: 'nested_fn' });
    const seq = new Sequential([input({ shape: [2] }), new Dense({ units: 2 })], { name: 'nested_seq' });
    const x = input({ shape: [2], name: 'outer_x' });
    const m = new Functional({ inputs: x, outputs: [seq.apply(fn.apply(x)), fn.apply(x)], name: 'outer' });
    const config = m.getConfig() as any;
    const seqEntry = config.layers.find((l: any) => l.name === 'nested_seq');
    expect(seqEntry.inboundNodes[0].args[0].config.kerasHistory).toEqual(['nested_fn', 1, 0]);
    expect(config.outputLayers).toEqual([
      ['nested_seq', 0, 0],
      ['nested_fn', 2, 0],
    ]);
    // A Sequential nested in a Functional: Functional's own default resolver cannot know Sequential.
    const back = Functional.fromConfig(JSON.parse(JSON.stringify(config)), { resolveLayer: resolveBuiltInLayer });
    expect(back.getConfig()).toEqual(config);
    back.dispose();
    m.dispose();
  });

  it('rebuilds built-in models from their configs without a resolver (fresh weights, same outputs once copied)', async () => {
    const m = new Sequential([input({ shape: [4, 2] }), new LSTM({ units: 3 }), new Dense({ units: 2 })]);
    const back = Sequential.fromConfig(JSON.parse(JSON.stringify(m.getConfig())));
    expect(back).toBeInstanceOf(Sequential);
    const w = m.getWeights();
    back.setWeights(w);
    dispose(w);
    const x = randomNormal([2, 4, 2], { seed: 1 });
    const [a, b] = [m.predict(x), back.predict(x)];
    await expectClose(a, b, 6);
    dispose([x, a as Tensor, b as Tensor]);
    back.dispose();
    m.dispose();
  });

  it('says what is wrong with an inconsistent config', () => {
    const x = input({ shape: [2], name: 'bad_x' });
    const m = new Functional({ inputs: x, outputs: new Dense({ units: 1, name: 'bad_d' }).apply(x), name: 'bad' });
    const config = JSON.parse(JSON.stringify(m.getConfig()));
    config.layers[1].inboundNodes[0].args[0].config.kerasHistory = ['nowhere', 0, 0];
    expect(() => Functional.fromConfig(config)).toThrow(
      'cannot rebuild model "bad" from its config: a call reads the output of "nowhere", which is not among the layers (bad_x, bad_d)',
    );
    const cyclic = JSON.parse(JSON.stringify(m.getConfig()));
    cyclic.layers[1].inboundNodes[0].args[0].config.kerasHistory = ['bad_d', 0, 0];
    expect(() => Functional.fromConfig(cyclic)).toThrow(/call 0 of "bad_d" reads tensors no layer produces/);
    const unknown = JSON.parse(JSON.stringify(m.getConfig()));
    unknown.layers[1].className = 'Mystery';
    expect(() => Functional.fromConfig(unknown)).toThrow(
      /unknown layer class "Mystery".*registerSerializable\(Mystery\)/,
    );
    m.dispose();
  });
});
