import { TrainingError } from '../errors';

/**
 * A learning rate as a function of the optimizer's step (Keras's `LearningRateSchedule`). Strata
 * evaluates schedules on the host: the step count lives there, so no value is read from the device.
 *
 * @example
 * ```ts
 * class Halving extends LearningRateSchedule {
 *   static override className = 'Halving';
 *   call(step: number): number {
 *     return 0.1 * 0.5 ** Math.floor(step / 1000);
 *   }
 *   getConfig() {
 *     return {};
 *   }
 * }
 * const optimizer = new SGD({ learningRate: new Halving() });
 * ```
 */
export abstract class LearningRateSchedule {
  /** The Keras class name, saved in configs; each subclass sets its own. */
  static className = 'LearningRateSchedule';
  /** The learning rate at `step` (0 for the first update). */
  abstract call(step: number): number;
  /** The constructor options that rebuild this schedule. */
  abstract getConfig(): Record<string, unknown>;
}

/** Checks a schedule argument is a finite number (and positive where asked), naming the schedule. */
export function checkNumber(
  schedule: string,
  arg: string,
  value: unknown,
  { positive = false, integer = false } = {},
): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!positive || value > 0) &&
    (!integer || Number.isInteger(value));
  if (!ok) {
    const what = `${positive ? 'a positive ' : 'a finite '}${integer ? 'integer' : 'number'}`;
    throw new TrainingError(`${schedule}: ${arg} must be ${what}, received ${JSON.stringify(value)}`);
  }
  return value as number;
}
