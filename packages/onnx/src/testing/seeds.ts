/** The seed of the random architectures: the ONNX Runtime test and the checker test draw the same ones. */
export const ARCHITECTURE_SEED = 20261206;
