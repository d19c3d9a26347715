import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dense } from '@strata/layers';
import { input } from '@strata/graph';
import { Sequential } from '@strata/models';
import { exportOnnx } from '@strata/onnx';
import { decodeModel } from '@strata/onnx/internal';
import { useCpu } from './testing/keras-models';
import { saveModel } from './files';

useCpu();
const dir = mkdtempSync(join(tmpdir(), 'strata-onnx-'));

describe("saveModel(model, 'm.onnx')", () => {
  it('writes the bytes of exportOnnx, with its options', async () => {
    const layers = [input({ shape: [4] }), new Dense({ units: 3, activation: 'relu' })];
    const model = new Sequential(layers, { name: 'tiny' });
    const path = join(dir, 'm.onnx');
    await saveModel(model, path, { onnx: { opset: 13 } });
    const written = new Uint8Array(readFileSync(path));
    expect(written).toEqual(await exportOnnx(model, { opset: 13 }));
    type Decoded = { opsetImport: { version: number }[]; graph: { node: { opType: string }[] } };
    const decoded = decodeModel(written) as Decoded;
    expect(decoded.opsetImport[0].version).toBe(13);
    expect(decoded.graph.node.map((n) => n.opType)).toEqual(['MatMul', 'Add', 'Relu', 'Identity']);
    await saveModel(model, join(dir, 'other.bin'), { format: 'onnx' });
    expect(new Uint8Array(readFileSync(join(dir, 'other.bin')))).toEqual(await exportOnnx(model));
    model.dispose();
  });

  it('refuses a bare layer, and ONNX bytes without a target', async () => {
    const layer = new Dense({ units: 2, name: 'lonely' });
    const saving = saveModel(layer, join(dir, 'x.onnx'));
    await expect(saving).rejects.toThrow(/"lonely" is a bare layer. Wrap it: new Sequential/);
    const model = new Sequential([input({ shape: [2] }), new Dense({ units: 1 })]);
    await expect(saveModel(model, undefined, { format: 'onnx' })).rejects.toThrow(/use exportOnnx\(model\)/);
    model.dispose();
  });
});
