import { setBackend, randomNormal } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import * as L from '@strata/layers';
import { Sequential } from '@strata/models';
import { input } from '@strata/graph';
import * as ort from 'onnxruntime-node';
import { exportOnnx } from './index';

async function main() {
  await setBackend(cpu());
  const model = new Sequential([input({ shape: [6, 6, 2] }), new L.Conv2D({ filters: 3, kernelSize: 3, padding: 'same', activation: 'relu' }),
    new L.MaxPooling2D({ poolSize: 2 }), new L.Flatten(), new L.Dense({ units: 4, activation: 'softmax' })]);
  const bytes = await exportOnnx(model);
  const session = await ort.InferenceSession.create(bytes);
  const x = randomNormal([7, 6, 6, 2], { seed: 1 });
  const expected = (model.predict(x) as any).dataSync();
  const out = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', x.dataSync() as Float32Array, [7, 6, 6, 2]) });
  const got = out[session.outputNames[0]].data as Float32Array;
  let d = 0; for (let i = 0; i < got.length; i++) d = Math.max(d, Math.abs(got[i] - expected[i]));
  console.log('maxdiff', d, got.length, expected.length);
}
main();
