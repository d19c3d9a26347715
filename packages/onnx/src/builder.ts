import type { DType, Tensor } from '@strata/tensor';
import { ONNX_FLOAT, ONNX_INT64, onnxType, rawBytes } from './dtypes';

/** An attribute value: ints and int lists as numbers, floats wrapped with `float`/`floats`. */
export type Attr = number | readonly number[] | string | Float | Floats | Strings | TensorAttr;

export class Float {
  constructor(readonly value: number) {}
}
export class Floats {
  constructor(readonly values: readonly number[]) {}
}
export class Strings {
  constructor(readonly values: readonly string[]) {}
}
/** A small constant tensor as an attribute (ConstantOfShape's value). */
export class TensorAttr {
  constructor(
    readonly dataType: number,
    readonly values: Float32Array | Int32Array | BigInt64Array | Uint8Array,
  ) {}
}
export const float = (v: number): Float => new Float(v);
export const floats = (v: readonly number[]): Floats => new Floats(v);
export const strings = (v: readonly string[]): Strings => new Strings(v);

interface Initializer {
  name: string;
  dims: number[];
  dataType: number;
  /** Read when the model is finished (reading may be asynchronous on some backends). */
  source: Tensor | Float32Array | Int32Array | BigInt64Array | Uint8Array;
}

/**
 * Collects the nodes and initializers of an ONNX graph. Names are unique per graph; Strata's
 * variables and constants become initializers once each, however many nodes read them.
 */
export class OnnxBuilder {
  readonly nodes: Record<string, unknown>[] = [];
  readonly initializers: Initializer[] = [];
  readonly #used = new Set<string>();
  readonly #byTensor = new Map<Tensor, string>();
  readonly #constants = new Map<string, string>();

  constructor(readonly opset: number) {}

  /** A graph-unique name starting with `base`. */
  fresh(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9_./:-]/g, '_') || 'v';
    let name = clean;
    for (let i = 1; this.#used.has(name); i++) name = `${clean}_${i}`;
    this.#used.add(name);
    return name;
  }

  /** Adds a node; returns its output names (`outputs` of them, or the names given). */
  node(
    opType: string,
    inputs: readonly string[],
    attrs: Record<string, Attr | undefined> = {},
    outputs: number | string[] = 1,
  ): string[] {
    const outs =
      typeof outputs === 'number' ? Array.from({ length: outputs }, () => this.fresh(opType.toLowerCase())) : outputs;
    const attribute = Object.entries(attrs)
      .filter((e): e is [string, Attr] => e[1] !== undefined)
      .map(([name, v]) => encodeAttr(name, v));
    this.nodes.push({ opType, input: [...inputs], output: outs, name: this.fresh(`${opType}_node`), attribute });
    return outs;
  }

  /** A node with one output. */
  op(opType: string, inputs: readonly string[], attrs: Record<string, Attr | undefined> = {}): string {
    return this.node(opType, inputs, attrs, 1)[0];
  }

  /** A Strata tensor (a weight, a constant a graph holds) as an initializer. */
  tensor(t: Tensor, base = 'const'): string {
    const known = this.#byTensor.get(t);
    if (known) return known;
    const name = this.fresh((t as { name?: string }).name ?? base);
    this.initializers.push({ name, dims: [...t.shape], dataType: onnxType(t.dtype), source: t });
    this.#byTensor.set(t, name);
    return name;
  }

  /** An int64 constant (shapes, axes, starts...), made once per value. */
  int64s(values: readonly number[], scalar = false): string {
    return this.#constant(
      'i64',
      ONNX_INT64,
      BigInt64Array.from(values.map((v) => BigInt(v))),
      scalar ? [] : [values.length],
    );
  }

  /** A float32 constant, made once per value. */
  floats(values: readonly number[], dims: number[] = [values.length]): string {
    return this.#constant('f32', ONNX_FLOAT, Float32Array.from(values), dims);
  }

  /** A float32 scalar constant. */
  scalar(value: number, dtype: DType = 'float32'): string {
    if (dtype === 'float32') return this.floats([value], []);
    return this.#constant(
      `s_${dtype}`,
      onnxType(dtype),
      dtype === 'int32' ? Int32Array.of(value) : Uint8Array.of(value ? 1 : 0),
      [],
    );
  }

  #constant(
    kind: string,
    dataType: number,
    values: Float32Array | Int32Array | BigInt64Array | Uint8Array,
    dims: number[],
  ): string {
    const key = `${kind}:${dims.join(',')}:${Array.from(values as ArrayLike<number | bigint>).join(',')}`;
    const known = this.#constants.get(key);
    if (known) return known;
    const name = this.fresh(kind === 'i64' ? 'ints' : 'c');
    this.initializers.push({ name, dims, dataType, source: values });
    this.#constants.set(key, name);
    return name;
  }

  /** The initializers as TensorProto objects, reading every tensor's values. */
  async initializerProtos(): Promise<Record<string, unknown>[]> {
    return Promise.all(
      this.initializers.map(async ({ name, dims, dataType, source }) => {
        const values = ArrayBuffer.isView(source) ? source : await readTensor(source);
        return { name, dims, dataType, rawData: rawBytes(values) };
      }),
    );
  }
}

async function readTensor(t: Tensor): Promise<Float32Array | Int32Array | Uint8Array> {
  const data = (await t.data()) as Float32Array | Int32Array | Uint8Array;
  return t.dtype === 'bool' ? Uint8Array.from(data as ArrayLike<number>, (v) => (v ? 1 : 0)) : data;
}

function encodeAttr(name: string, v: Attr): Record<string, unknown> {
  if (typeof v === 'number') return { name, type: 'INT', i: v };
  if (typeof v === 'string') return { name, type: 'STRING', s: new TextEncoder().encode(v) };
  if (v instanceof Float) return { name, type: 'FLOAT', f: v.value };
  if (v instanceof Floats) return { name, type: 'FLOATS', floats: [...v.values] };
  if (v instanceof Strings) return { name, type: 'STRINGS', strings: v.values.map((x) => new TextEncoder().encode(x)) };
  if (v instanceof TensorAttr)
    return { name, type: 'TENSOR', t: { dims: [1], dataType: v.dataType, rawData: rawBytes(v.values) } };
  return { name, type: 'INTS', ints: [...v] };
}
