/**
 * Caller-facing errors of every subgraph: a code in extensions.code and a full sentence saying what was wrong
 * and, where possible, how to fix it. Internal faults never reach callers with their details (see server.ts).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../auth/errors';

// The one table of codes lives with the authorization layer (auth/ stays free of subgraphs/ imports).
export { ErrorCode };

/** A bad argument or input field: names it, says why. */
export function badInput(argument: string, reason: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`Argument "${argument}" is invalid: ${reason}`, {
    extensions: { code: ErrorCode.BadUserInput, argumentName: argument, reason, ...extra },
  });
}

export function auditUnavailable(reason: string): GraphQLError {
  return new GraphQLError(`Auditing is unavailable, so nothing was done: every write must be recorded in the audit trail (${reason}). Try again later.`, {
    extensions: { code: ErrorCode.AuditUnavailable },
  });
}

export function unavailable(reason: string): GraphQLError {
  return new GraphQLError(`The service is unavailable: ${reason}`, { extensions: { code: ErrorCode.Unavailable } });
}

const SAFE_CODES = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.Internal));
const GRAPHQL_STANDARD_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

/** Driver and pool errors that mean the database cannot be reached (not that a statement was wrong). */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const CONNECTION_MESSAGES = /Connection terminated|Timeout acquiring a connection|connection timeout|Client has encountered a connection error|Connection is closed|server closed the connection/i;

/** Whether `error` (or what it wraps) says the database is unreachable: a cause for SERVICE_UNAVAILABLE. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error as { code?: unknown; name?: unknown; message?: unknown; originalError?: unknown; cause?: unknown; previous?: unknown; thrownValue?: unknown } | undefined; e && !seen.has(e); ) {
    seen.add(e);
    if (e.name === 'ConnectionException' || e.name === 'KnexTimeoutError') return true;
    if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
    // graphql wraps a thrown non-Error in NonErrorThrown and keeps it as `thrownValue`.
    e = (e.originalError ?? e.cause ?? e.previous ?? e.thrownValue) as typeof e;
  }
  return false;
}

export const DATABASE_UNAVAILABLE = 'its database does not answer; try again in a moment.';

/**
 * Errors the platform raised on purpose keep their code and message; an unreachable database becomes
 * SERVICE_UNAVAILABLE; anything else (a driver error with SQL, a bug) becomes a generic internal error, so no
 * SQL, stack or internal name leaves the service.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (SAFE_CODES.has(code) || GRAPHQL_STANDARD_CODES.has(code)) {
    const { stacktrace: _omit, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }
  if (isDatabaseUnavailable(error)) {
    return { message: unavailable(DATABASE_UNAVAILABLE).message, path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.Unavailable } };
  }
  logInternal(error);
  return { message: 'Internal server error.', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.Internal } };
}

function logInternal(error: unknown): void {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  // A plain object (a subgraph's error as the gateway receives it) is logged as JSON, not as "[object Object]".
  const text = original instanceof Error ? String(original.stack ?? original) : typeof original === 'object' && original !== null ? JSON.stringify(original) : String(original);
  process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'internal error', error: text })}\n`);
}

