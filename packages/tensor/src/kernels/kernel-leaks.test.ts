import * as tfc from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { tfjsBackend } from '../backend';
import { setBackend } from '../backends';
import { checkCase } from '../testing/conformance';
import { conformanceTables } from '../testing/cases';

// The conformance runner counts live Strata tensors; the intermediates a composed kernel makes are
// backend data that no tensor owns, so only the backend's own count shows a forgotten free. The
// backend declares no quirks, so every guard the ops compose around a kernel runs here too. Strata
// runs on a tfjs backend of its own (tfjs-cpu's kernels under another name): the TensorFlow.js
// oracle, on 'cpu', keeps data of its own that must not count.
const NAME = 'strata-leak-check';

describe('kernels free every intermediate they make', () => {
  beforeAll(async () => {
    for (const k of tfc.getKernelsForBackend('cpu')) tfc.registerKernel({ ...k, backendName: NAME });
    tfc.registerBackend(NAME, () => new MathBackendCPU());
    await tfc.setBackend('cpu');
    await setBackend(tfjsBackend({ name: NAME }));
  });

  for (const [family, cases] of Object.entries(conformanceTables)) {
    test(family, async () => {
      const backend = tfc.findBackend(NAME)!;
      const leaks: string[] = [];
      for (const c of cases) {
        await checkCase(c); // a first run may fill caches
        const before = backend.numDataIds();
        await checkCase(c);
        const after = backend.numDataIds();
        if (after !== before) leaks.push(`${c.name}: ${after - before} data id(s)`);
      }
      expect(leaks).toEqual([]);
    });
  }
});
