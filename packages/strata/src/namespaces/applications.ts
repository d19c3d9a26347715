// The `applications` namespace, as keras.applications: architectures built with Keras's layer names, so
// the weight files `keras.applications` writes load into them (`loadModelWeights`).
// A TypeScript namespace, not `import * as`, as the other namespaces (see layers.ts).
import * as M from '@strata/models';

export namespace applications {
  export const MobileNetV2 = M.mobileNetV2;
  export const ResNet50 = M.resNet50;
  export type MobileNetV2Args = M.MobileNetV2Args;
  export type ApplicationArgs = M.ApplicationArgs;
}
