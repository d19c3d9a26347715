// @strata/training/internal: for Strata's own packages (models, serialization), not for users (it may
// change in any release).

// The public entry first: a bundler then orders the modules both entries share as the public entry
// evaluates them (esbuild's code splitting otherwise orders its shared chunk from this entry, and an
// import cycle, as the layer catalog's, can then run a subclass before its base class).
import './index';

// Class tables: the built-in classes by name
export { metricClasses } from './metrics';
export { scheduleClasses } from './schedules';
export { optimizerClasses } from './optimizers';
export { lossClasses } from './losses';

// Weights files
export { saveWeights, loadWeights } from './utils/weights-io';

// Loss helpers
export { reduceWeighted, standardizeReduction, alignLabels, l2Normalize, EPSILON, sparseLabels } from './losses';

// Callback helpers
export { monitorMode, lazyLogs, formatTimePerStep, formatValue, formatPath } from './callbacks';

// TensorBoard event files: reading and framing them
export { readEventFile, type ReadEvent, type ReadSummary } from './callbacks/tensorboard/read-events';
export { histogramBuckets } from './callbacks/tensorboard/summaries';
export { maskedCrc32c, frameRecord, readRecords } from './callbacks/tensorboard/tfrecord';
