import { Tensor, Variable } from '@strata/tensor';
import { isSymbolic, retain, type OpDef, type TensorSpec } from '@strata/tensor/internal';
import type { Layer } from '@strata/layers';
import { classNameOf } from '@strata/layers/internal';
import { GraphError } from './errors';
import { SymbolicTensor } from './symbolic-tensor';
import { nest } from '@strata/tensor';

let nextNodeId = 0;

/**
 * One step of a graph: the input placeholder, a layer call or an op. Nodes are made in the order the
 * code that defines the graph runs, so ordering them by `id` is a topological order.
 * @example
 * ```ts
 * const y = add(input({ shape: [2] }), 1) as SymbolicTensor;
 * y.node.kind; // 'op'
 * y.node.inputs[0].node.kind; // 'input'
 * ```
 */
export abstract class Node {
  /** A number unique among the nodes of this process, in creation order. */
  readonly id = ++nextNodeId;
  /** Which of the three node classes this is. */
  abstract readonly kind: 'input' | 'layer' | 'op';
  /** The symbolic tensors this node reads, each once, in the order its arguments name them. */
  readonly inputs: readonly SymbolicTensor[];
  /** Tensors the graph holds for this node (constants it was given), freed by `disposeConstants`. */
  readonly constants: readonly Tensor[];
  /** The symbolic tensors this node produces. */
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

  /** Frees the constants the graph holds for this node; called when no model holds it any more. */
  disposeConstants(): void {
    for (const t of this.constants) t.dispose();
  }
}

/**
 * Where a graph starts: the output of an InputLayer (`input()`), or a bare placeholder used to trace.
 * @example
 * ```ts
 * (input({ shape: [2] }).node as InputNode).layer instanceof InputLayer; // true
 * ```
 */
export class InputNode extends Node {
  /** Always 'input'. */
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

/**
 * A layer called on symbolic tensors: its arguments and call options, as recorded.
 * @example
 * ```ts
 * const node = (new Dense({ units: 2 }).apply(input({ shape: [3] })) as SymbolicTensor).node as LayerNode;
 * node.layer instanceof Dense; // true
 * ```
 */
export class LayerNode extends Node {
  /** Always 'layer'. */
  readonly kind = 'layer' as const;
  constructor(
    /** The layer that was called. */
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
  /** The class name of the layer ('Dense', ...). */
  get className(): string {
    return classNameOf(this.layer);
  }
}

/**
 * A raw op (add, matmul, concat, ...) applied to symbolic tensors.
 * @example
 * ```ts
 * (relu(input({ shape: [2] })).node as OpNode).def.name; // 'relu'
 * ```
 */
export class OpNode extends Node {
  /** Always 'op'. */
  readonly kind = 'op' as const;
  constructor(
    /** The op that was applied (its name, shape rule and kernel). */
    readonly def: OpDef<any>,
    /** The op's inputs, each a reference to `inputs` or a constant the graph holds. */
    readonly args: readonly Template[],
    /** The op's attributes as it received them (axis, strides, ...). */
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

/**
 * Stands for the i-th symbolic input of a node inside a recorded argument.
 * @example
 * ```ts
 * new InputRef(0); // in a node's recorded arguments: "its first input"
 * ```
 */
export class InputRef {
  constructor(
    /** The position in the node's `inputs`. */
    readonly index: number,
  ) {}
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
  const leaf = (x: unknown): unknown => {
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
    return x;
  };
  return nest.map(value, leaf, { isLeaf: isSymbolic });
}

/** The argument back, with each reference replaced by the value computed for that input. */
export function decode<T>(template: Template, values: readonly T[]): unknown {
  return nest.map(template, (x) => (x instanceof InputRef ? values[x.index] : x));
}
