// `npx tsx examples/onnx-export.ts [out.onnx]`: train in Strata, serve with ONNX Runtime. A small
// convolutional network learns which corner of an 8×8 noise image is lit; it is exported to ONNX
// and run by onnxruntime-node, which must agree with Strata's own predictions. docs/onnx.md tells
// the rest (saveModel, the browser with onnxruntime-web).
import { writeFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import {
  argMax,
  cast,
  dispose,
  equal,
  mean,
  randomNormal,
  randomUniform,
  setBackend,
  setRandomSeed,
  tensor,
  tidy,
  type Tensor,
} from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { BatchNormalization, Conv2D, Dense, Dropout, GlobalAveragePooling2D, MaxPooling2D } from '@strata/layers';
import { input } from '@strata/graph';
import { Sequential } from '@strata/models';
import { Adam } from '@strata/training';
import { exportOnnx } from '@strata/onnx';

export interface Options {
  samples?: number;
  epochs?: number;
  /** Where to write the .onnx file (nothing is written without it). */
  out?: string;
  /** Seeds every unseeded random source (weights, dropout, shuffles): the same run every time. */
  seed?: number;
  log?: (line: string) => void;
}

/** Noise images with one 2×2 corner lit; the label is the corner (0..3). */
function cornerData(samples: number, seed: number): { x: Tensor; y: Tensor } {
  const y = randomUniform([samples], { minval: 0, maxval: 4, seed, dtype: 'int32' });
  const noise = randomNormal([samples, 8, 8, 1], { stddev: 0.3, seed: seed + 1 });
  const pixels = Float32Array.from(noise.dataSync());
  noise.dispose();
  y.dataSync().forEach((corner, n) => {
    const top = corner < 2 ? 0 : 6;
    const left = corner % 2 === 0 ? 0 : 6;
    for (let r = top; r < top + 2; r++) for (let c = left; c < left + 2; c++) pixels[n * 64 + r * 8 + c] += 2;
  });
  return { x: tensor(pixels, [samples, 8, 8, 1]), y };
}

export async function main(options: Options = {}) {
  const { samples = 512, epochs = 8, out, seed = 1, log = console.log } = options;
  await setBackend(cpu());
  setRandomSeed(seed);
  const train = cornerData(samples, 1);
  const test = cornerData(64, 2);

  const model = new Sequential(
    [
      input({ shape: [8, 8, 1], name: 'image' }),
      new Conv2D({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' }),
      new BatchNormalization(),
      new MaxPooling2D({ poolSize: 2 }),
      new Conv2D({ filters: 8, kernelSize: 3, activation: 'relu' }),
      new GlobalAveragePooling2D(),
      new Dropout({ rate: 0.2 }), // an identity at inference: the exported graph has none
      new Dense({ units: 4, activation: 'softmax', name: 'corner' }),
    ],
    { name: 'corners' },
  );
  model.compile({
    optimizer: new Adam({ learningRate: 0.01 }),
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
  });
  await model.fit(train.x, train.y, { epochs, batchSize: 32, verbose: 0 });

  // Export: the bytes of an .onnx file, any batch size (the batch axis is named 'batch').
  const bytes = await exportOnnx(model);
  if (out) writeFileSync(out, bytes);
  log(`exported ${bytes.length} bytes of ONNX${out ? ` to ${out}` : ''}`);

  // Serve: ONNX Runtime knows nothing of Strata; it reads the file and runs it.
  const session = await ort.InferenceSession.create(bytes);
  const images = new ort.Tensor('float32', Float32Array.from(test.x.dataSync()), [64, 8, 8, 1]);
  const result = await session.run({ [session.inputNames[0]]: images });
  const served = result[session.outputNames[0]].data as Float32Array;
  await session.release();

  const strata = model.predict(test.x) as Tensor;
  const expected = strata.dataSync();
  const maxAbsDiff = served.reduce((m, v, i) => Math.max(m, Math.abs(v - expected[i])), 0);
  const accuracy = tidy(() => mean(cast(equal(argMax(strata, -1), test.y), 'float32')).dataSync()[0]);
  log(
    `input ${session.inputNames[0]}, output ${session.outputNames[0]}; ` +
      `held-out accuracy ${(accuracy * 100).toFixed(1)}%`,
  );
  log(`largest difference between ONNX Runtime and Strata: ${maxAbsDiff.toExponential(2)}`);

  dispose([train.x, train.y, test.x, test.y, strata]);
  model.dispose();
  return {
    bytes: bytes.length,
    accuracy,
    maxAbsDiff,
    inputName: session.inputNames[0],
    outputName: session.outputNames[0],
  };
}

if (process.argv[1]?.endsWith('onnx-export.ts')) main({ out: process.argv[2] });
