// The weights of the TF.js layers format: a manifest of {name, shape, dtype} and the values, little
// endian, back to back, in shards of at most 4 MiB (tfjs's default).
import { tensor, dispose, type DType, type Tensor } from '@strata/tensor';
import { SerializationError } from '../errors';

/** One weight of a TF.js weights manifest. */
export interface WeightSpec {
  /** The weight's name (`dense/kernel`). */
  name: string;
  /** Its shape. */
  shape: number[];
  /** Its dtype. */
  dtype: 'float32' | 'int32' | 'bool';
  /** 'optimizer' for the optimizer's state (tfjs's includeOptimizer); absent for the model's weights. */
  group?: string;
}

/** One group of a TF.js weights manifest: its shard files, and the weights they hold in order. */
export interface WeightsManifestGroup {
  /** The shard files, relative to model.json, concatenated in order. */
  paths: string[];
  /** The weights in the shards, in order. */
  weights: WeightSpec[];
}

export const SHARD_BYTES = 4 * 1024 * 1024;

/** The bytes of each weight (float32 and int32: 4, bool: 1), in order, and their specs. */
export async function encodeWeights(
  variables: readonly Tensor[],
  names: readonly string[],
  group?: string,
): Promise<{ specs: WeightSpec[]; data: ArrayBuffer }> {
  const specs: WeightSpec[] = [];
  const parts: Uint8Array[] = [];
  for (const [i, v] of variables.entries()) {
    const values = await v.data();
    const dtype = v.dtype as WeightSpec['dtype'];
    const bytes =
      dtype === 'bool'
        ? Uint8Array.from(values as ArrayLike<number>, (x) => (x ? 1 : 0))
        : new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
    specs.push({ name: names[i], shape: [...v.shape], dtype, ...(group ? { group } : {}) });
    parts.push(bytes);
  }
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return { specs, data: out.buffer };
}

/** Splits the weight bytes into shards named as tfjs names them. */
export function shard(
  data: ArrayBuffer,
  prefix = 'group1',
  shardBytes = SHARD_BYTES,
): { paths: string[]; shards: ArrayBuffer[] } {
  const count = Math.max(1, Math.ceil(data.byteLength / shardBytes));
  const shards = Array.from({ length: count }, (_, i) =>
    data.slice(i * shardBytes, Math.min(data.byteLength, (i + 1) * shardBytes)),
  );
  return { paths: shards.map((_, i) => `${prefix}-shard${i + 1}of${count}.bin`), shards };
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/** Checks a manifest's specs: names, non-negative integer shapes, known dtypes, quantization absent. */
export function checkSpecs(specs: unknown): WeightSpec[] {
  if (!Array.isArray(specs))
    throw new SerializationError(
      `the weights manifest must list weight specs, received ${JSON.stringify(specs)?.slice(0, 100)}`,
    );
  return specs.map((s, i) => {
    const spec = s as Record<string, unknown>;
    if (typeof spec !== 'object' || spec === null || typeof spec.name !== 'string')
      throw new SerializationError(
        `weight spec ${i} must be {name, shape, dtype}, received ${JSON.stringify(s)?.slice(0, 100)}`,
      );
    if (!Array.isArray(spec.shape) || spec.shape.some((d) => !Number.isInteger(d) || (d as number) < 0)) {
      throw new SerializationError(
        `weight "${spec.name}": shape must be a list of non-negative integers, received ${JSON.stringify(spec.shape)}`,
      );
    }
    const dtype = spec.dtype ?? 'float32';
    if (typeof dtype !== 'string' || !(dtype in BYTES))
      throw new SerializationError(
        `weight "${spec.name}": dtype ${JSON.stringify(dtype)} is not supported; expected float32, int32 or bool`,
      );
    if (spec.quantization)
      throw new SerializationError(
        `weight "${spec.name}" is quantized (${JSON.stringify(spec.quantization)}); quantized TF.js weights are not supported yet`,
      );
    return {
      name: spec.name,
      shape: spec.shape as number[],
      dtype: dtype as WeightSpec['dtype'],
      ...(typeof spec.group === 'string' ? { group: spec.group } : {}),
    };
  });
}

/** The tensors of the weight bytes, one per spec; the byte count must match the specs exactly. */
export function decodeWeights(specs: readonly WeightSpec[], data: ArrayBuffer): Tensor[] {
  const need = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * BYTES[s.dtype], 0);
  if (data.byteLength !== need) {
    throw new SerializationError(
      `the weight files hold ${data.byteLength} bytes, but the manifest's ${specs.length} weights need ${need}; the files are truncated or belong to another model`,
    );
  }
  const out: Tensor[] = [];
  let at = 0;
  try {
    for (const s of specs) {
      const size = s.shape.reduce((a, b) => a * b, 1);
      const bytes = data.slice(at, at + size * BYTES[s.dtype]);
      at += size * BYTES[s.dtype];
      const values =
        s.dtype === 'float32'
          ? new Float32Array(bytes)
          : s.dtype === 'int32'
            ? new Int32Array(bytes)
            : Array.from(new Uint8Array(bytes), (b) => b !== 0);
      out.push(tensor(values as never, s.shape, s.dtype as DType));
    }
  } catch (e) {
    dispose(out);
    throw e;
  }
  return out;
}

/** One buffer from tfjs's weightData (an ArrayBuffer, or a list of them since tfjs 4.10). */
export function concatBuffers(data: ArrayBuffer | readonly ArrayBuffer[] | ArrayBufferView): ArrayBuffer {
  // Buffers from another realm (Node's fs under Jest) fail instanceof, so ask their tag.
  if (Object.prototype.toString.call(data) === '[object ArrayBuffer]') return data as ArrayBuffer;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice().buffer;
  if (!Array.isArray(data))
    throw new SerializationError(
      `weight data must be an ArrayBuffer or a list of them, received ${Object.prototype.toString.call(data)}`,
    );
  const list = data as readonly ArrayBuffer[];
  const total = list.reduce((n, b) => n + b.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const b of list) {
    out.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return out.buffer;
}
