import { opError, fmtShape } from '../../errors';
import type { Dim, Shape } from '../../shape';
import { expectRank, type Pair } from './geometry';

/** How output pixels map to input pixels (TensorFlow's flags; at most one may be true). */
export interface ResizeOptions {
  /** Maps the corner pixels of input and output onto each other (TF1 behaviour). Default: false. */
  alignCorners?: boolean;
  /** Samples at pixel centres, as Keras and TF2 image resizing do. Default: false (tfjs's default). */
  halfPixelCenters?: boolean;
}

/** The attributes of {@link resizeBilinear} and {@link resizeNearestNeighbor}. */
export interface ResizeAttrs {
  /** The output [height, width]. */
  size: Pair;
  /** See {@link ResizeOptions.alignCorners}. */
  alignCorners: boolean;
  /** See {@link ResizeOptions.halfPixelCenters}. */
  halfPixelCenters: boolean;
}

/** Validates the mapping flags shared by the resize ops and their gradients. */
export function resizeFlags(op: string, options: ResizeOptions = {}): Omit<ResizeAttrs, 'size'> {
  if (typeof options !== 'object' || options === null)
    throw opError(op, `options must be an object, received ${JSON.stringify(options)}`);
  const { alignCorners = false, halfPixelCenters = false } = options;
  if (typeof alignCorners !== 'boolean' || typeof halfPixelCenters !== 'boolean') {
    throw opError(
      op,
      `alignCorners and halfPixelCenters must be booleans, received ${JSON.stringify({ alignCorners, halfPixelCenters })}`,
    );
  }
  if (alignCorners && halfPixelCenters)
    throw opError(op, 'alignCorners and halfPixelCenters cannot both be true; pick one pixel mapping');
  return { alignCorners, halfPixelCenters };
}

/** Validates a [height, width] output size. */
export function resizeSize(op: string, size: unknown): Pair {
  const ok =
    Array.isArray(size) &&
    size.length === 2 &&
    size.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0);
  if (!ok)
    throw opError(op, `size must be [newHeight, newWidth] (non-negative integers), received ${JSON.stringify(size)}`);
  return [size[0], size[1]];
}

/** The shape of `images` (NHWC, rank 4 or 3) resized to `size`. */
export function resizedShape(op: string, images: Shape, size: Pair, arg = 'images'): Dim[] {
  expectRank(op, arg, images, [4, 3], '[batch, height, width, channels], or [height, width, channels] for one image');
  const [h, w] = images.slice(-3, -1);
  if ((h === 0 || w === 0) && size[0] * size[1] > 0) {
    throw opError(
      op,
      `cannot resize an image with no pixels: ${arg}.shape=${fmtShape(images)} to size ${fmtShape(size)}`,
    );
  }
  return images.length === 4 ? [images[0], ...size, images[3]] : [...size, images[2]];
}
