// Tests import package sources, never builds: @strata/x maps to packages/x/src/index.ts.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/tools'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  moduleNameMapper: {
    '^@strata/([^/]+)/testing$': '<rootDir>/packages/$1/src/testing/index.ts',
    '^@strata/([^/]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^strata$': '<rootDir>/packages/strata/src/index.ts',
  },
  testTimeout: 120000,
};
