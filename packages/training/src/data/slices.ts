import { Tensor, gather, reshape, slice, stack, tensor, tidy, dispose } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { TrainingError, describeValue } from '../errors';
import { type Nest, DATA } from '../utils/nest';
import { nest } from '@strata/tensor';

type Leaf = Tensor | ArrayLike<unknown>;

/** Tensors (or JS arrays) whose first axis is the sample axis: rows are cut from them lazily. */
export class SliceSource {
  readonly size: number;
  constructor(readonly structure: Nest<Leaf>) {
    const leaves = nest.flatten(structure as Nest<unknown>, DATA) as Leaf[];
    if (leaves.length === 0)
      throw new TrainingError(
        'Dataset.fromTensorSlices: expected tensors or arrays to slice, received an empty structure',
      );
    const sizes = leaves.map((l, i) => {
      if (l instanceof Tensor) {
        if (l.rank === 0)
          throw new TrainingError(
            `Dataset.fromTensorSlices: leaf ${i} is a scalar tensor; slicing needs at least one axis (the samples)`,
          );
        return l.shape[0];
      }
      if (Array.isArray(l) || ArrayBuffer.isView(l)) return (l as ArrayLike<unknown>).length;
      throw new TrainingError(`Dataset.fromTensorSlices: expected tensors or arrays, received ${describeValue(l)}`);
    });
    if (sizes.some((n) => n !== sizes[0])) {
      throw new TrainingError(
        `Dataset.fromTensorSlices: every tensor or array must have the same number of samples (first axis), received ${sizes.join(', ')}`,
      );
    }
    this.size = sizes[0];
  }

  /** One sample: each tensor sliced at `index` (the first axis removed), each array indexed. */
  row(index: number): unknown {
    return nest.map(
      this.structure,
      (leaf) => {
        if (leaf instanceof Tensor)
          return tidy(() =>
            reshape(
              slice(leaf, [index, ...leaf.shape.slice(1).map(() => 0)], [1, ...leaf.shape.slice(1)]),
              leaf.shape.slice(1),
            ),
          );
        return (leaf as ArrayLike<unknown>)[index];
      },
      DATA,
    );
  }

  /** Several samples stacked: one gather per tensor, one tensor() per array. */
  rows(indices: readonly number[]): unknown {
    return tidy(() => {
      const idx = tensor(Int32Array.from(indices), [indices.length], 'int32');
      return nest.map(
        this.structure,
        (leaf) => {
          if (leaf instanceof Tensor) return gather(leaf, idx, 0);
          return batchValues(indices.map((i) => (leaf as ArrayLike<unknown>)[i]));
        },
        DATA,
      );
    });
  }
}

/** A lazy reference to one row of a SliceSource (materialised only when something needs the values). */
export class Row {
  constructor(
    readonly source: SliceSource,
    readonly index: number,
  ) {}
}

/** JS values (numbers, nested arrays, typed arrays) of one batch as a tensor with a leading batch axis. */
export function batchValues(values: unknown[]): Tensor {
  if (values.every((v) => ArrayBuffer.isView(v))) {
    const arrays = values as unknown as (Float32Array | Int32Array | Uint8Array)[];
    const width = arrays[0].length;
    const flat = new Float32Array(arrays.length * width);
    arrays.forEach((a, i) => flat.set(a, i * width));
    return tensor(flat, [arrays.length, width], arrays[0] instanceof Int32Array ? 'int32' : 'float32');
  }
  return tensor(values as never);
}

/** Stacks a list of elements of one structure into one batch element, freeing the tensors it stacks. */
export function stackElements(elements: unknown[]): unknown {
  const first = elements[0];
  const structures = elements.map((e) => nest.flatten(e as Nest<unknown>, DATA));
  const width = structures[0].length;
  structures.forEach((s, i) => {
    if (s.length !== width)
      throw new TrainingError(
        `Dataset.batch: element ${i} has ${s.length} leaves but the first has ${width}; every element must have one structure`,
      );
  });
  let leafIndex = 0;
  const out = nest.map(
    first as Nest<unknown>,
    () => {
      const k = leafIndex++;
      const leaves = structures.map((s) => s[k]);
      if (leaves[0] instanceof Tensor) {
        const shape = (leaves[0] as Tensor).shape;
        leaves.forEach((l, i) => {
          if (!(l instanceof Tensor) || l.shape.length !== shape.length || l.shape.some((d, j) => d !== shape[j])) {
            throw new TrainingError(
              `Dataset.batch: element ${i} has ${l instanceof Tensor ? `shape ${fmtShape(l.shape)}` : describeValue(l)} where the first has shape ${fmtShape(shape)}; batch elements of one shape (or map them to one shape first)`,
            );
          }
        });
        return stack(leaves as Tensor[], 0);
      }
      return batchValues(leaves);
    },
    DATA,
  );
  for (const s of structures) dispose(s.filter((l) => l instanceof Tensor));
  return out;
}
