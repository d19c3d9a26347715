import type { OpCase } from '../conformance';

export const reductionCases: readonly OpCase[] = [];
