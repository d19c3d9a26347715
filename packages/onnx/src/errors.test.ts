import * as ops from '@strata/tensor';
import { atan2, memory, setBackend, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import * as L from '@strata/layers';
import { input, type SymbolicTensor } from '@strata/graph';
import { Functional, Model, Sequential } from '@strata/models';
import { exportOnnx, OnnxExportError } from './index';

beforeAll(async () => {
  await setBackend(cpu());
});

/** The export's error, checking it leaves no tensors behind. */
async function failure(model: Model, options = {}): Promise<OnnxExportError> {
  const before = memory().numTensors;
  const error = await exportOnnx(model, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(memory().numTensors).toBe(before);
  expect(error).toBeInstanceOf(OnnxExportError);
  return error as OnnxExportError;
}

describe('what cannot be exported says which layer, its class, and why', () => {
  it('an op with no ONNX translation, inside a Lambda inside a nested model', async () => {
    const inner = new Sequential(
      [input({ shape: [3] }), new L.Lambda({ function: (x) => atan2(x as Tensor, 2), name: 'angles' })],
      { name: 'inner' },
    );
    const x = input({ shape: [3] });
    const model = new Functional({
      inputs: x,
      outputs: new L.Dense({ units: 2 }).apply(inner.apply(x) as SymbolicTensor) as SymbolicTensor,
    });
    const e = await failure(model);
    expect(e.message).toMatch(
      /op "atan2" cannot be exported: ONNX has no atan2.* in layer "inner" \(Sequential\) > layer "angles" \(Lambda\)/,
    );
  });

  it('an Embedding that makes a mask', async () => {
    const model = new Sequential([
      input({ shape: [4], dtype: 'int32' }),
      new L.Embedding({ inputDim: 5, outputDim: 2, maskZero: true, name: 'words' }),
    ]);
    const e = await failure(model);
    expect(e.message).toMatch(
      /cannot export layer "words" \(Embedding\): maskZero: true makes a mask .* ONNX graphs carry no masks/,
    );
  });

  it('a layer called with training: true', async () => {
    const x = input({ shape: [3] });
    const y = new L.Dropout({ rate: 0.5, name: 'mc' }).apply(x, { training: true }) as SymbolicTensor;
    expect((await failure(new Functional({ inputs: x, outputs: y }))).message).toMatch(
      /layer "mc" \(Dropout\): it is called with training: true/,
    );
  });

  it('a stateful RNN', async () => {
    const model = new Sequential([
      input({ shape: [3, 2], batchSize: 2 }),
      new L.LSTM({ units: 2, stateful: true, name: 'memory' }),
    ]);
    expect((await failure(model)).message).toMatch(
      /cannot export layer "memory" \(LSTM\): stateful: true carries states/,
    );
    model.dispose();
  });

  it('a symmetric pad (ONNX Pad has no such mode)', async () => {
    class Mirror extends Model {
      override call(x: Tensor): Tensor {
        return ops.pad(
          x,
          [
            [0, 0],
            [1, 1],
          ],
          { mode: 'symmetric' },
        );
      }
    }
    const model = new Mirror({ name: 'mirror' });
    model.build([null, 4]);
    expect((await failure(model)).message).toMatch(/op "pad" cannot be exported: ONNX Pad has no 'symmetric' mode/);
  });

  it('a subclassed model that was never built, and one whose call() reads values', async () => {
    class Later extends Model {
      readonly dense = new L.Dense({ units: 2 });
      override call(x: Tensor): Tensor {
        return this.dense.apply(x);
      }
    }
    expect((await failure(new Later({ name: 'later' }))).message).toMatch(
      /model "later" \(Later\): its input shape is unknown. .*model.build/,
    );
    class Peeks extends Model {
      override call(x: Tensor): Tensor {
        return x.dataSync()[0] > 0 ? x : ops.neg(x);
      }
    }
    const peeks = new Peeks({ name: 'peeks' });
    peeks.build([null, 2]);
    expect((await failure(peeks)).message).toMatch(
      /model "peeks": its call\(\) could not be traced on symbolic inputs \(.*dataSync/,
    );
  });

  it('an opset out of range', async () => {
    const model = new Sequential([input({ shape: [2] }), new L.Dense({ units: 1 })]);
    expect((await failure(model, { opset: 11 })).message).toMatch(
      /opset must be an integer from 13 to 21, received 11/,
    );
    model.dispose();
  });
});
