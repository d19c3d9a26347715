// @strata/models/testing: helpers for model tests (workspace-only, not part of the published API).
export { values, expectClose, ZeroMasker, MaskReader, captured } from './helpers';
