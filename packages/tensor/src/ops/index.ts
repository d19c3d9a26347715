// Every op, by family; each family's index exports its op functions and their definitions (`xOp`).
export * from './elementwise';
export * from './reduction';
export * from './linalg';
export * from './shape';
export * from './nn';
