import { setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { decodeModel, exportOnnx } from './index';
import { LAYER_CASES } from './testing/layer-cases';
async function main() {
  await setBackend(cpu());
  for (const c of LAYER_CASES.filter((k) => /RNN|LSTM|GRU|Bidir/.test(k.name))) {
    const d: any = decodeModel(await exportOnnx(c.build()));
    const types = d.graph.node.map((n: any) => n.opType);
    console.log(c.name, types.length, types.filter((t: string) => ['LSTM', 'GRU', 'RNN'].includes(t)).join(','));
  }
}
main();
