/** What the code editor starts with: the body of a function of (strata, inputShape, classes). */
export const DEFAULT_CODE = `// strata is the whole API: return a Model of inputShape to classes outputs.
const { Sequential, input, layers } = strata;
const { Flatten, Dense, Dropout } = layers;
return new Sequential([
  input({ shape: inputShape }),
  new Flatten(),
  new Dense({ units: 64, activation: 'relu' }),
  new Dropout({ rate: 0.2 }),
  new Dense({ units: classes, activation: 'softmax' }),
], { name: 'my_model' });`;
