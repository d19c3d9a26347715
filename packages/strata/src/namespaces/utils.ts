// The `utils` namespace, as keras.utils: plotting a model, clearing the layer-name counters, seeding.
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import { plotModel as plotModel_, modelToDot as modelToDot_ } from '@strata/models';
import type { PlotOptions as PlotOptions_, DotOptions as DotOptions_, PlotFormat as PlotFormat_ } from '@strata/models';
import { clearSession as clearSession_ } from '@strata/layers';
import { setRandomSeed as setRandomSeed_ } from '@strata/tensor';

export namespace utils {
  export const plotModel = plotModel_;
  export const modelToDot = modelToDot_;
  export type PlotOptions = PlotOptions_;
  export type DotOptions = DotOptions_;
  export type PlotFormat = PlotFormat_;
  export const clearSession = clearSession_;
  export const setRandomSeed = setRandomSeed_;
}
