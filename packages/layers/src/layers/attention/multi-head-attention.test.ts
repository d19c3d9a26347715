import * as tfc from '@tensorflow/tfjs-core';
import { dispose, randomNormal, tensor, tidy, type Tensor } from '@strata/tensor';
import { MultiHeadAttention, type MultiHeadAttentionArgs } from './index';
import { runLayerTest } from '../../testing';
import { describeOnBackends, expectClose, toTf, weightsToTf } from '../../testing/layer-oracle';
import { maskOf, setMask } from '../../masking';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Keras 3's MultiHeadAttention written out with TensorFlow.js's einsum, with Keras's own equations
 * for inputs of rank `rank` (attention over every position axis): projections, scaled dot
 * product, softmax over all key positions with masked ones at −1e9, combination, output projection.
 * `allowed` is the bool mask [batch, ...query positions, ...key positions] (null: all allowed).
 */
async function reference(
  layer: MultiHeadAttention,
  query: Tensor,
  value: Tensor,
  key: Tensor,
  allowed: Tensor | null,
): Promise<tfc.Tensor[]> {
  const w = await weightsToTf(layer);
  const [q0, v0, k0] = await Promise.all([toTf(query), toTf(value), toTf(key)]);
  const m = allowed ? await toTf(allowed) : null;
  const out = tfc.tidy(() => {
    const rank = query.shape.length;
    const free = LETTERS.slice(0, rank - 1);
    const [c, h, d] = LETTERS.slice(rank - 1, rank + 2);
    const projection = `${free}${c},${c}${h}${d}->${free}${h}${d}`;
    const [qk, qb, kk, kb, vk, vb, ok, ob] = layer.useBias ? w : [w[0], null, w[1], null, w[2], null, w[3], null];
    const project = (x: tfc.Tensor, kernel: tfc.Tensor, bias: tfc.Tensor | null) => {
      const y = tfc.einsum(projection, x, kernel);
      return bias ? tfc.add(y, bias) : y;
    };
    const q = tfc.mul(project(q0, qk, qb), 1 / Math.sqrt(layer.keyDim));
    const k = project(k0, kk, kb);
    const v = project(v0, vk, vb);
    // Keras's _build_attention_equation: target 'a<query positions><heads><dim>', source with fresh letters for key positions.
    const projectedRank = rank + 1;
    const target = LETTERS.slice(0, projectedRank);
    const positions = Array.from({ length: rank - 2 }, (_, i) => i + 1);
    const source = target
      .split('')
      .map((ch, i) => (positions.includes(i) ? LETTERS[projectedRank + positions.indexOf(i)] : ch))
      .join('');
    const product =
      target[0] +
      target[projectedRank - 2] +
      positions.map((i) => target[i]).join('') +
      positions.map((i) => source[i]).join('');
    let scores = tfc.einsum(`${source},${target}->${product}`, k, q);
    if (m) scores = tfc.add(scores, tfc.mul(tfc.sub(1, tfc.expandDims(tfc.cast(m, 'float32'), 1)), -1e9));
    const keyPositions = positions.length;
    const flat = tfc.reshape(scores, [...scores.shape.slice(0, scores.rank - keyPositions), -1]);
    const weights = tfc.reshape(tfc.softmax(flat), scores.shape);
    const combined = tfc.einsum(`${product},${source}->${target}`, weights, v);
    const outLetters = LETTERS.slice(projectedRank, projectedRank + ok.rank - 2);
    let output = tfc.einsum(
      `${target},${target.slice(-2)}${outLetters}->${target.slice(0, -2)}${outLetters}`,
      combined,
      ok,
    );
    if (ob) output = tfc.add(output, ob);
    return [output, weights];
  });
  tfc.dispose([...w, q0, v0, k0, ...(m ? [m] : [])]);
  return out;
}

async function expectAsReference(
  options: MultiHeadAttentionArgs,
  shapes: number[][],
  call: Record<string, unknown> = {},
  allowed: Tensor | null = null,
): Promise<void> {
  const inputs = shapes.map((s, i) => randomNormal(s, { seed: i + 1 }));
  const layer = new MultiHeadAttention({ ...options, biasInitializer: 'randomNormal' });
  const got = layer.apply(inputs, { ...call, returnAttentionScores: true }) as Tensor[];
  const want = await reference(layer, inputs[0], inputs[1], inputs[2] ?? inputs[1], allowed);
  for (const [i, g] of got.entries()) await expectClose(g, want[i]);
  dispose([inputs, got]);
  tfc.dispose(want);
  layer.dispose();
}

