import { StrataError, Tensor } from '@strata/tensor';
import { fmtShape, type OpRecord } from '@strata/tensor/internal';
import { describe } from './arguments';
import type { GradientEntry } from './registry';
import { keepForTape, releaseFromTape } from './recording';
import type { TapeNode } from './backprop';

/** The name tapes see for a call of a function made by `customGradient`. */
export const CUSTOM_GRADIENT_OP = 'customGradient';

/** The user's gradient function: one gradient per input (null: none), given the output's gradient, what was saved and the inputs. */
export type CustomGradientFunction = (
  dy: Tensor,
  saved: Tensor[],
  inputs: Tensor[],
) => Tensor | null | (Tensor | null)[];

export interface CustomGradientAttrs {
  readonly gradFunc: CustomGradientFunction;
  readonly saved: readonly Tensor[];
}

/** The attrs a tape keeps for an op: a custom gradient's saved tensors must outlive the caller's tidy. */
export function keptAttrs(record: OpRecord): unknown {
  if (record.op !== CUSTOM_GRADIENT_OP) return record.attrs;
  const attrs = record.attrs as CustomGradientAttrs;
  return { gradFunc: attrs.gradFunc, saved: attrs.saved.map(keepForTape) } satisfies CustomGradientAttrs;
}

export function releaseKeptAttrs(node: TapeNode): void {
  if (node.op === CUSTOM_GRADIENT_OP) for (const t of (node.attrs as CustomGradientAttrs).saved) releaseFromTape(t);
}

const customGradientEntry: GradientEntry<CustomGradientAttrs> = {
  rule: (dy, { inputs, attrs }) => {
    const result = attrs.gradFunc(dy, [...attrs.saved], [...inputs]);
    const grads = Array.isArray(result) ? result : [result];
    if (grads.length !== inputs.length) {
      throw new StrataError(
        `customGradient: gradFunc returned ${grads.length} gradient(s) for a function of ${inputs.length} input(s); return one gradient per input, in order`,
      );
    }
    return grads.map((g, i) => {
      const x = inputs[i];
      if (g === null) return null;
      if (!(g instanceof Tensor))
        throw new StrataError(
          `customGradient: gradFunc returned ${describe(g)} for input ${i}; return a Tensor (or null) per input`,
        );
      if (g.shape.length !== x.shape.length || g.shape.some((d, k) => d !== x.shape[k])) {
        throw new StrataError(
          `customGradient: gradFunc returned a gradient of shape ${fmtShape(g.shape)} for input ${i} of shape ${fmtShape(x.shape)}; each gradient must have its input's shape`,
        );
      }
      return () => g;
    });
  },
};

export const customGradientRows: readonly [string, GradientEntry][] = [[CUSTOM_GRADIENT_OP, customGradientEntry]];
