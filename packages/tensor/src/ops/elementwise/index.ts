export * from './arithmetic';
export * from './unary';
export * from './sign';
export * from './log1p';
export * from './trig';
export * from './rounding';
export * from './activations';
export * from './predicates';
export * from './logical';
export * from './compare';
export * from './binary-math';
export * from './pow';
export * from './floor-div';
export * from './mod';
export * from './where';
export * from './clip-by-value';
export {
  unaryDef,
  binaryDef,
  callUnary,
  callBinary,
  type ComputeType,
  type ResultType,
  type ElementwiseOptions,
  type ComposeFn,
} from './define';
