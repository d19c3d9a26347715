import * as tfc from '@tensorflow/tfjs-core';
import * as st from '../../index';
import { cpu } from '../../../../backend-cpu/src/index';
import { checkCase } from '../../testing/conformance';
import { nnCases } from '../../testing/cases/nn';

test('no backend data leaks', async () => {
  await tfc.setBackend('cpu');
  await st.setBackend(cpu());
  const backend = tfc.findBackend('cpu')!;
  const bad: string[] = [];
  for (const c of nnCases) {
    await checkCase(c).catch(() => undefined);
    const before = backend.numDataIds();
    await checkCase(c).catch(() => undefined);
    const after = backend.numDataIds();
    if (after !== before) bad.push(`${c.name}: ${after - before}`);
  }
  expect(bad).toEqual([]);
});
