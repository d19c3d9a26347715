// Every op, by family. Each family file exports the op functions and their definitions (`xOp`).
export * from './arithmetic';
export * from './unary';
export * from './cast';
export * from './reshape';
export * from './sum';
