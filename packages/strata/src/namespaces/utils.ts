// The `utils` namespace, as keras.utils: plotting a model, clearing the layer-name counters, seeding.
// A TypeScript namespace, not `import * as`: the bundled .d.ts then declares it as it is, each class both a
// value and a type (rollup-plugin-dts rebuilds `import * as` namespaces from values alone).
import * as M from '@strata/models';

import * as L from '@strata/layers';
import * as S from '@strata/tensor';

export namespace utils {
  export const plotModel = M.plotModel;
  export const modelToDot = M.modelToDot;
  export type PlotOptions = M.PlotOptions;
  export type DotOptions = M.DotOptions;
  export type PlotFormat = M.PlotFormat;
  export const clearSession = L.clearSession;
  export const setRandomSeed = S.setRandomSeed;
}
