import { defineOp, runOp, type OpDef } from '../../op';
import type { OpInput } from '../../convert';
import type { Tensor } from '../../tensor';
import type { DType } from '../../dtype';
import { resizeFlags, resizeSize, resizedShape, type ResizeAttrs, type ResizeOptions } from './resize-rules';
import { composed } from '../../kernels/scratch';
import { opInputs } from './inputs';

function resizeDef(name: string, kernelName: string, outDtype: (input: DType) => DType): OpDef<ResizeAttrs> {
  return defineOp<ResizeAttrs>({
    name,
    infer: ([images], { size }) => ({ shape: resizedShape(name, images.shape, size), dtype: outDtype(images.dtype) }),
    kernel: (ctx, [images], attrs, [out]) =>
      composed(ctx, (s) => {
        // wasm's resize kernels always return float32; cpu's keep the input's dtype.
        const x4 = s.reshape(
          s.cast(images, 'float32'),
          images.shape.length === 3 ? [1, ...images.shape] : images.shape,
        );
        return s.cast(s.run(kernelName, { images: x4 }, { ...attrs }), out.dtype);
      }),
  });
}

/** The op of {@link resizeBilinear}: its shape rule and kernel, the key of its gradient rule. */
export const resizeBilinearOp = resizeDef('resizeBilinear', 'ResizeBilinear', () => 'float32');
/** The op of {@link resizeNearestNeighbor}: its shape rule and kernel, the key of its gradient rule. */
export const resizeNearestNeighborOp = resizeDef('resizeNearestNeighbor', 'ResizeNearestNeighbor', (d) => d);

function resize(
  def: OpDef<ResizeAttrs>,
  images: OpInput,
  size: readonly [number, number],
  options?: ResizeOptions,
): Tensor {
  const attrs = { size: resizeSize(def.name, size), ...resizeFlags(def.name, options) };
  const { inputs, temps } = opInputs(def.name, [['images', images]]);
  return runOp(def, inputs, attrs, temps);
}

/**
 * Resizes NHWC `images` to `size` = [newHeight, newWidth] by bilinear interpolation; returns float32.
 * @example
 * ```ts
 * resizeBilinear(tensor([0, 1], [1, 1, 2, 1]), [1, 4], { halfPixelCenters: true }); // [[[[0], [0.25], [0.75], [1]]]]
 * ```
 */
export function resizeBilinear(images: OpInput, size: readonly [number, number], options?: ResizeOptions): Tensor {
  return resize(resizeBilinearOp, images, size, options);
}

/**
 * Resizes NHWC `images` to `size` = [newHeight, newWidth] by copying the nearest pixel; keeps the dtype.
 * @example
 * ```ts
 * resizeNearestNeighbor(tensor([1, 2], [1, 1, 2, 1]), [1, 4]); // [[[[1], [1], [2], [2]]]]
 * ```
 */
export function resizeNearestNeighbor(
  images: OpInput,
  size: readonly [number, number],
  options?: ResizeOptions,
): Tensor {
  return resize(resizeNearestNeighborOp, images, size, options);
}
