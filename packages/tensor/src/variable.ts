import type { DType } from './dtype';
import { StrataError } from './errors';
import { toTensor, type TensorLike } from './convert';
import { type Tensor, Variable } from './tensor';

export interface VariableOptions {
  trainable?: boolean;
  name?: string;
  dtype?: DType;
}

/** A mutable tensor for weights and optimizer state; never freed by tidy(), dispose() it yourself. */
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
