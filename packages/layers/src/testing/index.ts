// @strata/layers/testing: helpers for layer tests (not part of the runtime API).
export { runLayerTest, type LayerTestSpec } from './run-layer-test';