describeOnBackends('MultiHeadAttention', () => {
  test('passes runLayerTest', async () => {
    await runLayerTest(MultiHeadAttention, {
      options: { numHeads: 2, keyDim: 3 },
      inputShape: [
        [2, 4, 5],
        [2, 6, 5],
      ],
      expectedOutputShape: [2, 4, 5],
      expectedTrainableWeights: 8,
    });
    await runLayerTest(MultiHeadAttention, {
      options: {
        numHeads: 3,
        keyDim: 2,
        valueDim: 4,
        useBias: false,
        outputShape: [3, 2],
        dropout: 0.2,
        seed: 5,
        kernelRegularizer: 'l2',
        biasConstraint: 'nonNeg',
      },
      inputShape: [
        [2, 4, 5],
        [2, 6, 3],
        [2, 6, 7],
      ],
      expectedOutputShape: [2, 4, 3, 2],
      expectedTrainableWeights: 4,
    });
    await runLayerTest(MultiHeadAttention, {
      options: { numHeads: 2, keyDim: 2, attentionAxes: [1, 2] },
      inputShape: [
        [2, 2, 3, 4],
        [2, 3, 2, 4],
      ],
      expectedOutputShape: [2, 2, 3, 4],
    });
  });

  test('weights are laid out as Keras 3 EinsumDense sublayers query, key, value, attention_output', () => {
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 3, valueDim: 4 });
    tidy(() => layer.apply([randomNormal([1, 2, 5]), randomNormal([1, 3, 6]), randomNormal([1, 3, 7])]));
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([
      ['query/kernel', [5, 2, 3]],
      ['query/bias', [2, 3]],
      ['key/kernel', [7, 2, 3]],
      ['key/bias', [2, 3]],
      ['value/kernel', [6, 2, 4]],
      ['value/bias', [2, 4]],
      ['attention_output/kernel', [2, 4, 5]],
      ['attention_output/bias', [5]],
    ]);
    layer.dispose();
  });

  test.each([
    [
      'self-attention',
      { numHeads: 2, keyDim: 3 },
      [
        [2, 4, 5],
        [2, 4, 5],
      ],
    ],
    [
      'cross-attention with a key, valueDim and no bias',
      { numHeads: 3, keyDim: 2, valueDim: 4, useBias: false },
      [
        [2, 3, 5],
        [2, 4, 6],
        [2, 4, 2],
      ],
    ],
    [
      'an outputShape of two axes',
      { numHeads: 2, keyDim: 2, outputShape: [3, 2] },
      [
        [2, 3, 4],
        [2, 5, 4],
      ],
    ],
    [
      'attention over two position axes',
      { numHeads: 2, keyDim: 3 },
      [
        [2, 2, 3, 4],
        [2, 3, 2, 4],
      ],
    ],
  ] as const)("%s matches Keras's einsum equations written out", async (_name, options, shapes) => {
    await expectAsReference(options, shapes as unknown as number[][]);
  });

  test('attentionMask, query/value masks and the causal mask combine as Keras', async () => {
    const attentionMask = tensor([
      [
        [true, false, true, true],
        [true, true, true, true],
        [false, true, true, true],
        [true, true, false, true],
      ],
    ]);
    await expectAsReference(
      { numHeads: 2, keyDim: 3 },
      [
        [1, 4, 3],
        [1, 4, 3],
      ],
      { attentionMask },
      attentionMask,
    );
    const queryMask = tensor([[true, true, false, true]]);
    const valueMask = tensor([[true, true, true, false]]);
    const causal = tensor(
      [
        [
          [1, 0, 0, 0],
          [1, 1, 0, 0],
          [1, 1, 1, 0],
          [1, 1, 1, 1],
        ],
      ],
      undefined,
      'bool',
    );
    const allowed = tidy(() => {
      const q = queryMask.dataSync();
      const v = valueMask.dataSync();
      const c = causal.dataSync();
      return tensor([
        Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, j) => Boolean(q[i] && v[j] && c[i * 4 + j]))),
      ]);
    });
    await expectAsReference(
      { numHeads: 2, keyDim: 3 },
      [
        [1, 4, 3],
        [1, 4, 3],
      ],
      { mask: [queryMask, valueMask], useCausalMask: true },
      allowed,
    );
    dispose([attentionMask, queryMask, valueMask, causal, allowed]);
  });

  test('computeOutputShape takes the call options that change the outputs', () => {
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 3, outputShape: 7 });
    expect(
      layer.computeOutputShape([
        [null, 4, 5],
        [null, 6, 5],
      ]),
    ).toEqual([null, 4, 7]);
    expect(
      layer.computeOutputShape(
        [
          [null, 4, 5],
          [null, 6, 5],
        ],
        { returnAttentionScores: true },
      ),
    ).toEqual([
      [null, 4, 7],
      [null, 2, 4, 6],
    ]);
    layer.dispose();
  });

  test('the query mask carried by the query is the output mask', () => {
    const layer = new MultiHeadAttention({ numHeads: 1, keyDim: 2 });
    const x = randomNormal([1, 3, 2]);
    const mask = tensor([[true, true, false]]);
    setMask(x, mask);
    const y = layer.apply([x, x]) as Tensor;
    expect(maskOf(y)).toBe(mask);
    dispose([x, mask, y]);
    layer.dispose();
  });

  test('clear errors', () => {
    expect(() => new MultiHeadAttention({ numHeads: 0, keyDim: 2 })).toThrow(
      /numHeads must be a positive integer, received 0/,
    );
    expect(() => new MultiHeadAttention({ numHeads: 2 } as never)).toThrow(
      /keyDim must be a positive integer, received undefined/,
    );
    expect(() => new MultiHeadAttention({ numHeads: 2, keyDim: 2, flashAttention: true })).toThrow(
      /flashAttention is not supported/,
    );
    const x = randomNormal([1, 2, 3, 4]);
    const odd = new MultiHeadAttention({ numHeads: 2, keyDim: 2, attentionAxes: [2] });
    expect(() => odd.apply([x, x])).toThrow(
      /attentionAxes \[2\] is not supported yet; only attention over all position axes \(\[1,2\], the default null\) is/,
    );
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 2 });
    expect(() => layer.apply([x, x], { useCausalMask: true })).toThrow(
      /useCausalMask needs \[batch, time, dim\] inputs/,
    );
    expect(() =>
      new MultiHeadAttention({ numHeads: 1, keyDim: 2 }).apply([
        randomNormal([1, 2, 3]),
        randomNormal([1, 4, 3]),
        randomNormal([1, 5, 3]),
      ]),
    ).toThrow(/value and key must agree on every axis but the last/);
    expect(() => layer.apply([randomNormal([1, 2, 3]), randomNormal([1, 2, 3])])).toThrow(
      /Input 0 of layer "multi_head_attention(_\d+)?" is incompatible: expected ndim=4, found ndim=3/,
    );
    dispose(x);
    odd.dispose();
    layer.dispose();
  });
});
