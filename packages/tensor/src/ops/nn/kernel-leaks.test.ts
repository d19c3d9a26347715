import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { tfjsBackend } from '../../backend';
import { setBackend } from '../../backends';
import { checkCase } from '../../testing/conformance';
import { nnCases } from '../../testing/cases/nn';

// The conformance runner counts live Strata tensors; the intermediates a composed kernel makes are
// backend data that no tensor owns, so only the backend's own count shows a forgotten free.
test('nn kernels free every intermediate they make', async () => {
  await tfc.setBackend('cpu');
  await setBackend(tfjsBackend({ name: 'cpu' }));
  const backend = tfc.findBackend('cpu')!;
  const leaks: string[] = [];
  for (const c of nnCases) {
    await checkCase(c); // a first run may fill caches
    const before = backend.numDataIds();
    await checkCase(c);
    const after = backend.numDataIds();
    if (after !== before) leaks.push(`${c.name}: ${after - before} data id(s)`);
  }
  expect(leaks).toEqual([]);
});
