import { StrataError } from '@strata/tensor';
import { isNode } from './node-gpu';

/** Where Debian's chromium package puts SwiftShader, a Vulkan driver that runs on the CPU. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** The error for "WebGPU exists but found no GPU adapter", with how to get one here. */
export function noAdapterError(): StrataError {
  if (!isNode()) {
    return new StrataError(
      'webgpu(): navigator.gpu.requestAdapter() found no GPU adapter: the GPU or its driver is blocklisted, or WebGPU is disabled ' +
        '(see chrome://gpu); pick another backend meanwhile: await setBackend(wasm())',
    );
  }
  const icd = process.env.VK_ICD_FILENAMES;
  return new StrataError(
    'webgpu(): Dawn (the `webgpu` package) found no GPU adapter' +
      (icd ? ` (VK_ICD_FILENAMES=${icd})` : '') +
      '. On Linux Dawn needs the Vulkan loader (libvulkan.so.1, Debian package libvulkan1) and a Vulkan driver. ' +
      `Without a GPU, use SwiftShader, a Vulkan driver on the CPU from Debian's chromium package: apt-get install chromium libvulkan1, ` +
      `then run with VK_ICD_FILENAMES=${SWIFTSHADER_ICD} (if libvulkan1 cannot be installed, add LD_LIBRARY_PATH=/usr/lib/chromium, ` +
      'where chromium keeps its own copy of the loader)',
  );
}
