import { setBackend, memory, randomNormal, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { expectNoLeak } from '@strata/tensor/testing';
import { Dense, Layer } from '@strata/layers';
import { input, type SymbolicTensor } from '@strata/graph';
import { Functional, Sequential } from './index';
import { captured, expectClose } from './testing';

beforeAll(async () => {
  await setBackend(cpu());
});

/** A layer with two outputs: not allowed in a Sequential. */
class Fork extends Layer {
  static override className = 'Fork';
  override call(x: Tensor): Tensor[] {
    return [x, x];
  }
}

describe('Sequential', () => {
  it('starts from an input(), and runs its layers in order', async () => {
    const a = new Dense({ units: 5, activation: 'relu', name: 's_a' });
    const b = new Dense({ units: 2, name: 's_b' });
    const m = new Sequential([input({ shape: [3] }), a, b], { name: 'stack' });
    expect(m.built).toBe(true);
    expect(m.layers).toEqual([a, b]);
    expect(m.outputs[0].shape).toEqual([null, 2]);
    expect(m.inputs[0].shape).toEqual([null, 3]);
    const xs = randomNormal([4, 3], { seed: 1 });
    await expectNoLeak(async () => {
      const y = m.apply(xs);
      const want = tidy(() => b.apply(a.apply(xs)));
      await expectClose(y, want);
      y.dispose();
      want.dispose();
    });
    xs.dispose();
    m.dispose();
    expect(a.kernel.isDisposed).toBe(true);
  });

  it('also takes its options first, as tfjs', () => {
    const m = new Sequential({ layers: [input({ shape: [3] }), new Dense({ units: 2 })], name: 'options_first' });
    expect([m.name, m.outputs[0].shape]).toEqual(['options_first', [null, 2]]);
    expect(() => new Sequential({ layers: 'dense' as never })).toThrow(
      'Sequential: expected an array of layers, received string; use new Sequential([...layers], { name })',
    );
    m.dispose();
  });

  it('takes its input shape from the first layer', () => {
    const m = new Sequential([new Dense({ units: 4, inputShape: [6] }), new Dense({ units: 1 })]);
    expect(m.inputs[0].shape).toEqual([null, 6]);
    expect(m.countParams()).toBe(6 * 4 + 4 + 5);
    m.dispose();
  });

  it('checks every layer as it is added, naming both layers and the shape; a misfit is not added', () => {
    const m = new Sequential([input({ shape: [8] }), new Dense({ units: 4, name: 'narrow' })], { name: 'checked' });
    const wide = new Dense({ units: 2, name: 'needs_three' });
    wide.apply(input({ shape: [3] }));
    expect(() => m.add(wide)).toThrow(
      'Layer "needs_three" (Dense) cannot be applied to the output of layer "narrow" (Dense) of shape [null,4]: Input 0 of layer "needs_three" is incompatible: expected axis -1 to have value 3, received shape [null,4]',
    );
    expect(m.layers.map((l) => l.name)).toEqual(['narrow']);
    expect(() => m.add(new Fork({ name: 'fork' }))).toThrow(
      'Sequential "checked": layer "fork" has 2 outputs; every layer of a Sequential model must have one. Use a Functional model for layers with several outputs',
    );
    expect(() => m.add(new Dense({ units: 1, name: 'narrow' }))).toThrow(
      'Sequential "checked": a layer named "narrow" is already in this model; layer names must be unique within a model: give the new one another name',
    );
    expect(() => m.add(input({ shape: [8] }))).toThrow(
      'Sequential "checked": an input can only come first; this model already takes input of shape [null,8]',
    );
    expect(() => m.add({} as Layer)).toThrow(
      'Sequential.add: only layers (or an input() to start with) can be added to a Sequential model, received object',
    );
    m.dispose();
  });

  it('waits for its input shape when none is given, then builds on the first call', async () => {
    const m = new Sequential([new Dense({ units: 3 }), new Dense({ units: 2 })], { name: 'deferred' });
    expect(m.built).toBe(false);
    expect(() => m.inputs).toThrow(
      'Model "deferred" has no graph for inputs yet: its input shape is unknown. Call it once on data, or call model.build(inputShape) first (e.g. model.build([null, 784]))',
    );
    const print = captured();
    m.summary({ printFn: print.printFn, lineLength: 88 });
    expect(print.lines).toContain(
      ' Output shapes are unknown until the model is built: call it on data once, or call model.build(inputShape).',
    );
    expect(print.lines.some((l) => l.includes('0 (unbuilt)'))).toBe(true);
    const xs = randomNormal([7, 5]);
    const y = m.apply(xs);
    expect(y.shape).toEqual([7, 2]);
    // The batch size of the first call is not part of the model.
    expect(m.inputs[0].shape).toEqual([null, 5]);
    const z = m.predict(randomNormal([3, 5])) as Tensor;
    expect(z.shape).toEqual([3, 2]);
    for (const t of [xs, y, z]) t.dispose();
    m.dispose();
  });

  it('builds on build(shape), reporting the first misfit', () => {
    const m = new Sequential([new Dense({ units: 3, name: 'b_first' })], { name: 'by_build' });
    m.build([null, 10]);
    expect(m.outputs[0].shape).toEqual([null, 3]);
    m.dispose();
    const conv = new Sequential([
      new Dense({ units: 3, name: 'shaped' }),
      new Dense({ units: 2, name: 'fixed', inputShape: [5] }),
    ]);
    expect(() => conv.build([null, 4])).toThrow(
      /Layer "fixed" \(Dense\) cannot be applied to the output of layer "shaped" \(Dense\) of shape \[null,3\]/,
    );
  });

  it('pops layers', () => {
    const m = new Sequential([input({ shape: [2] }), new Dense({ units: 3 }), new Dense({ units: 1 })], {
      name: 'popper',
    });
    const top = m.pop();
    expect(m.outputs[0].shape).toEqual([null, 3]);
    top.dispose();
    m.pop().dispose();
    expect(m.built).toBe(false);
    expect(() => m.pop()).toThrow('Sequential "popper".pop(): there are no layers to remove');
  });

  it('nests: a Functional can start a Sequential, and a Sequential is a layer of a Functional', () => {
    const x = input({ shape: [4] });
    const block = new Functional({ inputs: x, outputs: new Dense({ units: 2 }).apply(x), name: 'block' });
    const m = new Sequential([block, new Dense({ units: 1 })]);
    expect(m.inputs[0].shape).toEqual([null, 4]);
    const z = input({ shape: [4] });
    const outer = new Functional({ inputs: z, outputs: m.apply(z) as SymbolicTensor });
    expect(outer.outputs[0].shape).toEqual([null, 1]);
    const before = memory().numTensors;
    outer.dispose();
    expect(before - memory().numTensors).toBe(4);
  });
});
