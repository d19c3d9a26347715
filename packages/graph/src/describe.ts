import { Tensor } from '@strata/tensor';
import { fmtShape, type TensorSpec } from '@strata/tensor/internal';
import type { Layer } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import { SymbolicTensor } from './symbolic-tensor';
import { InputNode, LayerNode } from './node';

/**
 * `layer "dense_1" (Dense)`
 * @example
 * ```ts
 * describeLayer(new Dense({ units: 2, name: 'head' })); // 'layer "head" (Dense)'
 * ```
 */
export function describeLayer(layer: Layer): string {
  return `layer "${layer.name}" (${classNameOf(layer)})`;
}

/**
 * Where a value comes from, for messages: `the output of layer "dense" (Dense) of shape [null,5]`.
 * @example
 * ```ts
 * describeValue(new Dense({ units: 5 }).apply(input({ shape: [3] })));
 * // 'the output of layer "dense" (Dense) of shape [null,5]'
 * ```
 */
export function describeValue(x: unknown): string {
  if (x instanceof SymbolicTensor) {
    const node = x.node;
    const which = node.outputs.length > 1 ? `output ${x.index}` : 'the output';
    const where =
      node instanceof InputNode
        ? node.layer
          ? `input "${node.layer.name}"`
          : 'a symbolic input'
        : node instanceof LayerNode
          ? `${which} of ${describeLayer(node.layer)}`
          : `${which} of op "${node.label}"`;
    return `${where} of shape ${fmtShape(x.shape)}`;
  }
  if (x instanceof Tensor) return `a constant of shape ${fmtShape(x.shape)}`;
  const spec = x as Partial<TensorSpec> | null;
  return spec && Array.isArray(spec.shape) ? `a value of shape ${fmtShape(spec.shape)}` : `a ${typeof x}`;
}

/** Several values joined for a sentence: `a, b and c`. */
export function describeValues(xs: readonly unknown[]): string {
  const parts = xs.map(describeValue);
  if (parts.length <= 1) return parts[0] ?? 'no inputs';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
