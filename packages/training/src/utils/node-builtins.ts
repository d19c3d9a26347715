import { nodeBuiltin } from '@strata/tensor/internal';
import { TrainingError } from '../errors';

export type NodeFs = typeof import('node:fs/promises');
export type NodePath = typeof import('node:path');
export type NodeOs = typeof import('node:os');

// Node's modules for callbacks that write files (@strata/tensor's nodeBuiltin says why this way).
const fail = (message: string) => new TrainingError(message);
export const nodeFs = (why: string) => nodeBuiltin<NodeFs>('node:fs/promises', why, fail);
export const nodePath = (why: string) => nodeBuiltin<NodePath>('node:path', why, fail);
export const nodeOs = (why: string) => nodeBuiltin<NodeOs>('node:os', why, fail);
