import type { OpCase } from '../conformance';

export const shapeCases: readonly OpCase[] = [];
