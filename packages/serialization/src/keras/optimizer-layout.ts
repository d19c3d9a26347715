import type { Variable } from '@strata/tensor';
import { LearningRateSchedule, type Optimizer } from '@strata/training';

/**
 * An optimizer's state as Keras 3 lists `optimizer.variables` (saved as `optimizer/vars/<i>`):
 *
 *   0              iterations (int64): applyGradients calls, accumulation calls included
 *   1              learning_rate (float32), only when it is a number (a schedule has no variable)
 *   ...            the moving averages of the weights (useEma), one per trainable weight
 *   ...            the gradient accumulators (gradientAccumulationSteps), one per trainable weight
 *   ...            the slots, in each optimizer's build() order (below)
 *   last           u_product (float32), Nadam only
 *
 * Keras's `add_optimizer_variables(vars, [a, b])` interleaves a call's slots per weight (a0 b0 a1
 * b1 ...); separate calls follow each other. Adam makes momentum+velocity in one call and
 * velocity_hat (amsgrad) in another; RMSprop makes velocity, momentum and average_gradient in three.
 */
export interface OptimizerLayout {
  hasLearningRate: boolean;
  /** The state variables after the header, in Keras's order. */
  variables: Variable[];
  /** Nadam's running product of momentum factors, kept on the host in Strata, a variable in Keras. */
  hasUProduct: boolean;
}

/** How the slots of one weight (in Strata's slotNames order) split into Keras's build() calls. */
function slotCalls(className: string, slotCount: number): number[][] {
  const all = Array.from({ length: slotCount }, (_, i) => i);
  if (className === 'RMSprop') return all.map((i) => [i]);
  if ((className === 'Adam' || className === 'AdamW') && slotCount === 3) return [[0, 1], [2]];
  return slotCount ? [all] : [];
}

function classNameOfOptimizer(optimizer: Optimizer): string {
  return (optimizer.constructor as { className?: string }).className ?? optimizer.constructor.name;
}

/**
 * The Keras layout of `optimizer`'s state for the model weights `trainable` (in the model's order).
 * An optimizer that has not updated anything yet has only its header.
 */
export function optimizerLayout(optimizer: Optimizer, trainable: readonly Variable[]): OptimizerLayout {
  const className = classNameOfOptimizer(optimizer);
  const hasLearningRate =
    !(optimizer.learningRateSetting instanceof LearningRateSchedule) &&
    typeof optimizer.learningRateSetting === 'number';
  const hasUProduct = className === 'Nadam';
  if (optimizer.trainedVariables.length === 0) return { hasLearningRate, variables: [], hasUProduct };
  optimizer.build(trainable);
  // Strata keeps per weight: its slots, then its accumulator, then its average.
  const flat = optimizer.variables;
  const states = new Map<Variable, { slots: Variable[]; accumulator: Variable | null; average: Variable | null }>();
  let k = 0;
  for (const v of optimizer.trainedVariables) {
    const slots = flat.slice(k, k + optimizer.slotsOf(v).length);
    k += slots.length;
    const accumulator = optimizer.gradientAccumulationSteps ? flat[k++] : null;
    const average = optimizer.useEma ? flat[k++] : null;
    states.set(v, { slots, accumulator, average });
  }
  const per = trainable.map((v) => states.get(v)!);
  const slotCount = per[0]?.slots.length ?? 0;
  const variables = [
    ...per.flatMap((s) => (s.average ? [s.average] : [])),
    ...per.flatMap((s) => (s.accumulator ? [s.accumulator] : [])),
    ...slotCalls(className, slotCount).flatMap((call) => per.flatMap((s) => call.map((i) => s.slots[i]))),
  ];
  return { hasLearningRate, variables, hasUProduct };
}
