import { installNavigatorGpu } from './node-gpu';

const fakeGpu = { requestAdapter: async () => null } as unknown as GPU;
const g = globalThis as unknown as { navigator?: Record<string, unknown> };
/** Read through a call, so TypeScript does not narrow it after a delete. */
const nav = (): Record<string, unknown> | undefined => g.navigator;

describe('installNavigatorGpu', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'navigator', original);
    else delete g.navigator;
  });

  it('defines a navigator holding only gpu where there is none (Node 20)', () => {
    delete g.navigator;
    installNavigatorGpu(fakeGpu);
    expect(nav()).toEqual({ gpu: fakeGpu });
  });

  it('keeps an existing navigator and everything on it (a browser, Node 21+)', () => {
    const existing = { userAgent: 'test', language: 'en' };
    Object.defineProperty(globalThis, 'navigator', { value: existing, configurable: true, writable: true });
    installNavigatorGpu(fakeGpu);
    expect(g.navigator).toBe(existing);
    expect(g.navigator).toEqual({ userAgent: 'test', language: 'en', gpu: fakeGpu });
  });
});
