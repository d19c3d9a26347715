// Tests import package sources, never builds: @strata/x maps to packages/x/src/index.ts.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/apps', '<rootDir>/tools', '<rootDir>/examples'],
  testMatch: ['**/*.test.ts'],
  // .mjs too: tools/layering.mjs is plain ESM that Jest (CommonJS mode) must transform to load.
  transform: {
    '^.+\\.(ts|mjs)$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
    // tfjs-core's node bundle has no gradients; the tf.grad oracle (autodiff tests) loads its ESM
    // `dist/register_all_gradients`, which Jest must transform. Its copies share tfjs's global engine.
    '^.+/@tensorflow/tfjs-core/dist/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' } }],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(\\.pnpm/@tensorflow\\+tfjs-core@[^/]+/node_modules/)?@tensorflow/tfjs-core/dist/(?!tf-core))',
  ],
  moduleNameMapper: {
    '^@strata/([^/]+)/testing$': '<rootDir>/packages/$1/src/testing/index.ts',
    '^@strata/([^/]+)/internal$': '<rootDir>/packages/$1/src/internal.ts',
    '^@strata/([^/]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^strata$': '<rootDir>/packages/strata/src/index.ts',
  },
  setupFiles: ['<rootDir>/tools/jest/seed.ts'],
  setupFilesAfterEnv: ['<rootDir>/tools/jest/wasm-threads.ts'],
  testTimeout: 120000,
};
