import { ClassTable, type SerializedObject } from '@strata/layers';
import { TrainingError } from '../errors';
import { Optimizer } from './optimizer';
import { SGD } from './sgd';
import { Adam } from './adam';
import { AdamW } from './adamw';
import { Adamax } from './adamax';
import { Nadam } from './nadam';
import { RMSprop } from './rmsprop';
import { Adagrad } from './adagrad';
import { Adadelta } from './adadelta';
import { Lion } from './lion';
import { schedules } from '../schedules';

export { Optimizer, SGD, Adam, AdamW, Adamax, Nadam, RMSprop, Adagrad, Adadelta, Lion };
export type { OptimizerArgs, LearningRate, GradientAndVariable } from './optimizer';
export type { SGDArgs } from './sgd';
export type { AdamArgs } from './adam';
export type { AdamaxArgs } from './adamax';
export type { NadamArgs } from './nadam';
export type { RMSpropArgs } from './rmsprop';
export type { AdagradArgs } from './adagrad';
export type { AdadeltaArgs } from './adadelta';
export type { LionArgs } from './lion';
export { clipByNorm, clipByGlobalNorm, globalNorm } from './clipping';

/** The built-in optimizers by Keras name, in any casing ('adam', 'Adam', 'rmsprop', 'adamw'). */
export const optimizers = new ClassTable<Optimizer>('optimizer', Optimizer);
optimizers.register(SGD, Adam, AdamW, Adamax, Nadam, RMSprop, Adagrad, Adadelta, Lion);

/** An optimizer, by instance, by name ('adam', 'sgd', 'rmsprop', ...) or by `{className, config}`. */
export function getOptimizer(id: Optimizer | string | SerializedObject): Optimizer {
  if (id === undefined || id === null) throw new TrainingError(`getOptimizer: expected an optimizer instance, a name (${knownNames()}) or {className, config}, received ${id}`);
  if (isSerializedObject(id) && isSerializedObject(id.config.learningRate)) {
    const learningRate = schedules.get(id.config.learningRate);
    return optimizers.get({ className: id.className, config: { ...id.config, learningRate } });
  }
  try {
    return optimizers.get(id);
  } catch (e) {
    throw new TrainingError((e as Error).message);
  }
}

/** Is `x` Keras's `{className, config}` form? */
export function isSerializedObject(x: unknown): x is SerializedObject {
  return typeof x === 'object' && x !== null && typeof (x as SerializedObject).className === 'string' && typeof (x as SerializedObject).config === 'object';
}

function knownNames(): string {
  return [...new Set([...optimizers.classes.values()].map((c) => c.className))].join(', ');
}
