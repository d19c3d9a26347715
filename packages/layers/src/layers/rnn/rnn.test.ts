import {
  add,
  clone,
  dispose,
  matmul,
  memory,
  randomNormal,
  tensor,
  tidy,
  type Shape,
  type Tensor,
  type Variable,
} from '@strata/tensor';
import { RNN, RNNCell, LSTM, LSTMCell, SimpleRNN, SimpleRNNCell, GRUCell } from './index';
import { resolveBuiltInLayerClass, type LayerResolver } from '../../layer-catalog';
import type { SerializedObject } from '../../serializable';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose } from '../../testing/layer-oracle';
import { maskOf, setMask } from '../../masking';
import { maskedSequences } from '../../testing/recurrent-oracle';

/** Keras's documentation example: `h = x·W + h_prev·U`, a cell written by a user. */
class MinimalRNNCell extends RNNCell {
  static override className = 'MinimalRNNCell';
  readonly units: number;
  kernel!: Variable;
  recurrentKernel!: Variable;
  constructor(args: { units: number; name?: string }) {
    super(args);
    this.units = args.units;
  }
  get stateSize(): number {
    return this.units;
  }
  protected buildCell(shape: Shape): void {
    this.kernel = this.addWeight('kernel', [shape[1] as number, this.units], { initializer: 'randomUniform' });
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], {
      initializer: 'randomUniform',
    });
  }
  step(x: Tensor, [h]: readonly Tensor[]): [Tensor, Tensor[]] {
    const output = add(matmul(x, this.kernel), matmul(h, this.recurrentKernel));
    return [output, [output]];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), units: this.units };
  }
}
/** A resolver that knows the custom cell, as @strata/serialization's knows registered classes. */
const withCustomCell: LayerResolver = (s: SerializedObject) =>
  s.className === 'MinimalRNNCell' ? new MinimalRNNCell(s.config as { units: number }) : resolveBuiltInLayerClass(s);

