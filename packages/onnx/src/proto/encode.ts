// The file name with its extension: protobufjs has no exports map, so Node's ESM resolver needs it.
import protobuf from 'protobufjs/light.js';
import { onnxDescriptor } from './onnx-descriptor';

let modelType: protobuf.Type | null = null;

/**
 * Encodes a plain object shaped like onnx.ModelProto (field names as in onnx.proto, camelCase as
 * protobufjs gives them; enums by name or number) into the bytes of an .onnx file.
 */
export function encodeModel(model: Record<string, unknown>): Uint8Array {
  modelType ??= protobuf.Root.fromJSON(onnxDescriptor as protobuf.INamespace).lookupType('onnx.ModelProto');
  const message = modelType.fromObject(model);
  // A plain Uint8Array over its own memory (in Node, protobufjs hands out a Buffer from a shared pool).
  return new Uint8Array(modelType.encode(message).finish());
}

/**
 * Decodes .onnx bytes back to a plain object (enums as names): what the tests look inside with.
 * @example
 * ```ts
 * const onnx = decodeModel(await exportOnnx(model));
 * (onnx.graph as { node: { opType: string }[] }).node.map((n) => n.opType); // ['MatMul', 'Add', 'Relu', ...]
 * ```
 */
export function decodeModel(bytes: Uint8Array): Record<string, unknown> {
  modelType ??= protobuf.Root.fromJSON(onnxDescriptor as protobuf.INamespace).lookupType('onnx.ModelProto');
  return modelType.toObject(modelType.decode(bytes), { enums: String, longs: Number, bytes: Array, defaults: false });
}
