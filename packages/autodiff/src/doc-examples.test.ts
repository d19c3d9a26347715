// What the @example blocks of GradientTape, grad, valueAndGrad, customGradient and stopGradient
// state, computed. The derivatives are hand-computed (d(x³)/dx = 3x², d(Σx²)/dx = 2x, ...).
import { cpu } from '@strata/backend-cpu';
import { clipByValue, clone, mul, scalar, setBackend, square, sum, tensor, tidy, type Tensor } from '@strata/tensor';
import { expectNoLeak } from '@strata/tensor/testing';
import { GradientTape, customGradient, grad, stopGradient, valueAndGrad } from './index';

beforeAll(async () => {
  await setBackend(cpu());
});

const values = (t: Tensor | null): number[] => Array.from(t!.dataSync());

test('GradientTape: d(x²)/dx = 2x', () =>
  expectNoLeak(() =>
    tidy(() => {
      const x = tensor([1, 2, 3]);
      const tape = new GradientTape();
      tape.watch(x);
      const y = tape.record(() => mul(x, x));
      expect(values(tape.gradient(y, x))).toEqual([2, 4, 6]);
      tape.dispose();
    }),
  ));

test('grad: 3x², 6x, and two arguments', () =>
  expectNoLeak(() =>
    tidy(() => {
      const cube = (x: Tensor) => mul(x, mul(x, x));
      expect(values(grad(cube)(tensor([1, 2])))).toEqual([3, 12]);
      expect(values(grad(grad(cube))(tensor([1, 2])))).toEqual([6, 12]);
      const both = grad((a: Tensor, b: Tensor) => mul(a, b), { argnums: [0, 1] })(scalar(3), scalar(4));
      expect(both.map((g) => values(g)[0])).toEqual([4, 3]);
    }),
  ));

test('valueAndGrad: Σx² = 5 at [1, 2], gradient [2, 4]', () =>
  expectNoLeak(() =>
    tidy(() => {
      const { value, grad: g } = valueAndGrad((x: Tensor) => sum(square(x)))(tensor([1, 2]));
      expect(values(value)).toEqual([5]);
      expect(values(g)).toEqual([2, 4]);
    }),
  ));

test('customGradient: the clipped gradient is 1, not 5', () =>
  expectNoLeak(() =>
    tidy(() => {
      const clipGradient = customGradient((x: Tensor) => ({
        value: clone(x),
        gradFunc: (dy) => [clipByValue(dy, -1, 1)],
      }));
      expect(values(grad((x: Tensor) => mul(clipGradient(x), 5))(tensor([2])))).toEqual([1]);
    }),
  ));

test('stopGradient: d(x·stop(x))/dx = x', () =>
  expectNoLeak(() =>
    tidy(() => {
      expect(values(grad((x: Tensor) => mul(x, stopGradient(x)))(tensor([3])))).toEqual([3]);
    }),
  ));
