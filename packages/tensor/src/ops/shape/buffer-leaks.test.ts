// The conformance harness counts Strata tensors; this counts backend buffers, so that an
// intermediate a shape-op kernel forgets to free (on success or on error) is caught too.
import '@tensorflow/tfjs-backend-cpu';
import { tfjsBackend } from '../../backend';
import { setBackend } from '../../backends';
import { engine } from '../../engine';
import { checkCase } from '../../testing/conformance';
import { shapeCases } from '../../testing/cases/shape';
import { gather } from './gather';
import { scatterND } from './scatter-nd';

const cpu = tfjsBackend({
  name: 'cpu',
  configure: (tf) => void ((tf as unknown as { firstUse: boolean }).firstUse = false),
});

async function buffersLeftBy(fn: () => unknown): Promise<number> {
  const before = engine.backend().tf.numDataIds();
  await fn();
  return engine.backend().tf.numDataIds() - before;
}

describe('shape ops free every backend buffer they make', () => {
  beforeAll(() => setBackend(cpu));

  for (const c of shapeCases) {
    it(c.name, async () => expect(await buffersLeftBy(() => checkCase(c))).toBe(0));
  }

  it('when an index check fails inside the kernel', async () => {
    const leftBy = (fn: () => unknown) => buffersLeftBy(() => expect(fn).toThrow(/out of range/));
    expect(await leftBy(() => gather([1, 2, 3], [5]))).toBe(0);
    expect(
      await leftBy(() =>
        scatterND(
          [[0], [9]],
          [
            [1, 1],
            [2, 2],
          ],
          [3, 2],
        ),
      ),
    ).toBe(0);
    expect(await leftBy(() => scatterND([[0], [9]], [true, false], [3]))).toBe(0);
  });
});
