import { cast, resizeBilinear, resizeNearestNeighbor, slice, type Dim, type Shape, type Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { LayerError } from '../../errors';

// Image helpers shared by Resizing and CenterCrop. Images are channels-last: [batch, height, width,
// channels], or [height, width, channels] for one image, as Keras's default data format.

export const INTERPOLATIONS = ['bilinear', 'nearest'] as const;
/** How resized images are sampled: `'bilinear'` or `'nearest'`. */
export type Interpolation = (typeof INTERPOLATIONS)[number];
// What Keras 3 offers beyond these; named in the error so users know it is a gap, not a typo.
const KERAS_ONLY = ['bicubic', 'lanczos3', 'lanczos5', 'area'];

export function interpolationOption(cls: string, value: unknown): Interpolation {
  if (value === undefined) return 'bilinear';
  if (INTERPOLATIONS.includes(value as Interpolation)) return value as Interpolation;
  if (KERAS_ONLY.includes(value as string))
    throw new LayerError(
      `${cls}: interpolation '${value}' is not supported yet; use one of ${INTERPOLATIONS.map((i) => `'${i}'`).join(', ')}`,
    );
  throw new LayerError(
    `${cls}: interpolation must be one of ${INTERPOLATIONS.map((i) => `'${i}'`).join(', ')}, received ${JSON.stringify(value)}`,
  );
}

/** The image height and width of a rank-3 or rank-4 channels-last shape. */
export function imageSize(layer: string, shape: Shape): [Dim, Dim] {
  if (shape.length !== 3 && shape.length !== 4) {
    throw new LayerError(
      `${layer} expects images of shape [batch, height, width, channels] or [height, width, channels], received shape ${fmtShape(shape)}`,
    );
  }
  return [shape[shape.length - 3], shape[shape.length - 2]];
}

/** The image shape with a new height and width. */
export function withImageSize(shape: Shape, height: number, width: number): Dim[] {
  const out = [...shape];
  out[shape.length - 3] = height;
  out[shape.length - 2] = width;
  return out;
}

export interface Box {
  top: number;
  left: number;
  height: number;
  width: number;
}

/** Keras's largest centered window of the target aspect ratio (smart_resize, crop_to_aspect_ratio). */
export function aspectRatioBox(height: number, width: number, targetHeight: number, targetWidth: number): Box {
  const cropHeight = Math.max(Math.min(height, Math.floor((width * targetHeight) / targetWidth)), 1);
  const cropWidth = Math.max(Math.min(width, Math.floor((height * targetWidth) / targetHeight)), 1);
  return {
    top: Math.floor((height - cropHeight) / 2),
    left: Math.floor((width - cropWidth) / 2),
    height: cropHeight,
    width: cropWidth,
  };
}

export function cropImages(x: Tensor, box: Box): Tensor {
  const batched = x.shape.length === 4;
  return slice(
    x,
    batched ? [0, box.top, box.left, 0] : [box.top, box.left, 0],
    batched ? [-1, box.height, box.width, -1] : [box.height, box.width, -1],
  );
}

/** Resizes as Keras 3's ops.image.resize (TensorFlow's tf.image.resize): half-pixel centers, float32 out. */
export function resizeImages(x: Tensor, height: number, width: number, interpolation: Interpolation): Tensor {
  const resize = interpolation === 'nearest' ? resizeNearestNeighbor : resizeBilinear;
  return cast(resize(x, [height, width], { halfPixelCenters: true }), 'float32');
}

/** The spatial size of eager images, or an error for a symbolic trace that does not know it. */
export function knownImageSize(layer: string, what: string, shape: Shape): [number, number] {
  const [h, w] = imageSize(layer, shape);
  if (h === null || w === null)
    throw new LayerError(
      `${layer}: ${what} needs the image height and width, received shape ${fmtShape(shape)}; give the model input a fixed image size`,
    );
  return [h, w];
}
