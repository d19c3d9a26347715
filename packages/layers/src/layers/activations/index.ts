export * from './relu';
export * from './leaky-relu';
export * from './prelu';
export * from './elu';
export * from './softmax';
