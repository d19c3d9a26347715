import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithPython, runPython } from '../../../tools/python/oracle';
import * as strata from './index';

interface Tensors {
  [tag: string]: { step: number; shape: number[]; value: number | number[][] | string }[];
}
interface Run {
  train: { tensors: Tensors; plugins: Record<string, string>; graph?: { name: string; op: string; input: string[] }[] };
  validation: { tensors: Tensors; plugins: Record<string, string> };
}

describeWithPython('TensorBoard event files, read back by TensorBoard', ['tensorboard'], () => {
  it('has the scalars, histograms, graph and summary text that a fit wrote', async () => {
    const { Sequential, input, randomNormal, tidy, dispose } = strata;
    const { Dense } = strata.layers;
    const { TensorBoard } = strata.callbacks;
    const { cast, greater, sum } = strata.ops;
    const dir = mkdtempSync(join(tmpdir(), 'strata-tensorboard-'));
    try {
      const [x, y] = tidy(() => {
        const xs = randomNormal([40, 3], { seed: 5 });
        return [xs, cast(greater(sum(xs, -1, true), 0), 'float32')];
      });
      const model = new Sequential([
        input({ shape: [3] }),
        new Dense({ units: 4, activation: 'relu', name: 'hidden' }),
        new Dense({ units: 1, activation: 'sigmoid', name: 'out' }),
      ]);
      model.compile({ optimizer: 'sgd', loss: 'binary_crossentropy', metrics: ['accuracy'] });
      const history = await model.fit(x, y, {
        epochs: 3,
        batchSize: 10,
        validationSplit: 0.25,
        verbose: 0,
        callbacks: [new TensorBoard({ logDir: dir, histogramFreq: 2, updateFreq: 'batch' })],
      });
      const read = JSON.parse(runPython(join(__dirname, 'tensorboard_read.py'), [dir])) as Run;
      const { tensors, plugins, graph } = read.train;

      const f32 = (v: number) => Math.fround(v);
      expect(tensors.epoch_loss.map((e) => [e.step, e.value])).toEqual(history.loss!.map((v, i) => [i, f32(v)]));
      expect(tensors.epoch_accuracy.map((e) => e.value)).toEqual(history.accuracy!.map(f32));
      expect(read.validation.tensors.epoch_loss.map((e) => e.value)).toEqual(history.val_loss!.map(f32));
      expect(read.validation.tensors.epoch_accuracy.map((e) => e.value)).toEqual(history.val_accuracy!.map(f32));
      // 30 training samples in batches of 10: 3 batches an epoch, written at steps 1..9.
      expect(tensors.batch_loss.map((e) => e.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(plugins.epoch_loss).toBe('scalars');

      // histogramFreq 2: epochs 0 and 2. hidden/kernel has 12 values; the rows are [left, right, count].
      const kernel = tensors['hidden/kernel/histogram'];
      expect(plugins['hidden/kernel/histogram']).toBe('histograms');
      expect(kernel.map((e) => e.step)).toEqual([0, 2]);
      const rows = kernel[1].value as number[][];
      expect(kernel[1].shape).toEqual([30, 3]);
      expect(rows.reduce((n, r) => n + r[2], 0)).toBe(12);
      const w = Array.from(await model.getLayer('hidden').weights[0].data());
      expect(rows[0][0]).toBeCloseTo(Math.min(...w), 6);
      expect(rows[29][1]).toBeCloseTo(Math.max(...w), 6);

      expect(graph).toEqual([
        { name: expect.any(String), op: 'Placeholder', input: [] },
        { name: 'hidden', op: 'Dense', input: [graph![0].name] },
        { name: 'out', op: 'Dense', input: ['hidden'] },
      ]);
      const text = tensors.model_summary[0].value as string;
      expect(plugins.model_summary).toBe('text');
      expect(text).toContain('Total params: 21');
      dispose([x, y]);
      model.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
