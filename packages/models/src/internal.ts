// @strata/models/internal: for Strata's own packages (serialization, onnx), not for users (it may change in
// any release).

// The public entry first: a bundler then orders the modules both entries share as the public entry
// evaluates them (esbuild's code splitting otherwise orders its shared chunk from this entry, and an
// import cycle, as the layer catalog's, can then run a subclass before its base class).
import './index';

// Summary and plot helpers
export { summaryLines, formatShape, readableSize } from './summary';
export { dotToSvg, svgToPng } from './plot';

// Configs: graphs as JSON and back
export {
  graphConfig,
  rebuildGraph,
  stackConfig,
  stackLayers,
  serializeLayer,
  opDefByName,
  builtInNodes,
  TENSOR_OP,
  KERAS_TENSOR,
  CONSTANT,
  type TensorHistories,
  type RebuiltGraph,
  type LayerEntry,
  type NodeConfig,
  type TensorHistory,
} from './config';
export type { LayerResolver, FromConfigOptions } from '@strata/layers';
export { resolveBuiltInLayer } from './sequential';
