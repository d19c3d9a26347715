import { GradientTape } from '@strata/autodiff';
import {
  add,
  memory,
  randomNormal,
  randomUniform,
  sub,
  mul,
  sum,
  square,
  tidy,
  type DType,
  type Shape,
  type Tensor,
} from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import type { Layer } from '../layer';
import type { FromConfigOptions, LayerResolver } from '../layer-catalog';

type LayerClass<A> = {
  new (args: A): Layer;
  fromConfig(config: Record<string, unknown>, options?: FromConfigOptions): Layer;
  className: string;
};

export interface LayerTestSpec<A> {
  options: A;
  /** Input shape with the batch axis; an array of shapes for layers with several inputs. */
  inputShape: readonly number[] | readonly (readonly number[])[];
  inputDtype?: DType;
  /** Integer inputs (Embedding) are drawn in [0, maxInt). */
  maxInt?: number;
  /** Explicit input data instead of random values (the test disposes nothing it did not make). */
  inputs?: () => Tensor | Tensor[];
  expectedOutputShape?: Shape | readonly Shape[];
  expectedTrainableWeights?: number;
  expectedNonTrainableWeights?: number;
  /** Whether one gradient step must change the trainable weights (default: when there are some). */
  trainingStep?: boolean;
  /** Options passed to apply() besides training. */
  callOptions?: Record<string, unknown>;
  /** Resolves the layers named in the config on its round trip (custom nested classes). */
  resolveLayer?: LayerResolver;
}

function fail(cls: string, what: string): never {
  throw new Error(`runLayerTest(${cls}): ${what}`);
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === null || b[i] === null || d === b[i]);
}

/**
 * Keras's run_layer_test: config round trip, eager call, output shape against the expectation and
 * computeOutputShape, weight counts, one gradient step changing every trainable weight, and no
 * leaked tensors. Throws with a message naming what failed.
 */
export async function runLayerTest<A>(Cls: LayerClass<A>, spec: LayerTestSpec<A>): Promise<void> {
  const cls = Cls.className;
  const before = memory().numTensors;
  const layer = new Cls(spec.options);

  const config = layer.getConfig();
  const rebuilt = Cls.fromConfig(JSON.parse(JSON.stringify(config)), { resolveLayer: spec.resolveLayer });
  const again = rebuilt.getConfig();
  if (JSON.stringify(again) !== JSON.stringify(config))
    fail(cls, `config does not round-trip:\n  ${JSON.stringify(config)}\n  ${JSON.stringify(again)}`);
  rebuilt.dispose();

  const multi = Array.isArray(spec.inputShape[0]);
  const shapes = (multi ? spec.inputShape : [spec.inputShape]) as readonly (readonly number[])[];
  const made: Tensor[] = spec.inputs
    ? [spec.inputs()].flat()
    : shapes.map((s, i) =>
        spec.inputDtype === 'int32'
          ? randomUniform(s, { minval: 0, maxval: spec.maxInt ?? 10, dtype: 'int32', seed: i + 1 })
          : randomNormal(s, { seed: i + 1 }),
      );
  const input = multi ? made : made[0];
  try {
    const out = layer.apply(input as never, { training: false, ...spec.callOptions });
    const outs = [out].flat() as Tensor[];
    const expected = spec.expectedOutputShape
      ? ((Array.isArray(spec.expectedOutputShape[0])
          ? spec.expectedOutputShape
          : [spec.expectedOutputShape]) as Shape[])
      : null;
    if (expected) {
      if (expected.length !== outs.length) fail(cls, `expected ${expected.length} outputs, got ${outs.length}`);
      outs.forEach((o, i) => {
        if (!sameShape(expected[i], o.shape))
          fail(cls, `output ${i} has shape ${fmtShape(o.shape)}, expected ${fmtShape(expected[i])}`);
      });
    }
    if (layer.computeOutputShape) {
      const computed = layer.computeOutputShape((multi ? made.map((m) => m.shape) : made[0].shape) as never);
      const list = (Array.isArray(computed[0]) ? computed : [computed]) as Shape[];
      outs.forEach((o, i) => {
        if (!list[i] || !sameShape(list[i], o.shape))
          fail(cls, `computeOutputShape gives ${fmtShape(list[i] ?? [])} but call returned ${fmtShape(o.shape)}`);
      });
    }
    for (const o of outs) o.dispose();

    if (
      spec.expectedTrainableWeights !== undefined &&
      layer.trainableWeights.length !== spec.expectedTrainableWeights
    ) {
      fail(cls, `${layer.trainableWeights.length} trainable weights, expected ${spec.expectedTrainableWeights}`);
    }
    if (
      spec.expectedNonTrainableWeights !== undefined &&
      layer.nonTrainableWeights.length !== spec.expectedNonTrainableWeights
    ) {
      fail(
        cls,
        `${layer.nonTrainableWeights.length} non-trainable weights, expected ${spec.expectedNonTrainableWeights}`,
      );
    }

    const trainable = layer.trainableWeights;
    if (spec.trainingStep ?? trainable.length > 0) {
      const beforeValues = await Promise.all(trainable.map((w) => w.data()));
      const tape = new GradientTape();
      const loss = tape.record(() =>
        tidy(() => {
          const y = [layer.apply(input as never, { training: true, ...spec.callOptions })].flat() as Tensor[];
          return y.map((t) => sum(square(t))).reduce((a, b) => add(a, b));
        }),
      );
      const grads = tape.gradient(loss, trainable);
      loss.dispose();
      grads.forEach((g, i) => {
        if (!g) fail(cls, `trainable weight ${trainable[i].name} got no gradient`);
      });
      trainable.forEach((w, i) => tidy(() => w.assign(sub(w, mul(grads[i]!, 0.01)))));
      for (const g of grads) g?.dispose();
      const afterValues = await Promise.all(trainable.map((w) => w.data()));
      trainable.forEach((w, i) => {
        if (beforeValues[i].every((v, k) => v === afterValues[i][k]))
          fail(cls, `a gradient step did not change trainable weight ${w.name}`);
      });
    }
  } finally {
    layer.dispose();
    for (const m of made) m.dispose();
  }
  const after = memory().numTensors;
  if (after !== before) fail(cls, `leaked ${after - before} tensor(s)`);
}
