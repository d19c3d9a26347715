// The layer catalog, by group (as keras/src/layers).
export * from './core';
export * from './activations';
export * from './regularization';
export * from './convolutional';
export * from './pooling';
export * from './reshaping';
export * from './normalization';
export * from './merging';
export * from './preprocessing';
export * from './rnn';
export * from './attention';
