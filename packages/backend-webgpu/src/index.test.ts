import { webgpu } from './index';
import { describeWithWebGPU } from './testing/available';
import { setBackend } from '@strata/tensor';

describe('webgpu()', () => {
  it('fails with how to get an adapter when the GPU offers none', async () => {
    const noAdapter = { requestAdapter: async () => null } as unknown as GPU;
    // Created directly: the factory is what is under test, not the engine's registry.
    await expect(webgpu({ gpu: noAdapter }).create()).rejects.toThrow(
      /found no GPU adapter.*VK_ICD_FILENAMES=\/usr\/lib\/chromium\/vk_swiftshader_icd\.json/s,
    );
  });
});

describeWithWebGPU('webgpu() started', () => {
  it('reads synchronously only where tfjs-webgpu can (OffscreenCanvas, not SwiftShader)', async () => {
    const backend = await setBackend(webgpu());
    expect(backend.name).toBe('webgpu');
    expect(backend.canReadSync).toBe(typeof OffscreenCanvas === 'function');
    expect(backend.explicitTransposeMatmul).toBe(false);
    expect(backend.quirks?.intViaFloat).toEqual(['Pow']);
  });
});
