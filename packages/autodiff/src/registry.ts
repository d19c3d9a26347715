import { StrataError, type Tensor } from '@strata/tensor';
import type { OpDef } from '@strata/tensor/internal';

/** What a rule sees of the op it differentiates: the values the tape kept when the op ran. */
export interface RuleContext<A> {
  /** The op's inputs. */
  readonly inputs: readonly Tensor[];
  /** The op's outputs. */
  readonly outputs: readonly Tensor[];
  /** The op's attributes, typed by its definition. */
  readonly attrs: A;
  /**
   * The gradient of every output (ops with several outputs); an output the target does not
   * depend on gets zeros, so rules can treat all outputs alike.
   */
  readonly dys: readonly Tensor[];
}

/**
 * The gradient of one input, computed only if that input leads to a source: a rule lists all of
 * them, the engine calls the ones it needs (dX of a first layer is never computed).
 */
export type InputGradient = () => Tensor;

/**
 * Maps the gradient of output 0 (`dy`) to one entry per input; `null` where no gradient flows
 * (indices, conditions). A gradient may have the op's broadcast shape: the engine sums it back
 * to the input's shape.
 */
export type GradientRule<A> = (dy: Tensor, context: RuleContext<A>) => readonly (InputGradient | null)[];

/** A registry row: the op's gradient rule, or why it has none. */
export type GradientEntry<A = any> =
  | {
      /** The rule. */
      readonly rule: GradientRule<A>;
    }
  | {
      /** Why the op has no gradient (said in the error when one is asked for). */
      readonly nonDifferentiable: string;
    };

/**
 * One registry row, typed by the op definition it is for so that `attrs` is checked.
 * @internal
 */
export function rule<A>(def: OpDef<A>, gradient: GradientRule<A>): [string, GradientEntry<A>] {
  return [def.name, { rule: gradient }];
}

/**
 * A registry row for an op no gradient flows through, with the reason (shown by coverage tests).
 * @internal
 */
export function nonDifferentiable(def: OpDef<any> | string, reason: string): [string, GradientEntry] {
  return [typeof def === 'string' ? def : def.name, { nonDifferentiable: reason }];
}

/** Every op's gradient entry, by op name. */
export type GradientRegistry = ReadonlyMap<string, GradientEntry>;

/** Builds the registry from the families' rows, refusing a second row for the same op. */
export function buildRegistry(...families: (readonly [string, GradientEntry][])[]): GradientRegistry {
  const registry = new Map<string, GradientEntry>();
  for (const rows of families) {
    for (const [name, entry] of rows) {
      if (registry.has(name)) throw new StrataError(`gradient registry: two rules for op '${name}'; keep exactly one`);
      registry.set(name, entry);
    }
  }
  return registry;
}

export function entryFor(registry: GradientRegistry, op: string): GradientEntry {
  const entry = registry.get(op);
  if (!entry) {
    throw new StrataError(
      `no gradient rule for op '${op}': the target depends on the sources through '${op}', which @strata/autodiff cannot differentiate yet; ` +
        `wrap that computation in customGradient() with your own gradient, or stopGradient() its result if no gradient should flow`,
    );
  }
  return entry;
}
