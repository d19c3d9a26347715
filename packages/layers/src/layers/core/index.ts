export * from './dense';
export * from './activation';
export * from './embedding';
export * from './identity';
export * from './lambda';
export * from './einsum-dense';
