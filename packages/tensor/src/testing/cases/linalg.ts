import type { OpCase } from '../conformance';

export const linalgCases: readonly OpCase[] = [];
