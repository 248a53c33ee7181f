/**
 * End-to-end tests in a real browser (test/e2e): `npm run test:e2e`. Kept out of `npm test` because they need
 * Debian's chromium; .ci/run installs it and runs them after the other suites.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/e2e'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 180000,
};
