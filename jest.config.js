/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  // Integration suites start real servers and databases; give them room, never rely on timing in assertions.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/count-reporter.js'],
};
