// @strata/tensor/testing: helpers for the tests of every Strata package (not part of the runtime API).
export { expectNoLeak } from './leaks';
export { describeConformance, checkCase, type OpCase } from './conformance';
export { conformanceTables } from './cases';
export { KNOWN_GAPS, knownGap } from './known-gaps';
export { inputValues, type InputSpec, type Fill } from './values';
export { ShapeOnlyTensor, symbolicOf, shapeOf } from './symbolic';
export { adamUpdateAgainstOps } from './adam-update';
