import { StrataError, reshape, sum, type Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';

/**
 * Sums a gradient that has a broadcasting op's output shape back to the shape of the input it is
 * for: over the leading axes the input lacks and the axes where the input has size 1. Rules never
 * do this themselves; it happens here, once.
 */
export function reduceToShape(gradient: Tensor, shape: readonly number[], op: string, inputIndex: number): Tensor {
  const g = gradient.shape;
  if (g.length === shape.length && g.every((d, i) => d === shape[i])) return gradient;
  const lead = g.length - shape.length;
  if (lead < 0) {
    throw new StrataError(
      `gradient rule for op '${op}' returned a gradient of rank ${g.length} for input ${inputIndex} of rank ${shape.length} (${fmtShape(shape)}); this is a bug in the rule, please report it`,
    );
  }
  const axes: number[] = [];
  for (let i = 0; i < g.length; i++) {
    const d = i < lead ? undefined : shape[i - lead];
    if (d === undefined || (d === 1 && g[i] !== 1)) axes.push(i);
    else if (d !== g[i]) {
      throw new StrataError(
        `gradient rule for op '${op}' returned a gradient of shape ${fmtShape(g)} for input ${inputIndex} of shape ${fmtShape(shape)}, ` +
          `which does not broadcast to it; this is a bug in the rule, please report it`,
      );
    }
  }
  const summed = axes.length > 0 ? sum(gradient, axes, true) : gradient;
  return reshape(summed, shape);
}
