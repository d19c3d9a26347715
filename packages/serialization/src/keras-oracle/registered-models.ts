// Subclassed models registered under `strata_test>Name` here and, with the same name, config and
// attributes, in registered_models.py for Keras: a subclassed model moves between the two by its
// registered name alone.
import { add, dispose, relu, type Tensor } from '@strata/tensor';
import { Dense, LSTM, clearSession } from '@strata/layers';
import { Model } from '@strata/models';
import { randomInputs, randomizeWeights, type OracleCase } from './cases';

/** head(relu(hidden(x)) + proj(x)). */
export class ResidualMlp extends Model {
  static override className = 'ResidualMlp';
  readonly units: number;
  hidden: Dense;
  proj: Dense;
  head: Dense;
  constructor(args: { units?: number; name?: string; trainable?: boolean } = {}) {
    super({ name: args.name, trainable: args.trainable });
    this.units = args.units ?? 4;
    this.hidden = new Dense({ units: this.units });
    this.proj = new Dense({ units: this.units, useBias: false });
    this.head = new Dense({ units: 2 });
  }
  override call(x: Tensor | Tensor[]): Tensor {
    const h = x as Tensor;
    return this.head.apply(add(relu(this.hidden.apply(h)), this.proj.apply(h)));
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), units: this.units };
  }
}

/** classifier(encoder(x)): an LSTM held by an attribute, its cell a level below. */
export class SequenceClassifier extends Model {
  static override className = 'SequenceClassifier';
  readonly units: number;
  encoder: LSTM;
  classifier: Dense;
  constructor(args: { units?: number; name?: string; trainable?: boolean } = {}) {
    super({ name: args.name, trainable: args.trainable });
    this.units = args.units ?? 3;
    this.encoder = new LSTM({ units: this.units });
    this.classifier = new Dense({ units: 2, activation: 'softmax' });
  }
  override call(x: Tensor | Tensor[]): Tensor {
    return this.classifier.apply(this.encoder.apply(x as Tensor));
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), units: this.units };
  }
}

export const REGISTERED_MODELS = [ResidualMlp, SequenceClassifier];

export function subclassedCases(): OracleCase[] {
  const made: [Model, number[]][] = [
    [new ResidualMlp({ units: 5 }), [3]],
    [new SequenceClassifier({ units: 3 }), [4, 2]],
  ];
  return made.map(([model, shape], i) => {
    clearSession();
    const inputs = randomInputs([shape], 900 + i);
    dispose(model.predict(inputs[0])); // builds it
    randomizeWeights(model, 900 + i);
    return { name: `subclassed_${(model.constructor as typeof Model).className}`, model, inputs };
  });
}
