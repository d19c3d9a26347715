// @strata/graph/testing: layers for graph tests (workspace-only, not part of the published API).
export { Probe, ZeroMasker, TwoWays } from './layers';
