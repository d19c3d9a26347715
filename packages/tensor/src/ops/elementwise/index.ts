export * from './arithmetic';
export * from './unary';
export { unaryDef, binaryDef, callUnary, callBinary, runCast, castInfo, type ComputeType, type ResultType, type ElementwiseOptions } from './define';
