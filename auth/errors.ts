// Error codes the graph reports, and factories that word them. Messages name what was refused and
// how to obtain access; they never contain a value, a token or a condition operand.
import { GraphQLError } from 'graphql';
import type { FieldEntry } from './catalogue';

export const ERROR_CODES = {
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  BAD_POLICY: 'BAD_POLICY',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** The caller's credentials were present but unacceptable. `reason` is a full sentence, safe to show. */
export class AuthenticationError extends GraphQLError {
  readonly code = ERROR_CODES.UNAUTHENTICATED;
  readonly reason: string;

  constructor(reason: string) {
    super(reason, { extensions: { code: ERROR_CODES.UNAUTHENTICATED } });
    this.name = 'AuthenticationError';
    this.reason = reason;
  }
}

/** A policy, grant or catalogue is invalid. Raised at build time so a bad rule never half-applies. */
export class PolicyError extends GraphQLError {
  readonly code = ERROR_CODES.BAD_POLICY;

  constructor(message: string) {
    super(message, { extensions: { code: ERROR_CODES.BAD_POLICY } });
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
  const extensions: Record<string, unknown> = { code: ERROR_CODES.FORBIDDEN, type, field };
  if (entry) {
    extensions.sharing = entry.sharing;
    extensions.owner = entry.owner;
  }
  return new GraphQLError(message, { extensions });
}
