import { StrataError } from '@strata/tensor';

/**
 * A model, layer or op that this exporter cannot write as ONNX: the message says which and why.
 * @example
 * ```ts
 * try {
 *   await exportOnnx(modelWithALambdaLayer);
 * } catch (e) {
 *   if (e instanceof OnnxExportError) console.log(e.message); // in layer "angles" (Lambda): ...
 * }
 * ```
 */
export class OnnxExportError extends StrataError {
  /** The error that made the export fail, where another one did (a shape rule, a converter). */
  override readonly cause?: unknown;
  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = 'OnnxExportError';
    if (cause !== undefined) this.cause = cause;
  }
}
