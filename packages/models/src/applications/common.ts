import type { SymbolicTensor } from '@strata/graph';
import { ModelError } from '../errors';

/** Options every application builder takes, as keras.applications names them. */
export interface ApplicationArgs {
  /** The classifier on top (global pooling and a Dense of `classes`); default true. */
  includeTop?: boolean;
  /** [height, width, channels] (channels last); default [224, 224, 3]. */
  inputShape?: readonly (number | null)[];
  /** Without the top: 'avg' or 'max' global pooling of the last feature map, or none (default). */
  pooling?: 'avg' | 'max' | null;
  /** With the top: how many classes the last Dense predicts; default 1000 (ImageNet's). */
  classes?: number;
  /** With the top: the last Dense's activation, or null for logits; default 'softmax'. */
  classifierActivation?: string | null;
  /** The model's name; default the architecture's Keras name (e.g. 'mobilenetv2_1.00_224'). */
  name?: string;
}

/** Layers called on one symbolic tensor return one; this keeps builders free of casts. */
export const on = (layer: { apply(x: SymbolicTensor): unknown }, x: SymbolicTensor): SymbolicTensor =>
  layer.apply(x) as SymbolicTensor;

/** The input shape, checked as Keras's `obtain_input_shape` does (3 channels, sides of at least `minSize`). */
export function applicationInputShape(
  who: string,
  shape: readonly (number | null)[] | undefined,
  minSize: number,
  includeTop: boolean,
): (number | null)[] {
  const s = [...(shape ?? [224, 224, 3])];
  const ok =
    s.length === 3 && s[2] === 3 && s.slice(0, 2).every((d) => d === null || (Number.isInteger(d) && d >= minSize));
  if (!ok)
    throw new ModelError(
      `${who}: inputShape must be [height, width, 3] with sides of at least ${minSize}, ` +
        `received ${JSON.stringify(shape)}`,
    );
  if (includeTop && s.slice(0, 2).some((d) => d === null))
    throw new ModelError(
      `${who}: with includeTop the input's height and width must be known, received ${JSON.stringify(shape)}`,
    );
  return s;
}
