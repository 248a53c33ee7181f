/**
 * Structured logs: one JSON object per line (pino), each carrying the service's name, so that a log collector
 * can follow one request across the gateway and every subgraph by its `requestId`. Never a token, a query's
 * variables or a value read: only who (sub, dept), what (operation), how long and how it ended.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** @default 'info' */
  level?: LogLevel;
  /** @default stdout; tests pass a stream of their own to read the lines. */
  destination?: DestinationStream;
}

const QUIETER: Readonly<Partial<Record<LogLevel, LogLevel>>> = { info: 'warn', debug: 'warn', trace: 'warn' };

/**
 * The level to log at: the one asked for, except in a test run (jest sets JEST_WORKER_ID; or NODE_ENV=test), where a
 * service started by a test logs warnings and errors only, so that the output shows the tests and not a line per
 * request. LOG_LEVEL in the environment still wins there (`LOG_LEVEL=info npx jest ...` to read the request lines).
 */
export function effectiveLogLevel(requested: LogLevel = 'info', env: NodeJS.ProcessEnv = process.env): LogLevel {
  const testRun = env.JEST_WORKER_ID !== undefined || env.NODE_ENV === 'test';
  return testRun && !env.LOG_LEVEL ? (QUIETER[requested] ?? requested) : requested;
}

export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: effectiveLogLevel(options.level),
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Defence in depth: a header object logged by mistake must not leak a bearer token.
      redact: { paths: ['authorization', '*.authorization', 'headers.authorization'], censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ fd: 1, sync: true }),
  );
}
