import { Tensor, Variable, add, div, mul, sub, tidy, variable, zerosLike } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { TrainingError, describeValue } from '../errors';
import { LearningRateSchedule } from '../schedules/learning-rate-schedule';
import { clipByGlobalNorm, clipByNorm, clipByValueAll } from './clipping';

/** A learning rate: a number, a schedule of the step, or a function of nothing (read at each step). */
export type LearningRate = number | LearningRateSchedule | (() => number);

/** The options every optimizer takes (Keras 3's BaseOptimizer arguments, in camelCase). */
export interface OptimizerArgs {
  /**
   * The step size: a number, a schedule, or a function called at each step. Default: per optimizer (Adam 0.001, SGD
   * 0.01).
   */
  learningRate?: LearningRate;
  /** Decoupled weight decay: each update first does `w -= w * weightDecay * learningRate`. */
  weightDecay?: number | null;
  /** Clip each gradient to this L2 norm. */
  clipnorm?: number | null;
  /** Clip each gradient element to [-clipvalue, clipvalue]. */
  clipvalue?: number | null;
  /** Clip all gradients together to this global L2 norm. */
  globalClipnorm?: number | null;
  /** Keep an exponential moving average of the weights (written into them at the end of fit). */
  useEma?: boolean;
  /** The momentum of the weights' moving average (with `useEma`). Default: 0.99. */
  emaMomentum?: number;
  /** Overwrite the weights with their moving average every this many steps. */
  emaOverwriteFrequency?: number | null;
  /** Accumulate gradients over this many calls and update once with their mean. */
  gradientAccumulationSteps?: number | null;
  /** The optimizer's name, which prefixes its state variables. Default: its snake_case class name. */
  name?: string;
}

/** A gradient and the variable it updates, as `applyGradients` takes them. */
export type GradientAndVariable = readonly [Tensor | null, Variable];

interface VariableState {
  index: number;
  slots: Variable[];
  accumulator: Variable | null;
  average: Variable | null;
}

const optimizerNames = new Map<string, number>();
function autoName(base: string): string {
  const n = optimizerNames.get(base) ?? 0;
  optimizerNames.set(base, n + 1);
  return n === 0 ? base : `${base}_${n}`;
}

