// Bundled alone by bundle.test.ts (esbuild honouring "sideEffects": false) and run in Node: a
// Sequential config names built-in layers, a wrapper among them. Prints what it built.
import { setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Sequential } from '@strata/models';

async function main(): Promise<void> {
  // A model config builds its graph, which takes a backend.
  await setBackend(cpu());
  const stack = Sequential.fromConfig({
    name: 'stack',
    layers: [
      { className: 'InputLayer', config: { batchShape: [null, 5, 4], name: 'x' } },
      {
        className: 'Bidirectional',
        config: { layer: { className: 'LSTM', config: { units: 3, name: 'lstm' } }, name: 'bi' },
      },
      { className: 'Dense', config: { units: 1, name: 'out' } },
    ],
  });
  console.log(JSON.stringify({ stack: stack.layers.map((l) => l.constructor.name) }));
}

void main();
