export * from './matmul';
export * from './dot';
export { matmulShape, type MatmulAttrs } from './matmul-shape';
export * from './einsum';
