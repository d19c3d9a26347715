import { dispose, memory, randomNormal, tensor, tidy, type Tensor } from '@strata/tensor';
import { Add } from './add';
import { Multiply } from './multiply';
import { maskOf, setMask } from '../../masking';
import { describeOnBackends, expectClose, traceShape } from '../../testing/layer-oracle';

describeOnBackends('Merge (through Add and Multiply)', () => {
  test('shape errors surface at definition time, naming the layer and both shapes', () => {
    const add = new Add({ name: 'bad_add' });
    expect(() =>
      add.ensureBuilt([
        [null, 4],
        [null, 5],
      ]),
    ).toThrow(
      'Add layer "bad_add": inputs have incompatible shapes [null,4] and [null,5] (inputs 0 and 1); after the batch axis each axis must be equal, or 1 in one of them',
    );
    expect(() =>
      add.computeOutputShape([
        [2, 3],
        [4, 3],
      ]),
    ).toThrow(
      'Add layer "bad_add": inputs have different batch sizes (shapes [2,3], [4,3]); every input must hold the same number of examples',
    );
    expect(() => add.computeOutputShape([null, 3])).toThrow(
      'Add layer "bad_add" must be called on a list of at least 1 inputs, received one tensor of shape [null,3]; pass an array: layer.apply([a, b])',
    );
    expect(
      add.computeOutputShape([
        [null, 1, 4],
        [null, 3, 1],
        [5, 4],
      ]),
    ).toEqual([5, 3, 4]);
    expect(
      add.computeOutputShape([
        [null, 4],
        [null, 3, 4],
      ]),
    ).toEqual([null, 3, 4]);
  });

  test('eager inputs with clashing shapes fail the same way, without leaking', () => {
    const before = memory().numTensors;
    const add = new Add({ name: 'eager_add' });
    expect(() => tidy(() => add.apply([tensor([[1, 2]]), tensor([[1, 2, 3]])]))).toThrow(
      'Add layer "eager_add": inputs have incompatible shapes [1,2] and [1,3]',
    );
    // A built layer checks again on every call: the first shapes do not bind it.
    const reused = new Add({ name: 'reused_add' });
    tidy(() => {
      reused.apply([tensor([[1, 2]]), tensor([[3, 4]])]);
    });
    expect(() => tidy(() => reused.apply([tensor([[1, 2]]), tensor([[1, 2, 3]])]))).toThrow(
      'Add layer "reused_add": inputs have incompatible shapes [1,2] and [1,3]',
    );
    expect(memory().numTensors).toBe(before);
  });

  test('a lower-rank input broadcasts per example: axes are inserted after its batch axis', async () => {
    const a = randomNormal([2, 4], { seed: 1 });
    const b = randomNormal([2, 3, 4], { seed: 2 });
    const y = new Add().apply([a, b]) as Tensor;
    const [av, bv] = [await a.data(), await b.data()];
    await expectClose(
      y,
      Array.from(bv, (v, i) => v + av[Math.floor(i / 12) * 4 + (i % 4)]),
    );
    dispose([a, b, y]);
  });

  test('the output mask is the OR of the input masks, as Keras 3, and none unless every input has one', async () => {
    const [a, b, c] = [
      randomNormal([2, 3, 2], { seed: 1 }),
      randomNormal([2, 3, 2], { seed: 2 }),
      randomNormal([2, 3, 2], { seed: 3 }),
    ];
    const ma = tensor([
      [true, true, false],
      [true, false, true],
    ]);
    const mb = tensor([
      [true, false, false],
      [true, true, true],
    ]);
    setMask(a, ma);
    setMask(b, mb);
    const y = new Multiply().apply([a, b]) as Tensor;
    const mask = maskOf(y)!;
    expect(mask.dtype).toBe('bool');
    expect(await mask.array()).toEqual([
      [1, 1, 0],
      [1, 1, 1],
    ]);
    const partly = new Multiply().apply([a, b, c]) as Tensor;
    expect(maskOf(partly)).toBeNull();
    const unmasked = new Multiply().apply([c, c]) as Tensor;
    expect(maskOf(unmasked)).toBeNull();
    dispose([a, b, c, ma, mb, y, mask, partly, unmasked]);
  });

  test('traces with unknown batch sizes', () => {
    expect(
      traceShape(new Add(), [
        [null, 4],
        [null, 3, 4],
      ]),
    ).toEqual([null, 3, 4]);
    expect(
      traceShape(new Multiply(), [
        [null, 1, 4],
        [null, 3, 1],
        [null, 3, 4],
      ]),
    ).toEqual([null, 3, 4]);
  });
});
