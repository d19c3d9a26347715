// Well-known architectures as keras.applications builds them (same layer names and weight shapes),
// so that weight files written by Keras load into them. Weights start random.
export { mobileNetV2, type MobileNetV2Args } from './mobilenet-v2';
export { resNet50 } from './resnet50';
export type { ApplicationArgs } from './common';