describeOnBackends('RNN', () => {
  test('passes runLayerTest over built-in and custom cells (nested cell configs round-trip)', async () => {
    await runLayerTest(RNN, {
      options: { cell: new LSTMCell({ units: 3 }) },
      inputShape: [2, 4, 5],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 3,
    });
    await runLayerTest(RNN, {
      options: { cell: new GRUCell({ units: 2 }), returnSequences: true, returnState: true, unroll: true },
      inputShape: [2, 3, 4],
      expectedOutputShape: [
        [2, 3, 2],
        [2, 2],
      ],
    });
    await runLayerTest(RNN, {
      options: { cell: new MinimalRNNCell({ units: 4 }), goBackwards: true },
      inputShape: [3, 2, 2],
      expectedOutputShape: [3, 4],
      expectedTrainableWeights: 2,
      resolveLayer: withCustomCell,
    });
  });

  test('trains through masked steps (the gradient flows through the kept states)', async () => {
    const { ids, x, mask } = maskedSequences(3, 4, 2);
    for (const [Cls, options] of [
      [LSTM, { units: 2, returnSequences: true }],
      [SimpleRNN, { units: 3, goBackwards: true, dropout: 0.2 }],
    ] as const) {
      await runLayerTest(Cls as typeof LSTM, {
        options,
        inputs: () => clone(x),
        inputShape: [3, 4, 2],
        callOptions: { mask },
      });
    }
    dispose([ids, x, mask]);
  });

  test('runs a custom cell as the recurrence written out', async () => {
    const layer = new RNN({ cell: new MinimalRNNCell({ units: 2 }), returnSequences: true });
    const x = randomNormal([2, 3, 4], { seed: 1 });
    const y = layer.apply(x);
    const cell = layer.cell as MinimalRNNCell;
    const want = tidy(() => {
      let h: Tensor = tensor([
        [0, 0],
        [0, 0],
      ]);
      const outputs: number[][][] = [[], []];
      for (let t = 0; t < 3; t++) {
        const xt = tensor((x.arraySync() as number[][][]).map((row) => row[t]));
        h = add(matmul(xt, cell.kernel), matmul(h, cell.recurrentKernel));
        (h.arraySync() as number[][]).forEach((row, b) => outputs[b].push(row));
      }
      return tensor(outputs);
    });
    await expectClose(y, want);
    dispose([x, y, want]);
    layer.dispose();
  });

  test('an RNN over an LSTMCell is an LSTM', async () => {
    const x = randomNormal([2, 4, 3], { seed: 2 });
    const lstm = new LSTM({ units: 3, returnSequences: true });
    const rnn = new RNN({ cell: new LSTMCell({ units: 3 }), returnSequences: true });
    tidy(() => {
      lstm.apply(x);
      rnn.apply(x);
    });
    rnn.setWeights(lstm.getWeights());
    const [a, b] = [lstm.apply(x), rnn.apply(x)];
    await expectClose(a, b);
    dispose([x, a, b]);
    lstm.dispose();
    rnn.dispose();
  });

  test('takes a mask carried by its input (Embedding(maskZero)) and passes it on with returnSequences', async () => {
    const { ids, x, mask } = maskedSequences(3, 4, 2);
    const layer = new SimpleRNN({ units: 2, returnSequences: true });
    setMask(x, mask);
    const carried = layer.apply(x);
    const given = layer.apply(x, { mask });
    await expectClose(carried, given);
    expect(maskOf(carried)).toBe(mask);
    const last = new SimpleRNN({ units: 2 });
    const y = last.apply(x);
    expect(maskOf(y)).toBeNull();
    dispose([ids, x, mask, carried, given, y]);
    layer.dispose();
    last.dispose();
  });

  test('a masked step repeats the previous output, or gives zeros with zeroOutputForMask', async () => {
    const x = randomNormal([1, 3, 2], { seed: 3 });
    const mask = tensor([[true, false, true]]);
    for (const zeroOutputForMask of [false, true]) {
      const layer = new SimpleRNN({ units: 2, returnSequences: true, zeroOutputForMask });
      const y = layer.apply(x, { mask });
      const [steps] = (await y.array()) as number[][][];
      expect(steps[1]).toEqual(zeroOutputForMask ? [0, 0] : steps[0]);
      expect(steps[2]).not.toEqual(steps[1]);
      dispose(y);
      layer.dispose();
    }
    dispose([x, mask]);
  });

  test('initial states come as apply([x, ...states]) or as initialState', async () => {
    const x = randomNormal([2, 3, 4], { seed: 4 });
    const h = randomNormal([2, 3], { seed: 5 });
    const c = randomNormal([2, 3], { seed: 6 });
    const layer = new LSTM({ units: 3 });
    const [a, b] = [layer.apply([x, h, c]) as Tensor, layer.apply(x, { initialState: [h, c] })];
    await expectClose(a, b);
    expect(() => layer.apply(x, { initialState: [h] })).toThrow(
      /has 2 state\(s\) of sizes \[3,3\], but 1 initial state\(s\) were given/,
    );
    expect(() => layer.apply(x, { initialState: [h, randomNormal([2, 5])] })).toThrow(
      /initial state 1 must have shape \[batch, 3\], received \[2,5\]/,
    );
    dispose([x, h, c, a, b]);
    layer.dispose();
  });

  test('stateful layers carry the last states to the next batch until resetStates()', async () => {
    const x = randomNormal([2, 3, 4], { seed: 7 });
    const stateful = new SimpleRNN({ units: 3, stateful: true });
    const plain = new SimpleRNN({ units: 3 });
    const first = stateful.apply(x);
    plain.apply(x).dispose();
    plain.setWeights(stateful.getWeights());
    const second = stateful.apply(x);
    const fromFirst = plain.apply([x, first]) as Tensor;
    await expectClose(second, fromFirst);
    expect(stateful.weights).toHaveLength(3); // the carried states are not weights
    stateful.resetStates();
    const again = stateful.apply(x);
    await expectClose(again, first);
    expect(() => stateful.apply(randomNormal([3, 3, 4]))).toThrow(
      /stateful with batch size 2, but received a batch of 3/,
    );
    expect(() => plain.resetStates()).toThrow(/is not stateful/);
    dispose([x, first, second, fromFirst, again]);
    const before = memory().numTensors;
    stateful.dispose();
    plain.dispose();
    expect(memory().numTensors).toBe(before - 2 * 3 - 1);
  });

  test('computeOutputShape handles unknown batch and time', () => {
    const layer = new LSTM({ units: 5, returnSequences: true, returnState: true });
    expect(layer.computeOutputShape([null, null, 3])).toEqual([
      [null, null, 5],
      [null, 5],
      [null, 5],
    ]);
    layer.dispose();
  });

  test('clear errors for wrong inputs and options', () => {
    const layer = new SimpleRNN({ units: 2 });
    expect(() => layer.apply(randomNormal([2, 3]))).toThrow(
      /expected an input of shape \[batch, time, features\], received \[2,3\]/,
    );
    expect(() => new RNN({ cell: [new SimpleRNNCell({ units: 2 })] as never })).toThrow(
      /a list of cells \(StackedRNNCells\) is not supported yet/,
    );
    expect(() => new RNN({ cell: { units: 2 } as never })).toThrow(
      /cell must be a RNNCell instance or its \{className, config\}/,
    );
    expect(() => new RNN({ cell: { className: 'NoSuchCell', config: {} } })).toThrow(
      /unknown layer class "NoSuchCell"/,
    );
    const x = randomNormal([2, 3, 4]);
    expect(() => layer.apply(x, { mask: tensor([[true, false]]) })).toThrow(
      /the mask must have shape \[batch, time\] = \[2,3\], received \[1,2\]/,
    );
    dispose(x);
    layer.dispose();
  });
});
