import { nodeBuiltin } from '@strata/tensor/internal';
import { ModelFileError } from './safety/errors';

export type NodeFs = typeof import('node:fs/promises');
export type NodePath = typeof import('node:path');

// Node's modules for saving and loading files (@strata/tensor's nodeBuiltin says why this way).
const fail = (message: string, cause: unknown) => new ModelFileError(message, { cause });
export const nodeFs = (why: string) => nodeBuiltin<NodeFs>('node:fs/promises', why, fail);
export const nodePath = (why: string) => nodeBuiltin<NodePath>('node:path', why, fail);
