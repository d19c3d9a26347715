// `npx tsx examples/inception-resnet.ts`: a DAG the functional API writes as it is drawn. An
// Inception-ResNet block (Szegedy et al. 2016, the figure of the article this project grew from) runs
// three convolution branches side by side, concatenates them, projects back to the input's channels,
// scales the result and adds it to the block's input. The same function builds the block twice; the
// model trains with the built-in compile/fit loop on small images of stripes.
import { dispose, mul, randomNormal, setBackend, tensor, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Activation, Add, Concatenate, Conv2D, Dense, GlobalAveragePooling2D } from '@strata/layers';
import { input, type SymbolicTensor } from '@strata/graph';
import { Adam } from '@strata/training';
import { Functional, plotModel } from '@strata/models';

export interface Options {
  samples?: number;
  epochs?: number;
  /** Image side, in pixels. */
  size?: number;
  /** Where to write the model's drawing (.svg, .png or .dot); none by default. */
  plotTo?: string;
  log?: (line: string) => void;
}

type T = SymbolicTensor;
/** Layers called on one symbolic tensor return one; this keeps the block's code free of casts. */
const on = (layer: { apply(x: T): unknown }, x: T): T => layer.apply(x) as T;

/**
 * Inception-ResNet-A: `relu(x + scale · project(concat(b0, b1, b2)))`. The scale is a raw op on a
 * symbolic tensor (`mul`): it records an op node, as any @strata/tensor op does.
 */
export function inceptionResnetBlock(x: T, name: string, { width = 4, scale = 0.2 } = {}): T {
  const conv = (filters: number, kernelSize: number, input: T, suffix: string) =>
    on(new Conv2D({ filters, kernelSize, padding: 'same', activation: 'relu', name: `${name}_${suffix}` }), input);
  const branch0 = conv(width, 1, x, 'b0_1x1');
  const branch1 = conv(width, 3, conv(width, 1, x, 'b1_1x1'), 'b1_3x3');
  const branch2 = conv(width, 3, conv(width, 3, conv(width, 1, x, 'b2_1x1'), 'b2_3x3a'), 'b2_3x3b');
  const mixed = new Concatenate({ name: `${name}_mixed` }).apply([branch0, branch1, branch2]) as T;
  const channels = x.shape[x.shape.length - 1] as number;
  const up = on(new Conv2D({ filters: channels, kernelSize: 1, name: `${name}_project` }), mixed);
  const residual = new Add({ name: `${name}_add` }).apply([
    x,
    mul(up as unknown as Tensor, scale) as unknown as T,
  ]) as T;
  return on(new Activation({ activation: 'relu', name: `${name}_out` }), residual);
}

/** A stem convolution, two Inception-ResNet blocks, global pooling and a classifier. */
export function buildModel(size: number, classes: number): Functional {
  const image = input({ shape: [size, size, 1], name: 'image' });
  let x = on(new Conv2D({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', name: 'stem' }), image);
  x = inceptionResnetBlock(x, 'block1');
  x = inceptionResnetBlock(x, 'block2');
  const pooled = on(new GlobalAveragePooling2D({ name: 'pool' }), x);
  const probabilities = on(new Dense({ units: classes, activation: 'softmax', name: 'classes' }), pooled);
  return new Functional({ inputs: image, outputs: probabilities, name: 'inception_resnet' });
}

/** Images of horizontal (class 0) or vertical (class 1) stripes, with multiplicative noise. */
function stripes(samples: number, size: number): { x: Tensor; y: Tensor } {
  const labels = Array.from({ length: samples }, (_, i) => i % 2);
  const pixels = new Float32Array(samples * size * size);
  labels.forEach((label, i) => {
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) pixels[(i * size + r) * size + c] = (label === 1 ? c : r) % 2 === 0 ? 1 : 0;
  });
  return tidy(() => {
    const clean = tensor(pixels, [samples, size, size, 1]);
    return {
      x: mul(clean, randomNormal([samples, size, size, 1], { seed: 6, mean: 1, stddev: 0.3 })),
      y: tensor(labels, [samples], 'int32'),
    };
  });
}

export async function main(options: Options = {}) {
  const { samples = 128, epochs = 8, size = 8, log = console.log } = options;
  await setBackend(cpu());

  const model = buildModel(size, 2);
  model.summary({ printFn: log });
  if (options.plotTo) {
    await plotModel(model, { showShapes: true, toFile: options.plotTo });
    log(`drawing written to ${options.plotTo}`);
  }

  const { x, y } = stripes(samples, size);
  model.compile({
    optimizer: new Adam({ learningRate: 0.02 }),
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
  });
  const history = await model.fit(x, y, { epochs, batchSize: 32, verbose: 0 });
  const losses = history.history.loss as number[];
  log(`loss ${losses[0].toFixed(4)} → ${losses[losses.length - 1].toFixed(4)} over ${epochs} epochs`);
  const { accuracy } = await model.evaluate(x, y, { batchSize: 64, verbose: 0 });
  log(`accuracy ${(accuracy * 100).toFixed(1)}%`);
  dispose([x, y]);
  return { firstLoss: losses[0], lastLoss: losses[losses.length - 1], accuracy, model };
}

if (process.argv[1]?.endsWith('inception-resnet.ts')) {
  main({ plotTo: process.argv[2] }).then(({ model }) => model.dispose());
}
