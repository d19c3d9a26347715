export * from './matmul';
export * from './fused-matmul';
export * from './dot';
export { matmulShape, type MatmulAttrs } from './matmul-shape';
export * from './einsum';
