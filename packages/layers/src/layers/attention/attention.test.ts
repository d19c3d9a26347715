import * as tfc from '@tensorflow/tfjs-core';
import { dispose, randomNormal, tensor, tidy, type Tensor } from '@strata/tensor';
import { Attention } from './index';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose, toTf } from '../../testing/layer-oracle';
import { maskOf, setMask } from '../../masking';

interface Reference {
  scoreMode?: 'dot' | 'concat';
  scale?: number | null;
  concatWeight?: number;
  queryMask?: Tensor;
  valueMask?: Tensor;
  causal?: boolean;
}

/** Keras's Attention written out with TensorFlow.js ops: [output, attention weights]. */
async function reference(query: Tensor, value: Tensor, key: Tensor, r: Reference): Promise<tfc.Tensor[]> {
  const [q, v, k] = await Promise.all([toTf(query), toTf(value), toTf(key)]);
  const [qm, vm] = await Promise.all([r.queryMask ? toTf(r.queryMask) : null, r.valueMask ? toTf(r.valueMask) : null]);
  const out = tfc.tidy(() => {
    let scores: tfc.Tensor;
    if (r.scoreMode === 'concat') {
      const pairs = tfc.add(tfc.expandDims(q, 2), tfc.expandDims(k, 1));
      scores = tfc.mul(r.concatWeight ?? 1, tfc.sum(tfc.tanh(tfc.mul(pairs, r.scale ?? 1)), -1));
    } else {
      scores = tfc.mul(tfc.matMul(q, k, false, true), r.scale ?? 1);
    }
    const [tq, tv] = [scores.shape[1] as number, scores.shape[2] as number];
    let allowed = tfc.ones(scores.shape);
    if (vm) allowed = tfc.mul(allowed, tfc.expandDims(tfc.cast(vm, 'float32'), 1));
    if (r.causal) allowed = tfc.mul(allowed, tfc.linalg.bandPart(tfc.ones([tq, tv]), -1, 0));
    const weights = tfc.softmax(tfc.sub(scores, tfc.mul(1e9, tfc.sub(1, allowed))));
    let output = tfc.matMul(weights, v);
    if (qm) output = tfc.mul(output, tfc.expandDims(tfc.cast(qm, 'float32'), -1));
    return [output, weights];
  });
  tfc.dispose([q, v, k, ...(qm ? [qm] : []), ...(vm ? [vm] : [])]);
  return out;
}

async function expectMatches(got: Tensor[], want: tfc.Tensor[]): Promise<void> {
  for (const [i, g] of got.entries()) await expectClose(g, want[i]);
  dispose(got);
  tfc.dispose(want);
}

