/** @jest-environment ./packages/onnx/src/testing/ort-environment.cjs */
import { setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import * as L from '@strata/layers';
import type { SymbolicTensor } from '@strata/graph';
import { exportOnnx } from './index';
import { decodeModel } from './internal';
import { compareWithOrt, makeInputs, randomizeWeights } from './testing';
import { layerCase } from './testing/layer-cases';

beforeAll(async () => {
  await setBackend(cpu());
});

const opTypes = (bytes: Uint8Array) =>
  (decodeModel(bytes).graph as { node: { opType: string }[] }).node.map((n) => n.opType);

describe('recurrent layers as ONNX LSTM/GRU/RNN ops, with a dynamic time axis', () => {
  const cases: [string, () => L.Layer, string[]][] = [
    ['LSTM', () => new L.LSTM({ units: 3, returnSequences: true }), ['LSTM']],
    [
      'LSTM hard_sigmoid gates, relu',
      () => new L.LSTM({ units: 3, recurrentActivation: 'hard_sigmoid', activation: 'relu' }),
      ['LSTM'],
    ],
    ['GRU reset_after', () => new L.GRU({ units: 3, returnSequences: true }), ['GRU']],
    [
      'GRU reset_before, backwards',
      () => new L.GRU({ units: 3, resetAfter: false, goBackwards: true, returnSequences: true }),
      ['GRU'],
    ],
    ['SimpleRNN without bias', () => new L.SimpleRNN({ units: 3, useBias: false, activation: 'relu' }), ['RNN']],
    [
      'Bidirectional LSTM',
      () => new L.Bidirectional({ layer: new L.LSTM({ units: 2, returnSequences: true }), mergeMode: 'mul' }),
      ['LSTM', 'LSTM'],
    ],
  ];
  for (const [name, make, expected] of cases) {
    it(`${name}: one op per direction, any sequence length`, async () => {
      const model = layerCase(
        name,
        [{ shape: [null as unknown as number, 3] }],
        ([x]) => make().apply(x) as SymbolicTensor,
      ).build();
      randomizeWeights(model, 11);
      const bytes = await exportOnnx(model);
      expect(opTypes(bytes).filter((t) => ['LSTM', 'GRU', 'RNN'].includes(t))).toEqual(expected);
      for (const [time, batch] of [
        [5, 1],
        [9, 7],
      ]) {
        const inputs = makeInputs([{ shape: [time, 3] }], batch, time);
        expect((await compareWithOrt(model, bytes, inputs)).maxAbsDiff).toBeLessThanOrEqual(1e-4);
        for (const t of inputs) t.dispose();
      }
      model.dispose();
    });
  }

  it('an activation the ONNX ops cannot name (gelu) is unrolled from the traced call() instead', async () => {
    const model = layerCase(
      'gelu',
      [{ shape: [4, 3] }],
      ([x]) => new L.LSTM({ units: 3, activation: 'gelu' }).apply(x) as SymbolicTensor,
    ).build();
    randomizeWeights(model, 12);
    const bytes = await exportOnnx(model);
    expect(opTypes(bytes)).not.toContain('LSTM');
    const inputs = makeInputs([{ shape: [4, 3] }], 7, 1);
    expect((await compareWithOrt(model, bytes, inputs)).maxAbsDiff).toBeLessThanOrEqual(1e-4);
    for (const t of inputs) t.dispose();
    model.dispose();
  });
});
