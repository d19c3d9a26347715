import { wasm } from '@strata/backend-wasm';
import * as st from '@strata/tensor';
import { GradientTape } from './index';
it('einsum grad on wasm', async () => {
  await st.setBackend(wasm());
  const a = st.tensor([[1, 2, 3], [4, 5, 6]]);
  const b = st.tensor([[1, -1, 2], [3, 0.5, 6]]);
  for (let i = 0; i < 3; i++) {
    const tape = new GradientTape();
    tape.watch([a, b]);
    const y = tape.record(() => st.einsum('ij,ij->', a, b));
    const [ga, gb] = tape.gradient(y, [a, b], { outputGradients: st.scalar(0.5) });
    console.log('G' + JSON.stringify([Array.from(ga!.dataSync()), Array.from(gb!.dataSync())]));
  }
  const r = st.runOp(st.einsumOp, [st.scalar(0.5), b], { a: [], b: ['i', 'j'], out: ['i', 'j'] });
  console.log('R' + JSON.stringify(Array.from(r.dataSync())));
});
