// The `optimizers` namespace, as keras.optimizers: the Optimizer base class, the built-in ones, `get`,
// the learning-rate `schedules`, and gradient clipping for hand-written loops.
import * as schedules from './schedules';

export { schedules };
export {
  Optimizer,
  SGD,
  Adam,
  AdamW,
  Adamax,
  Nadam,
  RMSprop,
  Adagrad,
  Adadelta,
  Lion,
  type OptimizerArgs,
  type LearningRate,
  type GradientAndVariable,
  type SGDArgs,
  type AdamArgs,
  type AdamaxArgs,
  type NadamArgs,
  type RMSpropArgs,
  type AdagradArgs,
  type AdadeltaArgs,
  type LionArgs,
  getOptimizer as get,
  clipByNorm,
  clipByGlobalNorm,
  globalNorm,
} from '@strata/training';
