import type { SerializedObject } from '@strata/layers';
import { ClassTable } from '@strata/layers/internal';
import { isSerializedObject, lookup } from '../utils/lookup';
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
import { scheduleClasses } from '../schedules';

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
export const optimizerClasses = new ClassTable<Optimizer>('optimizer', Optimizer);
optimizerClasses.register(SGD, Adam, AdamW, Adamax, Nadam, RMSprop, Adagrad, Adadelta, Lion);

/**
 * An optimizer, by instance, by name ('adam', 'sgd', 'rmsprop', ...) or by `{className, config}`.
 *
 * @example
 * ```ts
 * getOptimizer('adam'); // an Adam with its defaults
 * getOptimizer({ className: 'SGD', config: { learningRate: 0.1, momentum: 0.9 } });
 * ```
 */
export function getOptimizer(id: Optimizer | string | SerializedObject): Optimizer {
  if (isSerializedObject(id) && isSerializedObject(id.config.learningRate)) {
    const learningRate = scheduleClasses.get(id.config.learningRate);
    return optimizerClasses.get({ className: id.className, config: { ...id.config, learningRate } });
  }
  return lookup(optimizerClasses, 'optimizer', id, 'an Optimizer instance', 'lower');
}
