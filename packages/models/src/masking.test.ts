import { setBackend, tensor, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { expectNoLeak } from '@strata/tensor/testing';
import { Dense, Embedding, GlobalAveragePooling1D } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional } from './index';

beforeAll(async () => {
  await setBackend(cpu());
});

test("a mask from Embedding(maskZero) passes through Dense to the layers after it, as Keras 3's", async () => {
  const ids = input({ shape: [4], dtype: 'int32', name: 'ids' });
  const embedding = new Embedding({ inputDim: 6, outputDim: 3, maskZero: true, name: 'embedding' });
  const dense = new Dense({ units: 2, name: 'dense' });
  const pooled = new GlobalAveragePooling1D({ name: 'pool' }).apply(dense.apply(embedding.apply(ids)));
  const m = new Functional({ inputs: ids, outputs: pooled, name: 'masked_mean' });
  const x = tensor(
    [
      [1, 2, 0, 0],
      [3, 0, 4, 5],
    ],
    [2, 4],
    'int32',
  );
  await expectNoLeak(async () => {
    const y = m.apply(x) as Tensor;
    // By hand: the pooled Dense outputs of the non-padding steps only (a dropped mask averages all four).
    const vectors = embedding.apply(x) as Tensor;
    const steps = dense.apply(vectors) as Tensor;
    const rows = (await steps.array()) as number[][][];
    const keep = [
      [0, 1],
      [0, 2, 3],
    ];
    const want = keep.map((t, b) => [0, 1].map((u) => t.reduce((acc, i) => acc + rows[b][i][u], 0) / t.length));
    const got = (await y.array()) as number[][];
    got.flat().forEach((v, i) => expect(v).toBeCloseTo(want.flat()[i], 5));
    for (const t of [y, vectors, steps]) t.dispose();
  });
  x.dispose();
  m.dispose();
});
