// Error codes the graph reports, and factories that word them. Messages name what was refused and
// how to obtain access; they never contain a value, a token or a condition operand.
import { GraphQLError } from 'graphql';
import type { FieldEntry } from './catalogue';

/**
 * Every code the platform answers in extensions.code, in one table: the authorization layer's and the subgraph
 * kit's (subgraphs/kit/errors.ts words the kit's). Anything else reaching formatError is an internal error.
 */
export const ErrorCode = {
  Forbidden: 'FORBIDDEN',
  Unauthenticated: 'UNAUTHENTICATED',
  /** A policy or grant in force cannot be applied; its message names the policy and the rule, never a value. */
  BadPolicy: 'BAD_POLICY',
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  Unavailable: 'SERVICE_UNAVAILABLE',
  /** An audit record could not be written, so the protected data it covers is withheld. */
  AuditUnavailable: 'AUDIT_UNAVAILABLE',
  Internal: 'INTERNAL_SERVER_ERROR',
  /** An operation over one of its caller's query limits (depth, aliases, root fields, tokens, directives, cost). */
  QueryTooComplex: 'QUERY_TOO_COMPLEX',
  /** A caller or app over its rate limit; `retryAfterSeconds` says when to try again. */
  RateLimited: 'RATE_LIMITED',
  /** An app sent an operation that is not among its registered trusted documents. */
  OperationNotTrusted: 'OPERATION_NOT_TRUSTED',
  /** A request body over the limit. */
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The caller's credentials were present but unacceptable. `reason` is a full sentence, safe to show. */
export class AuthenticationError extends GraphQLError {
  readonly code = ErrorCode.Unauthenticated;
  readonly reason: string;

  constructor(reason: string) {
    super(reason, { extensions: { code: ErrorCode.Unauthenticated } });
    this.name = 'AuthenticationError';
    this.reason = reason;
  }
}

/** A policy, grant or catalogue is invalid. Raised at build time so a bad rule never half-applies. */
export class PolicyError extends GraphQLError {
  readonly code = ErrorCode.BadPolicy;

  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.BadPolicy } });
    this.name = 'PolicyError';
  }
}

/** Catalogue entries that contradict each other or the vocabulary. */
export class CatalogueError extends PolicyError {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogueError';
  }
}

export function unauthenticatedError(reason: string): AuthenticationError {
  return new AuthenticationError(reason);
}

export function badPolicyError(message: string): PolicyError {
  return new PolicyError(message);
}

/**
 * The refusal for one field. `entry` is the field's catalogue entry (undefined when uncatalogued,
 * which is itself a reason to refuse). `authenticated` tailors the advice for public callers.
 */
export function forbiddenError(
  type: string,
  field: string,
  entry: FieldEntry | undefined,
  options: { authenticated?: boolean } = {},
): GraphQLError {
  const subject = `${type}.${field}`;
  let message: string;
  if (!entry) {
    message = `Access to ${subject} is denied: it is not listed in the resource catalogue, so nobody may read it.`;
  } else if (entry.sharing === 'NOT_SHARED') {
    message = `Access to ${subject} is denied: it is NOT_SHARED data of ${entry.owner} and is available to ${entry.owner} only.`;
  } else if (entry.sharing === 'CONDITIONAL') {
    message = `Access to ${subject} is denied: it is CONDITIONAL data of ${entry.owner}; request a sharing grant from ${entry.owner} through the governance service.`;
  } else if (options.authenticated === false) {
    message = `Access to ${subject} is denied: it is UNCONDITIONAL data of ${entry.owner}, shared with government departments only; sign in with a government account.`;
  } else {
    message = `Access to ${subject} is denied: it is UNCONDITIONAL data of ${entry.owner}, but a policy for your role restricts it; ask the data-bureau to review your role's policy.`;
  }
  const extensions: Record<string, unknown> = { code: ErrorCode.Forbidden, type, field };
  if (entry) {
    extensions.sharing = entry.sharing;
    extensions.owner = entry.owner;
  }
  return new GraphQLError(message, { extensions });
}
