import { defineOp, runOp, type OpDef } from '../../op';
import type { OpInput } from '../../convert';
import { opError, fmtShape } from '../../errors';
import type { Tensor } from '../../tensor';
import type { TensorInfo } from '../../backend';
import { expectRank } from './geometry';
import { resizeFlags, resizeSize, type ResizeAttrs, type ResizeOptions } from './resize-rules';
import { resizeWeightsTransposed } from './resize-weights';
import { composed, type Scratch } from '../../kernels/scratch';
import { opInputs } from './inputs';

/** The attributes of the resize gradients: the forward resize's, without the size (dy has it). */
export type ResizeGradAttrs = Omit<ResizeAttrs, 'size'>;

/** dx = A_hᵀ · dy · A_w as two batched matmuls (see resize-weights.ts). */
function separableGradient(
  s: Scratch,
  dy: TensorInfo,
  imageShape: readonly number[],
  attrs: ResizeGradAttrs,
  bilinear: boolean,
): TensorInfo {
  const [batch, height, width, channels] = imageShape;
  const [, newHeight, newWidth] = dy.shape;
  const { alignCorners, halfPixelCenters } = attrs;
  const rowsT = s.write(
    resizeWeightsTransposed(height, newHeight, alignCorners, halfPixelCenters, bilinear),
    [1, height, newHeight],
    'float32',
  );
  const colsT = s.write(
    resizeWeightsTransposed(width, newWidth, alignCorners, halfPixelCenters, bilinear),
    [1, width, newWidth],
    'float32',
  );
  const byRow = s.run(
    'BatchMatMul',
    { a: rowsT, b: s.reshape(dy, [batch, newHeight, newWidth * channels]) },
    { transposeA: false, transposeB: false },
  );
  const perRow = s.reshape(byRow, [batch * height, newWidth, channels]);
  return s.run('BatchMatMul', { a: colsT, b: perRow }, { transposeA: false, transposeB: false });
}

/** `kernelName`: the backend kernel to use where it is right; null computes from the weights always. */
function resizeGradDef(name: string, kernelName: string | null, bilinear: boolean): OpDef<ResizeGradAttrs> {
  return defineOp<ResizeGradAttrs>({
    name,
    infer: ([dy, images]) => {
      expectRank(name, 'dy', dy.shape, [4], '[batch, newHeight, newWidth, channels]');
      expectRank(name, 'images', images.shape, [4], '[batch, height, width, channels]');
      const agree = [0, 3].every(
        (a) => dy.shape[a] === null || images.shape[a] === null || dy.shape[a] === images.shape[a],
      );
      if (!agree) {
        throw opError(
          name,
          `dy.shape=${fmtShape(dy.shape)} and images.shape=${fmtShape(images.shape)} must have the same batch and channels`,
        );
      }
      return { shape: images.shape, dtype: 'float32' };
    },
    // TensorFlow.js's gradient kernels ignore halfPixelCenters, so that case is computed from the weights.
    kernel: (ctx, [dy, images], attrs) =>
      composed(ctx, (s) => {
        const dyf = s.cast(dy, 'float32');
        if (attrs.halfPixelCenters || kernelName === null)
          return separableGradient(s, dyf, images.shape, attrs, bilinear);
        return s.run(kernelName, { images: s.cast(images, 'float32'), dy: dyf }, { alignCorners: attrs.alignCorners });
      }),
  });
}

/** The op of {@link resizeBilinearGrad}: its shape rule and kernel, the key of its gradient rule. */
export const resizeBilinearGradOp = resizeGradDef('resizeBilinearGrad', 'ResizeBilinearGrad', true);
// tfjs's cpu ResizeNearestNeighborGrad reads dy at the images' batch stride, wrong for batches > 1.
/** The op of {@link resizeNearestNeighborGrad}: its shape rule and kernel, the key of its gradient rule. */
export const resizeNearestNeighborGradOp = resizeGradDef('resizeNearestNeighborGrad', null, false);

/** Options of the resize gradients: the forward op's; `size`, if given, must match dy. */
export interface ResizeGradOptions extends ResizeOptions {
  /** The forward output size [height, width]. Default: dy's. */
  size?: readonly [number, number];
}

function resizeGrad(
  def: OpDef<ResizeGradAttrs>,
  dy: OpInput,
  images: OpInput,
  options: ResizeGradOptions = {},
): Tensor {
  const flags = resizeFlags(def.name, options);
  const { inputs, temps } = opInputs(def.name, [
    ['dy', dy],
    ['images', images],
  ]);
  const dyShape = inputs[0].shape;
  if (options.size !== undefined) {
    const size = resizeSize(def.name, options.size);
    if (
      dyShape.length === 4 &&
      (dyShape[1] !== size[0] || dyShape[2] !== size[1]) &&
      dyShape[1] !== null &&
      dyShape[2] !== null
    ) {
      for (const t of temps) t.dispose();
      throw opError(def.name, `dy.shape=${fmtShape(dyShape)} does not have the resized size ${fmtShape(size)}`);
    }
  }
  return runOp(def, inputs, flags, temps);
}

/**
 * The gradient of resizeBilinear with respect to `images` (rank 4), given the output gradient `dy`.
 * @example
 * ```ts
 * // A 1x2 image resized to 1x4 samples it at x = 0, 0.5, 1, 1.5 (clamped): weights 1, ½ ½, 1, 1.
 * resizeBilinearGrad(ones([1, 1, 4, 1]), ones([1, 1, 2, 1])); // [1.5, 2.5]
 * ```
 */
export function resizeBilinearGrad(dy: OpInput, images: OpInput, options?: ResizeGradOptions): Tensor {
  return resizeGrad(resizeBilinearGradOp, dy, images, options);
}

/**
 * The gradient of resizeNearestNeighbor with respect to `images` (rank 4), given the output gradient `dy`.
 * @example
 * ```ts
 * resizeNearestNeighborGrad(ones([1, 2, 2, 1]), ones([1, 1, 1, 1])); // [4]: all four copies of the pixel
 * ```
 */
export function resizeNearestNeighborGrad(dy: OpInput, images: OpInput, options?: ResizeGradOptions): Tensor {
  return resizeGrad(resizeNearestNeighborGradOp, dy, images, options);
}
