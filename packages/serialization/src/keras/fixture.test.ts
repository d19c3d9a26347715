import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { tensor, tidy, type Tensor } from '@strata/tensor';
import type { Model } from '@strata/models';
import { registerSerializable, unregisterSerializable } from '../registry';
import { NestedDenseModel, useCpu } from '../testing/keras-models';
import { decodeKerasArchive } from './archive';

// Written by Keras 3.15 (keras-team/keras keras/src/saving/test_data): a subclassed model registered
// as legacy_nested_container>NestedDenseModel, its Dense blocks in a list of lists.
const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'keras', 'pre_pr22362_nested_container.keras');

beforeAll(useCpu);
beforeAll(() => registerSerializable(NestedDenseModel, { package: 'legacy_nested_container' }));
afterAll(() => unregisterSerializable('legacy_nested_container>NestedDenseModel'));

describe('the .keras file Keras 3.15 wrote for NestedDenseModel', () => {
  it('loads, with each kernel where the test that wrote it put it', async () => {
    const model = (await decodeKerasArchive(new Uint8Array(readFileSync(FIXTURE)), {
      what: 'pre_pr22362_nested_container.keras',
    })) as Model;
    expect(model).toBeInstanceOf(NestedDenseModel);
    expect(model.name).toBe('nested_dense_model');
    expect((model as NestedDenseModel).num).toBe(3);
    const weights = await Promise.all(
      model.weights.map(async (w) => [w.name, [...w.shape], Array.from(new Set(await w.data()))]),
    );
    expect(weights).toEqual([
      ['d_0/kernel', [4, 4], [Math.fround(0.1)]],
      ['d_1/kernel', [4, 4], [Math.fround(0.2)]],
      ['d_2/kernel', [4, 4], [Math.fround(0.3)]],
      ['dense/kernel', [4, 2], [0.5]],
      ['dense/bias', [2], [0]],
    ]);
    // By hand: x·K1 sums x times 0.1 into each of 4 units, and so on; the output Dense sums times 0.5.
    //   x = [1,2,3,4]: sum 10 → 1 → 0.2·4 = 0.8 → 0.3·3.2 = 0.96 → 0.5·3.84 = 1.92
    //   x = [1,1,1,1]: sum 4 → 0.4 → 0.2·1.6 = 0.32 → 0.3·1.28 = 0.384 → 0.5·1.536 = 0.768
    const x = tensor([
      [1, 2, 3, 4],
      [1, 1, 1, 1],
    ]);
    const y = tidy(() => model.predict(x) as Tensor);
    const got = Array.from(await y.data());
    [1.92, 1.92, 0.768, 0.768].forEach((want, i) => expect(got[i]).toBeCloseTo(want, 5));
    for (const t of [x, y, model]) t.dispose();
  });
});
