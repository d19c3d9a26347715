import { join } from 'node:path';
import { setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { describeWithPython, runPython } from '../../../tools/python/oracle';
import { exportOnnx, MAX_OPSET, MIN_OPSET } from './index';
import { encodeModel } from './proto/encode';
import { randomizeWeights } from './testing';
import * as L from '@strata/layers';
import type { SymbolicTensor } from '@strata/graph';
import { LAYER_CASES, layerCase } from './testing/layer-cases';
import { OP_CASES, oneOpModel } from './testing/op-cases';
import { randomArchitectures } from './testing/random-architectures';
import { ARCHITECTURE_SEED } from './testing/seeds';

describeWithPython('onnx.checker.check_model(full_check=True) accepts every exported model', ['onnx'], () => {
  beforeAll(async () => {
    await setBackend(cpu());
  });

  it('reports a broken model (so a pass above means something)', () => {
    const broken = encodeModel({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 17 }],
      graph: {
        name: 'broken',
        node: [{ opType: 'Relu', input: ['missing'], output: ['y'] }],
        input: [{ name: 'x', type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: 2 }] } } } }],
        output: [{ name: 'y', type: { tensorType: { elemType: 1 } } }],
      },
    });
    const out = runPython(join(__dirname, 'check_onnx.py'), [], {
      input: JSON.stringify([{ name: 'broken', bytes: Buffer.from(broken).toString('base64') }]),
    });
    expect(JSON.parse(out).broken).toMatch(/missing/);
  });

  it('every layer case and random architecture, at the default, lowest and highest opset', async () => {
    const entries: { name: string; bytes: string }[] = [];
    const add = async (name: string, build: () => import('@strata/models').Model, opsets: number[]) => {
      const model = build();
      randomizeWeights(model, 7);
      for (const opset of opsets) {
        const bytes = await exportOnnx(model, { opset, dynamicBatch: opset !== MIN_OPSET });
        entries.push({ name: `${name} @${opset}`, bytes: Buffer.from(bytes).toString('base64') });
      }
      model.dispose();
    };
    for (const c of LAYER_CASES) await add(c.name, c.build, [17, MIN_OPSET, MAX_OPSET]);
    for (const c of randomArchitectures(36, ARCHITECTURE_SEED)) await add(c.name, c.build, [17]);
    for (const [name, fn] of Object.entries(OP_CASES)) await add(`ops ${name}`, () => oneOpModel(fn), [17, MIN_OPSET]);
    // Any sequence length: the recurrent layers as ONNX's own ops, the time axis symbolic.
    const anyLength = [{ shape: [null as unknown as number, 3] }];
    const recurrent: [string, () => L.Layer][] = [
      ['LSTM any length', () => new L.LSTM({ units: 3, returnSequences: true, recurrentActivation: 'hard_sigmoid' })],
      ['GRU any length', () => new L.GRU({ units: 3, resetAfter: false, goBackwards: true })],
      [
        'Bidirectional any length',
        () => new L.Bidirectional({ layer: new L.SimpleRNN({ units: 2, returnSequences: true }) }),
      ],
    ];
    for (const [name, make] of recurrent) {
      await add(name, layerCase(name, anyLength, ([x]) => make().apply(x) as SymbolicTensor).build, [
        17,
        MIN_OPSET,
        MAX_OPSET,
      ]);
    }
    const out = runPython(join(__dirname, 'check_onnx.py'), [], { input: JSON.stringify(entries) });
    const results = JSON.parse(out) as Record<string, string>;
    const failures = Object.entries(results).filter(([, r]) => r !== 'ok');
    expect(failures).toEqual([]);
    expect(Object.keys(results)).toHaveLength(entries.length);
  });
});
