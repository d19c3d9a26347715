// The `utils` namespace, as keras.utils: plotting a model, clearing the layer-name counters, seeding.
// Each name is declared here (not re-exported) so that the bundled .d.ts keeps it a type where it is one.
import { plotModel as plotModel_, modelToDot as modelToDot_ } from '@strata/models';
import type { PlotOptions as PlotOptions_, DotOptions as DotOptions_, PlotFormat as PlotFormat_ } from '@strata/models';
import { clearSession as clearSession_ } from '@strata/layers';
import { setRandomSeed as setRandomSeed_ } from '@strata/tensor';

export const plotModel = plotModel_;
export const modelToDot = modelToDot_;
export type PlotOptions = PlotOptions_;
export type DotOptions = DotOptions_;
export type PlotFormat = PlotFormat_;
export const clearSession = clearSession_;
export const setRandomSeed = setRandomSeed_;
