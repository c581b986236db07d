/* global process -- jest reads this file in Node */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The browser tests (the web page, the explorer) read the API that the rest of the suite tests
  // on both databases, so on PostgreSQL they would test the same page twice: they run on the
  // embedded default, the database `npm run demo` serves, and keep CI within its time.
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.DATABASE_URL ? ['/test/e2e/web-', '/test/e2e/explorer\\.test\\.ts$'] : [])],
  extensionsToTreatAsEsm: ['.tsx'],
  transform: {
    // import() stays import(): preact is ES modules only, and jest's require cannot load those
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022' },
        module: { type: 'commonjs', ignoreDynamic: true },
      },
    ],
    // the report pack renders the web page's components on the server; as ES modules, for preact
    '^.+\\.tsx$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true, decorators: true },
          transform: { react: { runtime: 'automatic', importSource: 'preact' } },
          target: 'es2022',
        },
      },
    ],
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
};
