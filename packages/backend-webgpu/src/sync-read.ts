// tfjs-webgpu reads synchronously by copying the buffer into an OffscreenCanvas 'webgpu' texture and
// drawing that into a 2d canvas. On SwiftShader (Chromium without a GPU, e.g. --disable-gpu) the GPU
// process has no shared-image backing for that texture ("Could not find SharedImageBackingFactory ...
// WebgpuSwapChainTexture"): the read returns zeros and the WebGPU instance is gone afterwards (every
// later mapAsync fails with "A valid external Instance reference no longer exists"), in a page and in
// a worker alike (Chromium 156). There, reading synchronously must be refused rather than attempted.

/** The part of a GPUAdapter this looks at (`info` is missing in older browsers and type packages). */
interface AdapterWithInfo {
  info?: { architecture?: string; vendor?: string; description?: string };
}

/**
 * Whether tfjs-webgpu's OffscreenCanvas read path can work on this adapter: it needs OffscreenCanvas,
 * and it fails on SwiftShader (see the file comment).
 */
export function canReadSyncOn(adapter: object, hasOffscreenCanvas: boolean): boolean {
  if (!hasOffscreenCanvas) return false;
  const info = (adapter as AdapterWithInfo).info;
  const names = [info?.architecture, info?.description].map((s) => (s ?? '').toLowerCase());
  return !names.some((s) => s.includes('swiftshader'));
}
