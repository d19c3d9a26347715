import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import {
  add,
  cast,
  matmul,
  mean,
  memory,
  mul,
  reshape,
  scalar,
  setBackend,
  sigmoid,
  sin,
  sqrt,
  square,
  sub,
  sum,
  tanh,
  tensor,
  tidy,
  variable,
  type Tensor,
} from '@strata/tensor';
import { defineOp, engine, runOp } from '@strata/tensor/internal';
import { GradientTape, customGradient, grad, stopGradient, valueAndGrad } from './index';

const values = (t: Tensor | null): number[] => Array.from(t!.dataSync());
/**
 * A test body run inside tidy(): the test's own tensors are freed, so the leak check after each
 * test sees only what the library kept (tapes keep their handles outside every tidy()).
 */
const scoped = (body: () => void) => () => void tidy(body);
const closeTo = (got: number[], want: number[], tol = 1e-5) => {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(Math.abs(g - want[i])).toBeLessThanOrEqual(tol * (1 + Math.abs(want[i]))));
};

// The whole suite runs on each backend: the tape and the rules must not depend on one.
for (const factory of [cpu(), wasm()]) {
  describe(`on ${factory.name}`, () => {
    beforeAll(async () => {
      await setBackend(factory);
    });
    // No test may leave a tensor behind: the tape's own handles included.
    let liveBefore = 0;
    beforeEach(() => {
      liveBefore = memory().numTensors;
    });
    afterEach(() => {
      expect(memory().numTensors - liveBefore).toBe(0);
    });

    describe('GradientTape', () => {
      it(
        'differentiates what it records with respect to a watched tensor',
        scoped(() => {
          const x = tensor([1, 2, 3]);
          const tape = new GradientTape();
          tape.watch(x);
          const y = tape.record(() => mul(x, x));
          const g = tape.gradient(y, x);
          closeTo(values(g), [2, 4, 6]);
          for (const t of [x, y, g!]) t.dispose();
        }),
      );

      it(
        'watches trainable variables read inside record, and not non-trainable ones',
        scoped(() => {
          const w = variable(tensor([1, 2]));
          const frozen = variable(tensor([3, 4]), { trainable: false });
          const tape = new GradientTape();
          const y = tape.record(() => tidy(() => sum(mul(w, frozen))));
          const [gw, gf] = tape.gradient(y, [w, frozen]);
          closeTo(values(gw), [3, 4]);
          expect(gf).toBeNull();
          for (const t of [w, frozen, y, gw!]) t.dispose();
        }),
      );

      it(
        'returns gradients in the shape of the sources: one tensor, an array, or named',
        scoped(() => {
          const a = variable(scalar(2));
          const b = variable(scalar(5));
          const tape = new GradientTape({ persistent: true });
          const y = tape.record(() => mul(a, b));
          const named = tape.gradient(y, { a, b });
          closeTo(values(named.a), [5]);
          closeTo(values(named.b), [2]);
          const single = tape.gradient(y, a);
          closeTo(values(single), [5]);
          tape.dispose();
          for (const t of [a, b, y, named.a!, named.b!, single!]) t.dispose();
        }),
      );

      it(
        'sums the gradients of several targets and accepts output gradients',
        scoped(() => {
          const x = tensor([1, 2]);
          const tape = new GradientTape();
          tape.watch(x);
          const [y1, y2] = tape.record(() => [mul(x, 3), square(x)]);
          const dy1 = tensor([1, 10]);
          const dy2 = tensor([2, 1]);
          const g = tape.gradient([y1, y2], x, { outputGradients: [dy1, dy2] });
          closeTo(values(g), [3 * 1 + 2 * 1 * 2, 3 * 10 + 2 * 2 * 1]);
          for (const t of [x, y1, y2, dy1, dy2, g!]) t.dispose();
        }),
      );

      it(
        'gives the gradient with respect to an intermediate result',
        scoped(() => {
          const x = tensor([1, 2]);
          const tape = new GradientTape();
          tape.watch(x);
          const { h, y } = tape.record(() => {
            const h = mul(x, 2);
            return { h, y: sum(square(h)) };
          });
          const [gh, gx] = tape.gradient(y, [h, x]);
          closeTo(values(gh), [4, 8]);
          closeTo(values(gx), [8, 16]);
          for (const t of [x, h, y, gh!, gx!]) t.dispose();
        }),
      );

      it(
        'gives null, or zeros on request, for an unconnected source',
        scoped(() => {
          const x = tensor([1, 2]);
          const other = tensor([5, 6]);
          const tape = new GradientTape({ persistent: true });
          tape.watch([x, other]);
          const y = tape.record(() => sum(x));
          expect(tape.gradient(y, other)).toBeNull();
          const zero = tape.gradient(y, other, { unconnected: 'zero' });
          closeTo(values(zero), [0, 0]);
          tape.dispose();
          for (const t of [x, other, y, zero]) t.dispose();
        }),
      );

      it(
        'a copy per source: one gradient tensor is never handed out twice',
        scoped(() => {
          const a = tensor([1, 2]);
          const b = tensor([3, 4]);
          const tape = new GradientTape();
          tape.watch([a, b]);
          const y = tape.record(() => add(a, b));
          const dy = tensor([1, 1]);
          const [ga, gb] = tape.gradient(y, [a, b], { outputGradients: dy });
          expect(ga).not.toBe(gb);
          expect(ga).not.toBe(dy);
          ga!.dispose();
          closeTo(values(gb), [1, 1]);
          closeTo(values(dy), [1, 1]);
          for (const t of [a, b, y, dy, gb!]) t.dispose();
        }),
      );

      it(
        'stopGradient blocks the gradient',
        scoped(() => {
          const x = tensor([2, 3]);
          const tape = new GradientTape();
          tape.watch(x);
          const y = tape.record(() => tidy(() => sum(mul(x, stopGradient(x)))));
          closeTo(values(tape.gradient(y, x)), [2, 3]);
        }),
      );

      it(
        'records only inside record()',
        scoped(() => {
          const x = tensor([2, 3]);
          const tape = new GradientTape();
          tape.watch(x);
          const outside = mul(x, 5);
          const y = tape.record(() => mul(outside, x));
          closeTo(values(tape.gradient(y, x)), [10, 15]); // `outside` is a constant to this tape
        }),
      );
    });

    describe('errors', () => {
      it(
        'a non-persistent tape computes one gradient',
        scoped(() => {
          const x = tensor([1]);
          const tape = new GradientTape();
          tape.watch(x);
          const y = tape.record(() => mul(x, 2));
          tape.gradient(y, x)!.dispose();
          expect(() => tape.gradient(y, x)).toThrow(/already computed its gradient.*persistent: true/);
        }),
      );

      it(
        'an integer target is an error, never a zero',
        scoped(() => {
          const x = tensor([1.5, 2.5]);
          const tape = new GradientTape();
          tape.watch(x);
          const y = tape.record(() => cast(x, 'int32'));
          expect(() => tape.gradient(y, x)).toThrow(/target has dtype int32; only float32 tensors have gradients/);
        }),
      );

      it(
        'an integer source gets null, or an error when zeros are asked for',
        scoped(() => {
          const i = tensor([1, 2], [2], 'int32');
          const tape = new GradientTape({ persistent: true });
          tape.watch(i);
          const y = tape.record(() => sum(mul(cast(i, 'float32'), 2)));
          expect(tape.gradient(y, i)).toBeNull();
          expect(() => tape.gradient(y, i, { unconnected: 'zero' })).toThrow(
            /source 0 \(shape \[2\]\) has dtype int32, which has no gradient/,
          );
          tape.dispose();
        }),
      );

      it(
        'an op without a rule names the op',
        scoped(() => {
          const madeUpOp = defineOp({
            name: 'madeUpOp',
            infer: ([x]) => x,
            kernel: (ctx, [x]) => ctx.run('Identity', { x }),
          });
          const x = tensor([1, 2]);
          const tape = new GradientTape();
          tape.watch(x);
          const y = tape.record(() => runOp(madeUpOp, [x], {}));
          const before = memory().numTensors;
          expect(() => tape.gradient(y, x)).toThrow("no gradient rule for op 'madeUpOp'");
          expect(memory().numTensors).toBe(before - 2); // the tape's own handles on x and y, freed
        }),
      );

      it(
        'bad arguments say what was expected',
        scoped(() => {
          const tape = new GradientTape();
          expect(() => tape.watch(3 as unknown as Tensor)).toThrow(
            /expected a Tensor or an array of Tensors, received number 3/,
          );
          expect(() => tape.record(() => Promise.resolve(1))).toThrow(/returned a Promise/);
        }),
      );
    });

    describe('grad and valueAndGrad', () => {
      it(
        'grad of a non-scalar function is the gradient of its sum',
        scoped(() => {
          const x = tensor([0.5, -1]);
          closeTo(values(grad((v: Tensor) => sin(v))(x)), [Math.cos(0.5), Math.cos(-1)]);
        }),
      );

      it(
        'argnums picks the arguments',
        scoped(() => {
          const f = (a: Tensor, b: Tensor) => sum(mul(square(a), b));
          const a = tensor([1, 2]);
          const b = tensor([3, 4]);
          const [ga, gb] = grad(f, { argnums: [0, 1] })(a, b);
          closeTo(values(ga), [6, 16]);
          closeTo(values(gb), [1, 4]);
          const only = grad(f, { argnums: 1 })(a, b);
          closeTo(values(only), [1, 4]);
          const { value, grad: g } = valueAndGrad(f)(a, b);
          closeTo(values(value), [3 + 16]);
          closeTo(values(g), [6, 16]);
        }),
      );

      it(
        'argnums outside the arguments, or on an integer tensor, is an error',
        scoped(() => {
          const f = (a: Tensor) => sum(a);
          expect(() => grad(f, { argnums: 2 })(tensor([1]))).toThrow(
            /argnums holds 2, but the function was called with 1 argument/,
          );
          expect(() => grad(f)(tensor([1], [1], 'int32'))).toThrow(/argument 0 has dtype int32, which has no gradient/);
        }),
      );

      it(
        'grad(grad(f)) is the second derivative',
        scoped(() => {
          const x = tensor([0.3, -0.7]);
          const d2 = grad(grad((v: Tensor) => mul(square(v), v)))(x); // (x^3)'' = 6x
          closeTo(values(d2), [1.8, -4.2]);
        }),
      );
    });

    describe('customGradient', () => {
      it(
        'uses the gradient function given, with saved tensors outliving tidy()',
        scoped(() => {
          const halfGradient = customGradient((x: Tensor) => {
            const doubled = mul(x, 2);
            return { value: square(x), save: [doubled], gradFunc: (dy, [saved]) => mul(dy, mul(saved, 0.25)) }; // deliberately not 2x
          });
          const x = tensor([2, 4]);
          const tape = new GradientTape();
          tape.watch(x);
          const y = tape.record(() => tidy(() => sum(halfGradient(x))));
          closeTo(values(tape.gradient(y, x)), [1, 2]);
        }),
      );

      it(
        'is itself differentiable: outer tapes see the gradient function run',
        scoped(() => {
          const cube = customGradient((x: Tensor) => ({
            value: mul(square(x), x),
            gradFunc: (dy, _saved, [input]) => mul(dy, mul(square(input), 3)),
          }));
          const x = tensor([0.5, 2]);
          closeTo(values(grad(grad((v: Tensor) => cube(v)))(x)), [3, 12]);
        }),
      );

      it(
        'checks what the gradient function returns',
        scoped(() => {
          const bad = customGradient((a: Tensor, b: Tensor) => ({ value: add(a, b), gradFunc: (dy) => [dy] }));
          expect(() => grad((a: Tensor) => bad(a, a))(tensor([1]))).toThrow(
            /gradFunc returned 1 gradient\(s\) for a function of 2 input\(s\)/,
          );
        }),
      );
    });

    describe('second order', () => {
      // d^2/dx^2 by nested tapes, checked against TensorFlow.js-independent central differences of the
      // first derivative (computed by Strata's tape), in float64 on the host.
      const secondDerivativeCheck = (f: (x: Tensor) => Tensor, points: number[]) => {
        const d1 = (v: number) => {
          const x = tensor([v]);
          const g = grad(f)(x);
          const out = g.dataSync()[0];
          x.dispose();
          g.dispose();
          return out;
        };
        const x = tensor(points);
        const outer = new GradientTape();
        const inner = new GradientTape();
        outer.watch(x);
        inner.watch(x);
        const g = outer.record(() => {
          const y = inner.record(() => f(x));
          return inner.gradient(y, x)!;
        });
        const d2 = values(outer.gradient(g, x));
        const h = 1e-2;
        const fd = points.map((p) => (d1(p + h) - d1(p - h)) / (2 * h));
        closeTo(d2, fd, 2e-3);
        return d2;
      };

      it(
        'd²/dx² tanh',
        scoped(() => {
          const pts = [-1.3, -0.2, 0.4, 1.1];
          const d2 = secondDerivativeCheck(tanh, pts);
          closeTo(
            d2,
            pts.map((p) => -2 * Math.tanh(p) * (1 - Math.tanh(p) ** 2)),
            1e-4,
          );
        }),
      );

      it(
        'd²/dx² sigmoid',
        scoped(() => {
          const pts = [-2.1, -0.5, 0.3, 1.7];
          const s = (p: number) => 1 / (1 + Math.exp(-p));
          const d2 = secondDerivativeCheck(sigmoid, pts);
          closeTo(
            d2,
            pts.map((p) => s(p) * (1 - s(p)) * (1 - 2 * s(p))),
            1e-4,
          );
        }),
      );
    });

    describe('Hessian-vector product and gradient penalty', () => {
      // A small MLP: loss(W1, b1, W2) = mean((tanh(x W1 + b1) W2 - t)^2).
      const x = () =>
        tensor([
          [0.2, -1.1, 0.5],
          [1.3, 0.4, -0.7],
          [-0.6, 0.9, 1.2],
          [0.8, -0.3, -1.4],
          [0.1, 1.6, 0.3],
        ]);
      const target = () =>
        tensor([
          [0.5, -0.2],
          [0.1, 0.9],
          [-0.4, 0.3],
          [0.7, -0.8],
          [0.2, 0.6],
        ]);
      const shapes = [[3, 4], [4], [4, 2]];
      const lcg = (seed: number, n: number) => {
        let s = seed;
        return Array.from({ length: n }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1);
      };
      const theta = shapes.map((sh, i) =>
        lcg(
          11 + i,
          sh.reduce((a, b) => a * b, 1),
        ),
      );
      const direction = shapes.map((sh, i) =>
        lcg(
          97 + i,
          sh.reduce((a, b) => a * b, 1),
        ),
      );
      const loss = (xs: Tensor, ts: Tensor, [w1, b1, w2]: Tensor[]) =>
        mean(square(sub(matmul(tanh(add(matmul(xs, w1), b1)), w2), ts)));

      /** The gradient of the loss at parameters `p` (host arrays), by Strata's tape. */
      const gradientAt = (p: number[][]): number[][] =>
        tidy(() => {
          const params = p.map((v, i) => tensor(v, shapes[i]));
          const tape = new GradientTape();
          tape.watch(params);
          const l = tape.record(() => loss(x(), target(), params));
          return tape.gradient(l, params).map((g) => Array.from(g!.dataSync()));
        });

      it(
        'H v of the MLP loss matches central differences of its gradient',
        scoped(() => {
          const hv = tidy(() => {
            const params = theta.map((v, i) => tensor(v, shapes[i]));
            const v = direction.map((d, i) => tensor(d, shapes[i]));
            const outer = new GradientTape();
            outer.watch(params);
            const gv = outer.record(() => {
              const inner = new GradientTape();
              inner.watch(params);
              const l = inner.record(() => loss(x(), target(), params));
              const g = inner.gradient(l, params);
              return g.map((gi, i) => sum(mul(gi!, v[i]))).reduce((a, b) => add(a, b));
            });
            return outer.gradient(gv, params).map((h) => Array.from(h!.dataSync()));
          });
          const h = 1e-2;
          const shifted = (sign: number) =>
            gradientAt(theta.map((p, i) => p.map((e, j) => e + sign * h * direction[i][j])));
          const [up, down] = [shifted(1), shifted(-1)];
          hv.forEach((block, i) =>
            closeTo(
              block,
              block.map((_, j) => (up[i][j] - down[i][j]) / (2 * h)),
              5e-3,
            ),
          );
        }),
      );

      it(
        'a WGAN-GP gradient penalty differentiates through the gradient of the critic',
        scoped(() => {
          // critic(x) = sum(tanh(x W)); penalty(W) = mean over rows of (|d critic / dx| - 1)^2
          const xs = [
            [0.3, -0.8],
            [1.1, 0.4],
            [-0.5, 0.9],
          ];
          const w0 = [0.7, -0.4, 0.2, 0.9, -0.6, 0.5];
          const penalty = (w: Tensor, inputs: Tensor) => {
            const inner = new GradientTape();
            inner.watch(inputs);
            const critic = inner.record(() => sum(tanh(matmul(inputs, w))));
            const dx = inner.gradient(critic, inputs)!;
            const norm = sqrt(sum(square(dx), 1));
            return mean(square(add(norm, -1)));
          };
          const analytic = tidy(() => {
            const w = tensor(w0, [2, 3]);
            const inputs = tensor(xs);
            const tape = new GradientTape();
            tape.watch(w);
            const p = tape.record(() => penalty(w, inputs));
            return Array.from(tape.gradient(p, w)!.dataSync());
          });
          const at = (wv: number[]) => tidy(() => penalty(tensor(wv, [2, 3]), tensor(xs)).dataSync()[0]);
          const h = 1e-2;
          const fd = w0.map(
            (_, j) =>
              (at(w0.map((e, k) => (k === j ? e + h : e))) - at(w0.map((e, k) => (k === j ? e - h : e)))) / (2 * h),
          );
          closeTo(analytic, fd, 5e-3);
        }),
      );
    });

    describe('memory', () => {
      it('a tape used and discarded 1,000 times leaves the live tensor count unchanged', () => {
        const w = tidy(() =>
          variable(
            tensor([
              [0.5, -0.2],
              [0.1, 0.3],
            ]),
          ),
        );
        const x = tensor([[1, 2]]);
        const step = () => {
          const tape = new GradientTape();
          const loss = tape.record(() => tidy(() => mean(square(tanh(matmul(x, w))))));
          const g = tape.gradient(loss, w)!;
          tidy(() => w.assign(add(w, mul(g, -0.1))));
          g.dispose();
          loss.dispose();
        };
        step();
        const before = memory().numTensors;
        for (let i = 0; i < 1000; i++) step();
        expect(memory().numTensors).toBe(before);
        w.dispose();
        x.dispose();
      });

      it('a persistent tape frees everything on dispose()', () => {
        const before = memory().numTensors;
        const x = tensor([1, 2, 3]);
        const tape = new GradientTape({ persistent: true });
        tape.watch(x);
        tape.record(() => tidy(() => sum(square(sin(x))))).dispose();
        expect(memory().numTensors).toBeGreaterThan(before + 1);
        tape.dispose();
        expect(memory().numTensors).toBe(before + 1);
        x.dispose();
        expect(() => tape.gradient(x, x)).toThrow(/the tape was disposed/);
      });

      it('an error in the middle of the backward pass leaks nothing', () => {
        const x = tensor([1, 2]);
        const before = memory().numTensors;
        const failing = customGradient((v: Tensor) => ({
          value: square(v),
          gradFunc: () => {
            throw new Error('boom');
          },
        }));
        const tape = new GradientTape();
        tape.watch(x);
        const y = tape.record(() => tidy(() => sum(mul(failing(x), 3))));
        expect(() => tape.gradient(y, x)).toThrow('boom');
        y.dispose();
        expect(memory().numTensors).toBe(before);
        x.dispose();
      });
    });

    describe('the engine interface', () => {
      it(
        'leaves no observer registered once record() returns',
        scoped(() => {
          const tape = new GradientTape();
          tape.record(() => reshape(tensor([1, 2]), [2, 1]).dispose());
          expect(engine.observing).toBe(false);
        }),
      );
    });
  });
}
