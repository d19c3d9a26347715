import type { OnnxBuilder } from '../builder';
import { cast, squeeze, unsqueeze, unsupported, type OpCall, type OpConverter } from './common';

const INT64_MAX = 2 ** 62;

/** The target shape: known dims as they are, one unknown as -1; more unknowns copy (0) their input's. */
function reshapeTarget(c: OpCall): number[] {
  const out = c.outputs[0].shape;
  const unknown = out.filter((d) => d === null).length;
  if (unknown <= 1) return out.map((d) => d ?? -1);
  const x = c.specs[0].shape;
  const copyable = out.every((d, i) => d !== null || x[i] === null);
  if (copyable && out.filter((d, i) => d === null && x[i] === null).length === unknown) return out.map((d) => d ?? 0);
  return unsupported(
    c,
    `the output shape [${out.join(',')}] has ${unknown} unknown sizes that do not line up with the input's`,
  );
}

function slice(b: OnnxBuilder, c: OpCall): string {
  const { begin, size } = c.attrs as { begin: number[]; size: number[] };
  const ends = begin.map((s, i) => (size[i] === -1 ? INT64_MAX : s + size[i]));
  return b.op('Slice', [c.inputs[0], b.int64s(begin), b.int64s(ends), b.int64s(begin.map((_, i) => i))]);
}

function split(b: OnnxBuilder, c: OpCall): string[] {
  const axis = c.attrs.axis as number;
  const sizes = c.outputs.map((o) => o.shape[axis]);
  if (sizes.some((s) => s === null)) unsupported(c, `axis ${axis} has unknown size`);
  return b.node('Split', [c.inputs[0], b.int64s(sizes as number[])], { axis }, c.outputs.length);
}

function pad(b: OnnxBuilder, c: OpCall): string {
  const { paddings, mode, constantValue } = c.attrs as {
    paddings: [number, number][];
    mode: string;
    constantValue: number;
  };
  if (mode === 'symmetric') unsupported(c, "ONNX Pad has no 'symmetric' mode (it has constant, reflect and edge)");
  const pads = b.int64s([...paddings.map((p) => p[0]), ...paddings.map((p) => p[1])]);
  const dtype = c.specs[0].dtype;
  const inputs = mode === 'constant' ? [c.inputs[0], pads, b.scalar(constantValue, dtype)] : [c.inputs[0], pads];
  return b.op('Pad', inputs, { mode });
}

/** TensorFlow's strided slice (begin/end masks, shrinking axes) as ONNX Slice and Squeeze. */
function stridedSlice(b: OnnxBuilder, c: OpCall): string {
  const { begin, end, strides, beginMask, endMask, ellipsisMask, newAxisMask, shrinkAxisMask } = c.attrs as Record<
    string,
    any
  >;
  if (ellipsisMask || newAxisMask)
    unsupported(c, 'ellipsisMask and newAxisMask (index with slice and expandDims instead)');
  const starts: number[] = [];
  const ends: number[] = [];
  const shrink: number[] = [];
  (begin as number[]).forEach((s, i) => {
    const step = strides[i] as number;
    const bit = 1 << i;
    if (shrinkAxisMask & bit) {
      starts.push(s);
      ends.push(s === -1 ? INT64_MAX : s + 1);
      shrink.push(i);
      return;
    }
    starts.push(beginMask & bit ? (step > 0 ? 0 : INT64_MAX) : s);
    ends.push(endMask & bit ? (step > 0 ? INT64_MAX : -INT64_MAX) : end[i]);
  });
  const axes = starts.map((_, i) => i);
  const sliced = b.op('Slice', [
    c.inputs[0],
    b.int64s(starts),
    b.int64s(ends),
    b.int64s(axes),
    b.int64s(strides.slice(0, axes.length)),
  ]);
  return shrink.length ? squeeze(b, sliced, shrink) : sliced;
}

export const SHAPE: Record<string, OpConverter> = {
  reshape: (b, c) => b.op('Reshape', [c.inputs[0], b.int64s(reshapeTarget(c))]),
  transpose: (b, c) => b.op('Transpose', [c.inputs[0]], { perm: c.attrs.perm }),
  expandDims: (b, c) => unsqueeze(b, c.inputs[0], [c.attrs.axis]),
  squeeze: (b, c) => squeeze(b, c.inputs[0], c.attrs.axis),
  concat: (b, c) => b.op('Concat', c.inputs, { axis: c.attrs.axis }),
  stack: (b, c) =>
    b.op(
      'Concat',
      c.inputs.map((x) => unsqueeze(b, x, [c.attrs.axis])),
      { axis: c.attrs.axis },
    ),
  unstack: (b, c) => {
    const axis = c.attrs.axis as number;
    const parts = b.node('Split', [c.inputs[0], b.int64s(c.outputs.map(() => 1))], { axis }, c.outputs.length);
    return parts.map((p) => squeeze(b, p, [axis]));
  },
  split,
  slice,
  stridedSlice,
  tile: (b, c) => b.op('Tile', [c.inputs[0], b.int64s(c.attrs.reps)]),
  pad,
  reverse: (b, c) => {
    const axes = c.attrs.axis as number[];
    if (axes.length === 0) return b.op('Identity', [c.inputs[0]]);
    const ends = axes.map(() => -INT64_MAX);
    return b.op('Slice', [
      c.inputs[0],
      b.int64s(axes.map(() => -1)),
      b.int64s(ends),
      b.int64s(axes),
      b.int64s(axes.map(() => -1)),
    ]);
  },
  broadcastTo: (b, c) =>
    b.op('Expand', [c.inputs[0], b.int64s((c.attrs.shape as (number | null)[]).map((d) => d ?? 1))]),
  gather: (b, c) => {
    if (c.attrs.batchDims !== 0) unsupported(c, `batchDims=${c.attrs.batchDims} (only 0 maps to ONNX Gather)`);
    return b.op('Gather', [c.inputs[0], c.inputs[1]], { axis: c.attrs.axis });
  },
  gatherND: (b, c) => b.op('GatherND', [c.inputs[0], b.op('Cast', [c.inputs[1]], { to: 7 })]),
  oneHot: (b, c) => {
    const { depth, onValue, offValue, dtype } = c.attrs;
    const values = b.floats([offValue, onValue]);
    const hot = b.op('OneHot', [c.inputs[0], b.int64s([depth], true), values], { axis: -1 });
    return cast(b, hot, 'float32', dtype);
  },
};
