import { Tensor, Variable } from '@strata/tensor';
import { isSymbolic, retain, type OpDef, type TensorSpec } from '@strata/tensor/internal';
import type { Layer } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import { GraphError } from './errors';
import { SymbolicTensor } from './symbolic-tensor';

let nextNodeId = 0;

/**
 * One step of a graph: the input placeholder, a layer call or an op. Nodes are made in the order the
 * code that defines the graph runs, so ordering them by `id` is a topological order.
 */
export abstract class Node {
  readonly id = ++nextNodeId;
  abstract readonly kind: 'input' | 'layer' | 'op';
  /** The symbolic tensors this node reads, each once, in the order its arguments name them. */
  readonly inputs: readonly SymbolicTensor[];
  /** Tensors the graph holds for this node (constants it was given), freed by `disposeConstants`. */
  readonly constants: readonly Tensor[];
  outputs: readonly SymbolicTensor[] = [];

  constructor(inputs: readonly SymbolicTensor[], constants: readonly Tensor[]) {
    this.inputs = inputs;
    this.constants = constants;
  }

  /** A short name for messages: the layer's name, or the op's. */
  abstract get label(): string;

  /** @internal */
  setOutputs(specs: readonly TensorSpec[]): SymbolicTensor[] {
    const outs = specs.map((s, i) => new SymbolicTensor(s, this, i));
    this.outputs = outs;
    return outs;
  }

  disposeConstants(): void {
    for (const t of this.constants) t.dispose();
  }
}

/** Where a graph starts: the output of an InputLayer (`input()`), or a bare placeholder used to trace. */
export class InputNode extends Node {
  readonly kind = 'input' as const;
  constructor(
    /** null for the placeholders that shape inference traces a layer's call() with. */
    readonly layer: Layer | null,
  ) {
    super([], []);
  }
  get label(): string {
    return this.layer?.name ?? 'placeholder';
  }
}

/** A layer called on symbolic tensors: its arguments and call options, as recorded. */
export class LayerNode extends Node {
  readonly kind = 'layer' as const;
  constructor(
    readonly layer: Layer,
    /** The inputs argument with symbolic tensors replaced by references to `inputs`. */
    readonly args: Template,
    /** The call options, encoded the same way (a symbolic mask or initial state is an input too). */
    readonly options: Readonly<Record<string, Template>>,
    inputs: readonly SymbolicTensor[],
    constants: readonly Tensor[],
  ) {
    super(inputs, constants);
  }
  get label(): string {
    return this.layer.name;
  }
  get className(): string {
    return classNameOf(this.layer);
  }
}

/** A raw op (add, matmul, concat, ...) applied to symbolic tensors. */
export class OpNode extends Node {
  readonly kind = 'op' as const;
  constructor(
    readonly def: OpDef<any>,
    /** The op's inputs, each a reference to `inputs` or a constant the graph holds. */
    readonly args: readonly Template[],
    readonly attrs: unknown,
    inputs: readonly SymbolicTensor[],
    constants: readonly Tensor[],
  ) {
    super(inputs, constants);
  }
  get label(): string {
    return this.def.name;
  }
}

/** Stands for the i-th symbolic input of a node inside a recorded argument. */
export class InputRef {
  constructor(readonly index: number) {}
}

/** An argument as recorded: the value, with symbolic tensors as InputRefs and tensors as held constants. */
export type Template = unknown;

export interface Encoded {
  template: Template;
  inputs: SymbolicTensor[];
  constants: Tensor[];
}

/**
 * Records an argument. Symbolic tensors become references; Variables stay themselves (their value
 * changes as they train); any other tensor becomes a constant the graph holds its own handle on, and
 * one an op made from a JS value (in `temporaries`) is freed here, since nothing else will free it.
 */
export function encode(
  value: unknown,
  into: { inputs: SymbolicTensor[]; constants: Tensor[] },
  temporaries: readonly Tensor[] = [],
): Template {
  const walk = (x: unknown): unknown => {
    if (isSymbolic(x)) {
      if (!(x instanceof SymbolicTensor)) {
        throw new GraphError(
          `received a symbolic tensor that @strata/graph did not make (${String(x)}); build graphs from input()`,
        );
      }
      let i = into.inputs.indexOf(x);
      if (i < 0) i = into.inputs.push(x) - 1;
      return new InputRef(i);
    }
    if (x instanceof Variable) return x;
    if (x instanceof Tensor) {
      const held = retain(x);
      into.constants.push(held);
      if (temporaries.includes(x)) x.dispose();
      return held;
    }
    if (Array.isArray(x)) return x.map(walk);
    if (x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
      return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v)]));
    }
    return x;
  };
  return walk(value);
}

/** The argument back, with each reference replaced by the value computed for that input. */
export function decode<T>(template: Template, values: readonly T[]): unknown {
  const walk = (x: unknown): unknown => {
    if (x instanceof InputRef) return values[x.index];
    if (Array.isArray(x)) return x.map(walk);
    if (x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
      return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v)]));
    }
    return x;
  };
  return walk(template);
}
