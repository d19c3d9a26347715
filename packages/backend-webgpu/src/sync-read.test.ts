import { canReadSyncOn } from './sync-read';

describe('canReadSyncOn', () => {
  it('refuses synchronous reads on SwiftShader, where the OffscreenCanvas path loses the device', () => {
    // What Chromium 156 reports for its SwiftShader adapter (adapter.info).
    const swiftShader = { info: { vendor: 'google', architecture: 'swiftshader', description: '' } };
    expect(canReadSyncOn(swiftShader, true)).toBe(false);
    expect(canReadSyncOn({ info: { description: 'SwiftShader Device (Subzero)' } }, true)).toBe(false);
  });

  it('allows them on other adapters that have OffscreenCanvas, and never without it', () => {
    const gpu = { info: { vendor: 'nvidia', architecture: 'ampere', description: '' } };
    expect(canReadSyncOn(gpu, true)).toBe(true);
    expect(canReadSyncOn({}, true)).toBe(true);
    expect(canReadSyncOn(gpu, false)).toBe(false);
  });
});
