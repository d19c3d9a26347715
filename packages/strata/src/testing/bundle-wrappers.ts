// Bundled alone by bundle.test.ts (esbuild honouring "sideEffects": false) and run in Node: a
// wrapper names built-in layer classes with nothing imported but the wrappers. Prints what it built.
import { Bidirectional, TimeDistributed } from '@strata/layers';

const bidirectional = new Bidirectional({ layer: { className: 'LSTM', config: { units: 3, name: 'lstm' } } });
const timeDistributed = new TimeDistributed({ layer: { className: 'Dense', config: { units: 2 } } });
console.log(
  JSON.stringify({
    bidirectional: [bidirectional.forwardLayer.constructor.name, bidirectional.backwardLayer.constructor.name],
    timeDistributed: timeDistributed.layer.constructor.name,
  }),
);
