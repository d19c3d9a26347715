import type { DType } from './dtype';
import { StrataError } from './errors';
import { toTensor, type TensorLike } from './convert';
import { type Tensor, Variable } from './tensor';

/** Options of {@link variable}. */
export interface VariableOptions {
  /** Whether optimizers update it (and gradients are taken for it). Default: true. */
  trainable?: boolean;
  /** Its name in errors, summaries and saved weights. Default: a unique `Variable_N`. */
  name?: string;
  /** The dtype the initial value must have (a check, not a cast). Default: the initial value's. */
  dtype?: DType;
}

/**
 * A mutable tensor for weights and optimizer state; never freed by tidy(), dispose() it yourself.
 * @example
 * ```ts
 * const bias = variable(zeros([3]), { name: 'bias' });
 * bias.assign(add(bias, 1));
 * ```
 */
export function variable(initial: TensorLike, options: VariableOptions = {}): Variable {
  const temps: Tensor[] = [];
  const t = toTensor(initial, 'variable', 'initial', temps) as Tensor;
  try {
    if (options.dtype && options.dtype !== t.dtype) {
      throw new StrataError(
        `variable: the initial value has dtype ${t.dtype} but dtype ${options.dtype} was asked for; cast it first`,
      );
    }
    return new Variable(t, options);
  } finally {
    for (const x of temps) x.dispose();
  }
}