function optionalPositive(cls: string, arg: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new TrainingError(`${cls}: ${arg} must be a non-negative number or null, received ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * The base of every optimizer (Keras 3's BaseOptimizer): learning rate or schedule, gradient
 * clipping, decoupled weight decay, gradient accumulation and weight EMA around the per-variable
 * `updateStep` that each optimizer writes. Its state (slots) is created on the first update of each
 * variable; the step count lives on the host, so schedules never read the device.
 *
 * @example
 * ```ts
 * // A hand-written training step (fit() does the same):
 * const optimizer = new Adam({ learningRate: 1e-3 });
 * const weights = model.trainableWeights;
 * const tape = new GradientTape();
 * const mse = new MeanSquaredError();
 * const loss = tape.record(() => mse.apply(y, model.apply(x) as Tensor));
 * const grads = tape.gradient(loss, weights);
 * optimizer.applyGradients(grads.map((g, i) => [g, weights[i]] as const));
 * ```
 */
export abstract class Optimizer {
  /** The Keras class name, saved in configs; each subclass sets its own. */
  static className = 'Optimizer';
  /** The optimizer's name, which prefixes its state variables. */
  readonly name: string;
  /** The decoupled weight decay factor, or null for none. */
  weightDecay: number | null;
  /** The L2 norm each gradient is clipped to, or null. */
  readonly clipnorm: number | null;
  /** The bound each gradient element is clipped to, or null. */
  readonly clipvalue: number | null;
  /** The global L2 norm all gradients together are clipped to, or null. */
  readonly globalClipnorm: number | null;
  /** Whether a moving average of the weights is kept. */
  readonly useEma: boolean;
  /** The momentum of the weights' moving average. */
  readonly emaMomentum: number;
  /** How often (in steps) the weights are overwritten by their average, or null. */
  readonly emaOverwriteFrequency: number | null;
  /** How many calls accumulate gradients before one update, or null. */
  readonly gradientAccumulationSteps: number | null;

  #learningRate: LearningRate;
  /** Calls of applyGradients, accumulation calls included (Keras's `_iterations`). */
  #calls = 0;
  #states = new Map<Variable, VariableState>();
  #excluded = new Set<Variable>();
  #excludedNames: RegExp | null = null;
  #warnedMissing = false;

  constructor(args: OptimizerArgs, defaultLearningRate: number) {
    const cls = (this.constructor as typeof Optimizer).className;
    this.name = args.name ?? autoName(cls.toLowerCase());
    this.#learningRate = checkLearningRate(cls, args.learningRate ?? defaultLearningRate);
    this.weightDecay = optionalPositive(cls, 'weightDecay', args.weightDecay);
    this.clipnorm = optionalPositive(cls, 'clipnorm', args.clipnorm);
    this.clipvalue = optionalPositive(cls, 'clipvalue', args.clipvalue);
    this.globalClipnorm = optionalPositive(cls, 'globalClipnorm', args.globalClipnorm);
    const clips = [this.clipnorm, this.clipvalue, this.globalClipnorm].filter((c) => c !== null).length;
    if (clips > 1) {
      throw new TrainingError(
        `${cls}: only one of clipnorm, clipvalue and globalClipnorm can be set, received clipnorm=${this.clipnorm}, clipvalue=${this.clipvalue}, globalClipnorm=${this.globalClipnorm}`,
      );
    }
    this.useEma = args.useEma ?? false;
    this.emaMomentum = args.emaMomentum ?? 0.99;
    if (!(this.emaMomentum >= 0 && this.emaMomentum <= 1))
      throw new TrainingError(`${cls}: emaMomentum must be in [0, 1], received ${args.emaMomentum}`);
    this.emaOverwriteFrequency = args.emaOverwriteFrequency ?? null;
    if (
      this.emaOverwriteFrequency !== null &&
      !(Number.isInteger(this.emaOverwriteFrequency) && this.emaOverwriteFrequency >= 1)
    ) {
      throw new TrainingError(
        `${cls}: emaOverwriteFrequency must be an integer >= 1 or null, received ${JSON.stringify(args.emaOverwriteFrequency)}`,
      );
    }
    this.gradientAccumulationSteps = args.gradientAccumulationSteps ?? null;
    const steps = this.gradientAccumulationSteps;
    if (steps !== null && !(Number.isInteger(steps) && steps >= 2)) {
      throw new TrainingError(
        `${cls}: gradientAccumulationSteps must be an integer >= 2 (or null for none), received ${JSON.stringify(steps)}`,
      );
    }
  }

  // ---- what each optimizer writes ----

  /** Names of the per-variable state this optimizer keeps (`['momentum', 'velocity']`), in order. */
  protected abstract slotNames(): string[];
  /** The initial value of a slot (0 unless the optimizer says otherwise, as Adagrad's accumulator). */
  protected slotInitialValue(_slot: string): number {
    return 0;
  }
  /** Updates `variable` (and its slots) from one gradient; runs inside tidy. */
  protected abstract updateStep(gradient: Tensor, variable: Variable, learningRate: number, slots: Variable[]): void;
  /** Runs once per update, before the per-variable steps (Nadam's momentum product). */
  protected beforeUpdates(): void {}

  /** The constructor options that rebuild this optimizer. */
  getConfig(): Record<string, unknown> {
    const lr = this.#learningRate;
    return {
      name: this.name,
      learningRate:
        lr instanceof LearningRateSchedule
          ? { className: (lr.constructor as typeof LearningRateSchedule).className, config: lr.getConfig() }
          : this.learningRate,
      weightDecay: this.weightDecay,
      clipnorm: this.clipnorm,
      clipvalue: this.clipvalue,
      globalClipnorm: this.globalClipnorm,
      useEma: this.useEma,
      emaMomentum: this.emaMomentum,
      emaOverwriteFrequency: this.emaOverwriteFrequency,
      gradientAccumulationSteps: this.gradientAccumulationSteps,
    };
  }

  // ---- state ----

  /** Update steps taken (calls of applyGradients divided by gradientAccumulationSteps). */
  get iterations(): number {
    return this.gradientAccumulationSteps ? Math.floor(this.#calls / this.gradientAccumulationSteps) : this.#calls;
  }
  /** Sets the step count (restoring a checkpoint), which schedules read. */
  set iterations(n: number) {
    if (!Number.isInteger(n) || n < 0)
      throw new TrainingError(`${this.name}: iterations must be a non-negative integer, received ${n}`);
    this.#calls = this.gradientAccumulationSteps ? n * this.gradientAccumulationSteps : n;
  }

  /** State kept on the host (the raw call count, and per optimizer extras), for checkpoints. */
  getHostState(): Record<string, number> {
    return { calls: this.#calls };
  }
  /** Restores what getHostState returned. */
  setHostState(state: Record<string, number>): void {
    if (typeof state.calls === 'number') this.#calls = state.calls;
  }

  /** The learning rate of the next update (a schedule is evaluated at the step count). */
  get learningRate(): number {
    const lr = this.#learningRate;
    if (lr instanceof LearningRateSchedule) return lr.call(this.#calls);
    return typeof lr === 'function' ? lr() : lr;
  }
  /** Replaces the learning rate (a number only where it was not created with a schedule). */
  set learningRate(lr: LearningRate) {
    if (this.#learningRate instanceof LearningRateSchedule && typeof lr === 'number') {
      throw new TrainingError(
        `${this.name}: this optimizer was created with a learning rate schedule, so its learning rate cannot be set to a number; pass a new schedule, or create the optimizer with a number`,
      );
    }
    this.#learningRate = checkLearningRate(this.name, lr);
  }

  /** The learning rate as given: a number, a schedule or a function. */
  get learningRateSetting(): LearningRate {
    return this.#learningRate;
  }

  /** Every state variable, in a stable order (per trained variable: slots, accumulator, average). */
  get variables(): Variable[] {
    return [...this.#states.values()].flatMap((s) => [
      ...s.slots,
      ...(s.accumulator ? [s.accumulator] : []),
      ...(s.average ? [s.average] : []),
    ]);
  }

  /** The variables this optimizer has updated, in the order it first saw them. */
  get trainedVariables(): Variable[] {
    return [...this.#states.keys()];
  }

  /** Creates the state for `variables` now (before the first update), as Keras's `build`. */
  build(variables: readonly Variable[]): void {
    for (const v of variables) this.stateOf(v);
  }

  /** Variables (or names containing any of `names`) that weight decay skips; call before training. */
  excludeFromWeightDecay({
    variables = [],
    names = [],
  }: {
    variables?: readonly Variable[];
    names?: readonly string[];
  } = {}): void {
    for (const v of variables) this.#excluded.add(v);
    const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.#excludedNames = escaped.length ? new RegExp(escaped.join('|')) : null;
  }

  private usesWeightDecay(v: Variable): boolean {
    return !this.#excluded.has(v) && !this.#excludedNames?.test(v.name);
  }

  private stateOf(v: Variable): VariableState {
    let s = this.#states.get(v);
    if (s) return s;
    const make = (slot: string, init: number): Variable =>
      tidy(() => {
        const zeros = zerosLike(v);
        return variable(init === 0 ? zeros : add(zeros, init), {
          name: `${this.name}/${v.name.replace(/\//g, '_')}_${slot}`,
          trainable: false,
        });
      });
    s = {
      index: this.#states.size,
      slots: this.slotNames().map((n) => make(n, this.slotInitialValue(n))),
      accumulator: this.gradientAccumulationSteps ? make('gradient_accumulator', 0) : null,
      average: this.useEma ? make('average', 0) : null,
    };
    this.#states.set(v, s);
    return s;
  }

  /** @internal the slots of one variable, for tests and checkpoints. */
  slotsOf(v: Variable): Variable[] {
    return this.#states.get(v)?.slots ?? [];
  }

  // ---- updating ----

  /**
   * Applies one step to each variable from its gradient: `applyGradients([[grad, variable], ...])`.
   * Pairs whose gradient is null (the loss does not depend on the variable) are skipped with a warning.
   */
  applyGradients(pairs: Iterable<GradientAndVariable>): void {
    const list = this.checkPairs([...pairs]);
    if (list.length === 0) return;
    const grads = list.map(([g]) => g);
    const vars = list.map(([, v]) => v);
    const states = vars.map((v) => this.stateOf(v));
    tidy(() => {
      const steps = this.gradientAccumulationSteps;
      if (steps) {
        const accumulators = states.map((s) => s.accumulator as Variable);
        if ((this.#calls + 1) % steps === 0) {
          this.update(
            grads.map((g, i) => div(add(g, accumulators[i]), steps)),
            vars,
            states,
          );
          for (const a of accumulators) a.assign(zerosLike(a));
        } else {
          accumulators.forEach((a, i) => a.assign(add(a, grads[i])));
        }
      } else {
        this.update(grads, vars, states);
      }
      if (this.useEma) this.updateAverages(vars, states);
      this.#calls++;
      for (const v of vars) if (v.constraint) v.assign(v.constraint(v));
    });
  }

  private update(grads: Tensor[], vars: Variable[], states: VariableState[]): void {
    const clipped = this.clip(grads);
    const lr = this.learningRate;
    if (this.weightDecay) {
      const wd = this.weightDecay;
      for (const v of vars) if (this.usesWeightDecay(v)) tidy(() => v.assign(sub(v, mul(v, wd * lr))));
    }
    this.beforeUpdates();
    vars.forEach((v, i) => tidy(() => this.updateStep(clipped[i], v, lr, states[i].slots)));
  }

  private clip(grads: Tensor[]): Tensor[] {
    if (this.clipnorm) return grads.map((g) => clipByNorm(g, this.clipnorm as number));
    if (this.globalClipnorm) return clipByGlobalNorm(grads, this.globalClipnorm);
    if (this.clipvalue) return clipByValueAll(grads, this.clipvalue);
    return grads;
  }

  private updateAverages(vars: Variable[], states: VariableState[]): void {
    const momentum = this.iterations === 0 ? 0 : this.emaMomentum;
    vars.forEach((v, i) => {
      const avg = states[i].average as Variable;
      avg.assign(add(mul(avg, momentum), mul(v, 1 - momentum)));
    });
    const every = this.emaOverwriteFrequency;
    if (every && (this.iterations + 1) % every === 0) vars.forEach((v, i) => v.assign(states[i].average as Variable));
  }

  /** With useEma, writes each variable's moving average into it (fit calls this when training ends). */
  finalizeVariableValues(variables: readonly Variable[] = this.trainedVariables): void {
    if (!this.useEma) return;
    for (const v of variables) {
      const avg = this.#states.get(v)?.average;
      if (avg) v.assign(avg);
    }
  }

  private checkPairs(pairs: GradientAndVariable[]): [Tensor, Variable][] {
    const missing: string[] = [];
    const out: [Tensor, Variable][] = [];
    pairs.forEach((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new TrainingError(
          `${this.name}.applyGradients: expected [gradient, variable] pairs, received ${describeValue(pair)} at index ${i}`,
        );
      }
      const [g, v] = pair;
      if (!(v instanceof Variable))
        throw new TrainingError(
          `${this.name}.applyGradients: pair ${i} must hold a Variable second, received ${describeValue(v)}; pass [[grad, variable], ...]`,
        );
      if (g === null || g === undefined) {
        missing.push(v.name);
        return;
      }
      if (!(g instanceof Tensor))
        throw new TrainingError(
          `${this.name}.applyGradients: pair ${i} must hold a Tensor gradient first, received ${describeValue(g)}`,
        );
      if (g.shape.length !== v.shape.length || g.shape.some((d, k) => d !== v.shape[k])) {
        throw new TrainingError(
          `${this.name}.applyGradients: the gradient for '${v.name}' has shape ${fmtShape(g.shape)}, but the variable has shape ${fmtShape(v.shape)}`,
        );
      }
      out.push([g, v]);
    });
    if (missing.length && out.length === 0) {
      throw new TrainingError(
        `${this.name}.applyGradients: no gradient was provided for any variable (${missing.join(', ')}); does the loss depend on the trainable weights?`,
      );
    }
    if (missing.length && !this.#warnedMissing) {
      this.#warnedMissing = true;
      console.warn(
        `${this.name}: gradients do not exist for variables ${missing.join(', ')} when minimizing the loss; they are not updated`,
      );
    }
    return out;
  }

  /** Frees the optimizer's state variables. */
  dispose(): void {
    for (const v of this.variables) v.dispose();
    this.#states.clear();
  }
}

function checkLearningRate(owner: string, lr: unknown): LearningRate {
  if (lr instanceof LearningRateSchedule || typeof lr === 'function') return lr as LearningRate;
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) {
    throw new TrainingError(
      `${owner}: learningRate must be a non-negative number, a LearningRateSchedule or a function returning a number, received ${describeValue(lr)}`,
    );
  }
  return lr;
}
