/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Browser tests need chromium: `npm run test:e2e` (jest.e2e.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  // Integration suites start real servers and databases; give them room, never rely on timing in assertions.
  // 120 s: eight subgraphs and a gateway starting one after another took over 60 s on 2 shared cores under load.
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/test/support/count-reporter.js'],
};
