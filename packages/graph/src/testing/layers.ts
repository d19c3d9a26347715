// Small layers for the graph package's tests (workspace-only: '@strata/graph/testing' is not published).
import { add, cast, memory, mul, notEqual, Tensor, type Shape } from '@strata/tensor';
import { Layer, type CallOptions, type ShapeOrShapes } from '@strata/layers';

/** Adds 1 and remembers what each call received. */
export class Probe extends Layer {
  static override className = 'Probe';
  calls: { training: unknown; mask: unknown; maskValues: number[] | null; live: number }[] = [];
  override call(x: Tensor, options: CallOptions = {}): Tensor {
    // A mask lives as long as the tensor it describes, so its values are read while the call runs.
    const maskValues = options.mask instanceof Tensor ? Array.from(options.mask.dataSync()) : null;
    this.calls.push({ training: options.training, mask: options.mask ?? null, maskValues, live: memory().numTensors });
    return add(x, 1);
  }
  override computeOutputShape(s: ShapeOrShapes): Shape {
    return s as Shape;
  }
}

/** Marks zeros as padding (as Embedding with maskZero): the mask is x != 0. */
export class ZeroMasker extends Layer {
  static override className = 'ZeroMasker';
  override call(x: Tensor): Tensor {
    return mul(x, 1);
  }
  override computeMask(inputs: Tensor | Tensor[]): Tensor {
    return notEqual(inputs as Tensor, 0);
  }
}

/** Two outputs and no computeOutputShape: graph building traces its call. */
export class TwoWays extends Layer {
  static override className = 'TwoWays';
  override call(x: Tensor): Tensor[] {
    return [mul(x, 2), cast(x, 'int32')];
  }
}
