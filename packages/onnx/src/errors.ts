import { StrataError } from '@strata/tensor';

/** A model, layer or op that this exporter cannot write as ONNX: the message says which and why. */
export class OnnxExportError extends StrataError {
  override readonly cause?: unknown;
  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = 'OnnxExportError';
    if (cause !== undefined) this.cause = cause;
  }
}
