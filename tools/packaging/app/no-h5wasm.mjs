// Run with h5wasm removed from node_modules: saving a .keras archive must say that h5wasm is missing.
import { Sequential, input, layers, saveModel } from 'strata';

const model = new Sequential([input({ shape: [2] }), new layers.Dense({ units: 1 })]);
try {
  await saveModel(model);
  console.log('RESULT saved');
} catch (e) {
  console.log(`RESULT ${e.name}: ${e.message}`);
}