describeOnBackends('Attention', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(Attention, {
      options: {},
      inputShape: [
        [2, 3, 4],
        [2, 5, 4],
      ],
      expectedOutputShape: [2, 3, 4],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(Attention, {
      options: { useScale: true, dropout: 0.2, seed: 3 },
      inputShape: [
        [2, 3, 4],
        [2, 5, 6],
        [2, 5, 4],
      ],
      expectedOutputShape: [2, 3, 6],
      expectedTrainableWeights: 1,
    });
    await runLayerTest(Attention, {
      options: { scoreMode: 'concat', useScale: true },
      inputShape: [
        [2, 3, 4],
        [2, 5, 4],
      ],
      expectedOutputShape: [2, 3, 4],
      expectedTrainableWeights: 2,
    });
    await runLayerTest(Attention, {
      options: {},
      inputShape: [
        [2, 3, 4],
        [2, 3, 4],
      ],
      callOptions: { useCausalMask: true },
      expectedOutputShape: [2, 3, 4],
    });
  });

  test.each([
    ['dot', {}, {}],
    ['dot with a learned scale', { useScale: true }, { scale: 0.7 }],
    ['concat', { scoreMode: 'concat' }, { scoreMode: 'concat', concatWeight: 1.3 }],
    [
      'concat with a learned scale',
      { scoreMode: 'concat', useScale: true },
      { scoreMode: 'concat', scale: 0.6, concatWeight: 0.8 },
    ],
  ] as const)('%s matches the formula written out', async (_name, options, r) => {
    const [query, value, key] = [
      randomNormal([2, 3, 4], { seed: 1 }),
      randomNormal([2, 5, 3], { seed: 2 }),
      randomNormal([2, 5, 4], { seed: 3 }),
    ];
    const layer = new Attention(options);
    tidy(() => layer.apply([query, value, key]));
    // Non-default weight values, so that a forgotten scale would show.
    const values = [
      ...('scale' in r && r.scale !== undefined ? [r.scale] : []),
      ...('concatWeight' in r ? [r.concatWeight] : []),
    ];
    tidy(() => layer.setWeights(values.map((x) => tensor(x))));
    const got = layer.apply([query, value, key], { returnAttentionScores: true }) as Tensor[];
    await expectMatches(got, await reference(query, value, key, r));
    dispose([query, value, key]);
    layer.dispose();
  });

  test('query and value masks (given, or carried by the inputs) and the causal mask match the formula', async () => {
    const query = randomNormal([2, 4, 3], { seed: 4 });
    const value = randomNormal([2, 4, 3], { seed: 5 });
    const queryMask = tensor([
      [true, true, true, false],
      [true, false, true, true],
    ]);
    const valueMask = tensor([
      [true, true, false, false],
      [true, true, true, false],
    ]);
    const layer = new Attention();
    for (const causal of [false, true]) {
      const got = layer.apply([query, value], {
        mask: [queryMask, valueMask],
        useCausalMask: causal,
        returnAttentionScores: true,
      }) as Tensor[];
      await expectMatches(got, await reference(query, value, value, { queryMask, valueMask, causal }));
    }
    setMask(query, queryMask);
    setMask(value, valueMask);
    const carried = layer.apply([query, value]) as Tensor;
    expect(maskOf(carried)).toBe(queryMask);
    const [want] = await reference(query, value, value, { queryMask, valueMask });
    await expectClose(carried, want);
    dispose([query, value, queryMask, valueMask, carried]);
    tfc.dispose(want);
    layer.dispose();
  });

  test('computeOutputShape takes the call options that change the outputs', () => {
    const layer = new Attention();
    expect(
      layer.computeOutputShape(
        [
          [null, 3, 4],
          [null, 5, 6],
        ],
        { returnAttentionScores: true },
      ),
    ).toEqual([
      [null, 3, 6],
      [null, 3, 5],
    ]);
    layer.dispose();
  });

  test('clear errors', () => {
    const layer = new Attention();
    const x = randomNormal([2, 3, 4]);
    expect(() => layer.apply(x)).toThrow(/takes a list of 2 or 3 inputs, \[query, value\] or \[query, value, key\]/);
    expect(() => layer.apply([x, randomNormal([2, 3])])).toThrow(
      /value must have shape \[batch, time, dim\], received \[2,3\]/,
    );
    expect(() => layer.apply([x, randomNormal([2, 3, 5])])).toThrow(/query and key must have the same last axis/);
    expect(() => layer.apply([x, x], { mask: tensor([[true, true, true]]) })).toThrow(
      /mask must be a list \[queryMask, valueMask\]/,
    );
    expect(() => layer.apply([x, x], { useCausalMask: 'yes' })).toThrow(
      /the call option useCausalMask must be true or false, received "yes"/,
    );
    expect(() => new Attention({ scoreMode: 'general' as never })).toThrow(
      /scoreMode must be 'dot' or 'concat', received "general"/,
    );
    expect(() => new Attention({ dropout: -0.1 })).toThrow(/dropout must be a number in \[0, 1\), received -0.1/);
    dispose(x);
    layer.dispose();
  });
});
