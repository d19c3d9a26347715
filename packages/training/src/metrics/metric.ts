import { type Tensor, type Variable, add, cast, div, equal, fill, tidy, variable, where } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { TrainingError, describeValue } from '../errors';

/** The options every metric takes. */
export interface MetricArgs {
  /** The metric's name in logs (`'accuracy'`, `'val_accuracy'`). Default: the metric's snake_case name. */
  name?: string;
}

/**
 * The base of every metric: state accumulates on the device across `updateState` calls (no value
 * is read back), `result()` computes the metric from it, `resetState()` starts over. The state
 * variables are created on the first update and freed by `resetState()`, so a metric holds device
 * memory only while it accumulates.
 *
 * @example
 * ```ts
 * const m = new metrics.SparseCategoricalAccuracy();
 * m.updateState(tensor([2, 1]), tensor([[0.1, 0.6, 0.3], [0.05, 0.95, 0]]));
 * m.result(); // 0.5 (a tensor the caller owns)
 * m.resetState();
 * ```
 */
export abstract class Metric {
  /** The Keras class name, saved in configs; each subclass sets its own. */
  static className = 'Metric';
  /** The metric's name in logs. */
  readonly name: string;
  /** Whether larger values are better: callbacks use it to pick 'max' or 'min' in mode 'auto'. */
  readonly direction: 'up' | 'down' = 'up';
  #state = new Map<string, Variable>();

  constructor(args: MetricArgs = {}, defaultName = 'metric') {
    if (args.name !== undefined && (typeof args.name !== 'string' || args.name === '')) {
      throw new TrainingError(
        `${(this.constructor as typeof Metric).className}: name must be a non-empty string, received ${describeValue(args.name)}`,
      );
    }
    this.name = args.name ?? defaultName;
  }

  /** Adds a batch to the state. */
  abstract updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | null): void;
  /** The metric over everything seen since the last reset, as a tensor the caller owns. */
  abstract result(): Tensor;

  /** Forgets everything seen (frees the state; the next update starts from zeros). */
  resetState(): void {
    for (const v of this.#state.values()) v.dispose();
    this.#state.clear();
  }

  /** The state variables, in creation order. */
  get variables(): Variable[] {
    return [...this.#state.values()];
  }

  /** A state variable, created filled with `init` on first use. */
  protected state(name: string, shape: readonly number[] = [], init = 0): Variable {
    let v = this.#state.get(name);
    if (v && (v.shape.length !== shape.length || v.shape.some((d, i) => d !== shape[i]))) {
      throw new TrainingError(
        `${this.name}: state '${name}' has shape ${fmtShape(v.shape)} but this batch needs ${fmtShape(shape)}; were predictions of a different shape passed since the last reset?`,
      );
    }
    if (!v) {
      v = tidy(() => variable(fill(shape, init), { name: `${this.name}/${name}`, trainable: false }));
      this.#state.set(name, v);
    }
    return v;
  }

  /** Adds `delta` to a state variable. */
  protected accumulate(name: string, delta: Tensor, shape: readonly number[] = delta.shape): void {
    const v = this.state(name, shape);
    tidy(() => v.assign(add(v, delta.dtype === v.dtype ? delta : cast(delta, v.dtype))));
  }

  /** The constructor options that rebuild this metric. */
  getConfig(): Record<string, unknown> {
    return { name: this.name };
  }

  /** Frees the state. */
  dispose(): void {
    this.resetState();
  }
}

/**
 * a / b, 0 where b is 0 (TensorFlow's divide_no_nan).
 *
 * @example
 * ```ts
 * metrics.divNoNan(tensor([1, 2]), tensor([0, 4])); // [0, 0.5]
 * ```
 */
export function divNoNan(a: Tensor, b: Tensor | number): Tensor {
  return tidy(() => {
    const zero = equal(b, 0);
    return where(zero, 0, div(a, where(zero, 1, b)));
  });
}
