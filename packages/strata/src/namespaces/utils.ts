// The `utils` namespace, as keras.utils: plotting a model, clearing the layer-name counters, seeding.
export { plotModel, modelToDot, type PlotOptions, type DotOptions, type PlotFormat } from '@strata/models';
export { clearSession } from '@strata/layers';
export { setRandomSeed } from '@strata/tensor';
