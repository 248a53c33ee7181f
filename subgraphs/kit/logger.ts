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

export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Defence in depth: a header object logged by mistake must not leak a bearer token.
      redact: { paths: ['authorization', '*.authorization', 'headers.authorization'], censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ fd: 1, sync: true }),
  );
}
