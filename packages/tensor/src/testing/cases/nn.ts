import type { OpCase } from '../conformance';

export const nnCases: readonly OpCase[] = [];
