import { Tensor, type Shape } from '@strata/tensor';
import { isSymbolic, type OpDef, type TensorSpec } from '@strata/tensor/internal';
import type { CallOptions, Layer, LayerInputs, ShapeOrShapes } from '@strata/layers';
import { assertInputCompatible, classNameOf } from '@strata/layers/internal';
import { GraphError, messageOf } from './errors';
import { InputNode, LayerNode, OpNode, encode } from './node';
import { SymbolicTensor } from './symbolic-tensor';
import { isTracing, registerNode, scratch } from './collect';
import { describeValues } from './describe';

function specOf(x: unknown): TensorSpec {
  return x as TensorSpec;
}

function isShapeList(s: ShapeOrShapes): s is readonly Shape[] {
  return s.length > 0 && Array.isArray(s[0]);
}

/**
 * A fresh symbolic tensor with no producer, to trace a call with: it belongs to no graph.
 * @example
 * ```ts
 * const p = placeholder({ shape: [null, 8], dtype: 'float32' });
 * const traced = relu(p); // records into no model's graph
 * ```
 */
export function placeholder(spec: TensorSpec): SymbolicTensor {
  const node = new InputNode(null);
  return node.setOutputs([spec])[0];
}

/** Records an op on symbolic inputs: runs its shape rule, then adds an op node. */
export function recordOp(
  def: OpDef<any>,
  inputs: readonly unknown[],
  attrs: unknown,
  temporaries: readonly Tensor[],
): SymbolicTensor[] {
  let specs: TensorSpec[];
  try {
    const inferred = def.infer(inputs.map(specOf), attrs);
    specs = Array.isArray(inferred) ? inferred : [inferred];
  } catch (e) {
    for (const t of temporaries) t.dispose();
    throw new GraphError(`Op "${def.name}" cannot be applied to ${describeValues(inputs)}: ${messageOf(e)}`, {
      cause: e,
      shapeMismatch: true,
    });
  }
  const into = { inputs: [] as SymbolicTensor[], constants: [] as Tensor[] };
  const args = inputs.map((x) => encode(x, into, temporaries));
  const node = new OpNode(def, args, attrs, into.inputs, into.constants);
  const outs = node.setOutputs(specs);
  registerNode(node);
  return outs;
}

/**
 * Records a layer call on symbolic inputs (Keras's `__call__` on KerasTensors): checks the input spec,
 * builds the layer from the (possibly partly unknown) shapes, infers the output, adds a layer node.
 * Any failure is reported naming the layer and where each input comes from, with its shape.
 */
export function recordLayer(
  layer: Layer,
  inputs: LayerInputs,
  options: CallOptions,
): SymbolicTensor | SymbolicTensor[] {
  const flat: unknown[] = Array.isArray(inputs) ? [...inputs] : [inputs];
  for (const [i, x] of flat.entries()) {
    if (!isSymbolic(x) && !(x instanceof Tensor)) {
      throw new GraphError(
        `Input ${i} of layer "${layer.name}" must be a symbolic tensor or a Tensor, received ${x === null ? 'null' : typeof x}`,
      );
    }
  }
  const specs = flat.map(specOf);
  const shapes: ShapeOrShapes = Array.isArray(inputs) ? specs.map((s) => s.shape) : specs[0].shape;
  let outputs: { specs: TensorSpec[]; multi: boolean };
  // Until call() is traced, a failure is the layer rejecting these shapes; inside the trace, it is
  // one only if a nested layer or op said so (not if the code read values, say).
  let tracing = false;
  try {
    assertInputCompatible(layer.name, layer.inputSpec, specs);
    layer.ensureBuilt(shapes);
    assertInputCompatible(layer.name, layer.inputSpec, specs);
    tracing = typeof layer.computeOutputShape !== 'function';
    outputs = inferOutputs(layer, inputs, options, shapes);
  } catch (e) {
    const shapeMismatch = tracing
      ? e instanceof GraphError && e.shapeMismatch
      : !(e instanceof GraphError) || e.shapeMismatch;
    throw new GraphError(
      `Layer "${layer.name}" (${classNameOf(layer)}) cannot be applied to ${describeValues(flat)}: ${messageOf(e)}`,
      { cause: e, shapeMismatch },
    );
  }
  const into = { inputs: [] as SymbolicTensor[], constants: [] as Tensor[] };
  const args = encode(inputs, into);
  const recordedOptions = Object.fromEntries(Object.entries(options).map(([k, v]) => [k, encode(v, into)]));
  const node = new LayerNode(layer, args, recordedOptions, into.inputs, into.constants);
  const outs = node.setOutputs(outputs.specs);
  registerNode(node);
  const result = outputs.multi ? outs : outs[0];
  if (!isTracing()) layer.recordInboundCall(inputs, result);
  return result;
}

/**
 * The output specs of a layer call: from `computeOutputShape` when the layer has one (dtype: the
 * layer's, as Keras's compute dtype), otherwise by tracing `call()` on placeholders into a scratch
 * graph that is thrown away.
 */
function inferOutputs(
  layer: Layer,
  inputs: LayerInputs,
  options: CallOptions,
  shapes: ShapeOrShapes,
): { specs: TensorSpec[]; multi: boolean } {
  if (typeof layer.computeOutputShape === 'function') {
    const out = layer.computeOutputShape(shapes);
    return isShapeList(out)
      ? { specs: out.map((shape) => ({ shape, dtype: layer.dtype })), multi: true }
      : { specs: [{ shape: out as Shape, dtype: layer.dtype }], multi: false };
  }
  return scratch(() => {
    const fresh = (x: unknown): unknown => (x instanceof SymbolicTensor ? placeholder(x) : x);
    const args = Array.isArray(inputs) ? inputs.map(fresh) : fresh(inputs);
    const callOptions: CallOptions = {};
    for (const [k, v] of Object.entries(options)) callOptions[k] = Array.isArray(v) ? v.map(fresh) : fresh(v);
    callOptions.training = options.training ?? false;
    callOptions.mask = (callOptions.mask as CallOptions['mask']) ?? null;
    const result = layer.call(args as Tensor | Tensor[], callOptions) as unknown;
    const list = Array.isArray(result) ? result : [result];
    for (const [i, r] of list.entries()) {
      if (!isSymbolic(r) && !(r instanceof Tensor))
        throw new GraphError(`call() returned ${typeof r} as output ${i}, expected tensors`);
    }
    return {
      specs: list.map((r) => ({ shape: [...(r as TensorSpec).shape], dtype: (r as TensorSpec).dtype })),
      multi: Array.isArray(result),
    };
  });
}
