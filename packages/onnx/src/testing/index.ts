export { makeInputs, randomizeWeights, compareWithOrt, type InputSpec, type Comparison } from './ort-oracle';
