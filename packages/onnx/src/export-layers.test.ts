/** @jest-environment ./packages/onnx/src/testing/ort-environment.cjs */
import { setBackend, memory } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { exportOnnx } from './index';
import { decodeModel } from './internal';
import { compareWithOrt, makeInputs, randomizeWeights } from './testing';
import { LAYER_CASES } from './testing/layer-cases';

beforeAll(async () => {
  await setBackend(cpu());
});

const TOLERANCE = 1e-4;

describe('every exportable layer alone: ONNX Runtime matches Strata at batch 1 and 7', () => {
  const worst: { name: string; diff: number }[] = [];
  afterAll(() => {
    worst.sort((a, b) => b.diff - a.diff);
    const top = worst.slice(0, 3).map((w) => `${w.name} ${w.diff.toExponential(2)}`);
    console.log(`${worst.length} runs; largest differences: ${top.join(', ')}`);
  });
  for (const [i, c] of LAYER_CASES.entries()) {
    it(c.name, async () => {
      const model = c.build();
      randomizeWeights(model, i + 1);
      const before = memory().numTensors;
      const bytes = await exportOnnx(model);
      expect(memory().numTensors).toBe(before);
      for (const batch of [1, 7]) {
        const inputs = makeInputs(c.inputs, batch, 100 + i);
        const { maxAbsDiff } = await compareWithOrt(model, bytes, inputs);
        for (const t of inputs) t.dispose();
        worst.push({ name: `${c.name} (batch ${batch})`, diff: maxAbsDiff });
        expect(maxAbsDiff).toBeLessThanOrEqual(TOLERANCE);
      }
      model.dispose();
    });
  }
});

describe('opsets and a fixed batch', () => {
  const subset = [
    'GlobalAveragePooling2D',
    'LayerNormalization',
    'LSTM sequences',
    'MultiHeadAttention',
    'Conv2D same strided',
    'Dot normalized',
  ];
  for (const opset of [13, 18, 21]) {
    it(`opset ${opset}: ${subset.join(', ')}`, async () => {
      for (const name of subset) {
        const c = LAYER_CASES.find((k) => k.name === name)!;
        const model = c.build();
        randomizeWeights(model, 3);
        const bytes = await exportOnnx(model, { opset });
        const inputs = makeInputs(c.inputs, 7, 5);
        const { maxAbsDiff } = await compareWithOrt(model, bytes, inputs);
        for (const t of inputs) t.dispose();
        model.dispose();
        expect(maxAbsDiff).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  }

  it('dynamicBatch: false fixes the batch axis to batchSize', async () => {
    const c = LAYER_CASES.find((k) => k.name === 'Conv2D')!;
    const model = c.build();
    const bytes = await exportOnnx(model, { dynamicBatch: false, batchSize: 7 });
    const graph = decodeModel(bytes).graph as { input: { type: { tensorType: { shape: { dim: object[] } } } }[] };
    expect(graph.input[0].type.tensorType.shape.dim[0]).toEqual({ dimValue: 7 });
    const inputs = makeInputs(c.inputs, 7, 5);
    expect((await compareWithOrt(model, bytes, inputs)).maxAbsDiff).toBeLessThanOrEqual(TOLERANCE);
    await expect(compareWithOrt(model, bytes, makeInputs(c.inputs, 2, 5))).rejects.toThrow(/dimension|Got invalid/i);
    for (const t of inputs) t.dispose();
    model.dispose();
  });
});
