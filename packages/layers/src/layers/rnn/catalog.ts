// Lets wrapper configs (RNN's cell, Bidirectional, TimeDistributed) name any built-in layer. The
// catalog imports the wrappers, so they cannot import it; this module, exported last by the
// group's index, hands it over. It is read lazily, at the first nested config resolved.
import * as catalog from '../index';
import { setBuiltInLayers } from './nested-layers';

setBuiltInLayers(() => catalog as Record<string, unknown>);

export { registerNestedLayer } from './nested-layers';
