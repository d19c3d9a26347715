import { BaseConv, type BaseConvArgs } from './base-conv';

/** The options of {@link Conv3D}: those of `BaseConvArgs`. */
export type Conv3DArgs = BaseConvArgs;

/**
 * 3-D convolution over volumes [batch, depth, height, width, channels]: kernel [kd, kh, kw, inChannels / groups,
 * filters].
 *
 * Input: [batch, depth, height, width, channels] (channels_last) or channels first. Output: [batch, newDepth,
 * newHeight, newWidth, filters], each spatial size computed as for Conv2D.
 *
 * @example
 * ```ts
 * const y = new Conv3D({ filters: 8, kernelSize: 3 }).apply(ones([1, 10, 10, 10, 2])); // shape [1, 8, 8, 8, 8]
 * ```
 */
export class Conv3D extends BaseConv {
  /** The name it is registered and serialized under (Keras's class name). */
  static override className = 'Conv3D';

  constructor(args: Conv3DArgs) {
    super(3, args);
  }
}
