/**
 * Services started inside tests log warnings and errors only (logger.ts): the test output shows the tests, not a
 * line per request; a real failure still shows.
 */
import { effectiveLogLevel } from '../../subgraphs/kit/logger';

describe('the log level of services', () => {
  it('is the one asked for outside tests', () => {
    expect(effectiveLogLevel('info', {})).toBe('info');
    expect(effectiveLogLevel('debug', { NODE_ENV: 'production' })).toBe('debug');
    expect(effectiveLogLevel(undefined, {})).toBe('info');
  });

  it('is warn at most in a test run, so that no request line is printed, and still shows warnings and errors', () => {
    expect(effectiveLogLevel('info', { JEST_WORKER_ID: '1' })).toBe('warn');
    expect(effectiveLogLevel('debug', { NODE_ENV: 'test' })).toBe('warn');
    expect(effectiveLogLevel('error', { JEST_WORKER_ID: '1' })).toBe('error');
    expect(effectiveLogLevel('silent', { JEST_WORKER_ID: '1' })).toBe('silent');
  });

  it('is LOG_LEVEL when a test run sets it explicitly', () => {
    expect(effectiveLogLevel('info', { JEST_WORKER_ID: '1', LOG_LEVEL: 'info' })).toBe('info');
  });
});
