// Who is calling. Built once per request by tokens.ts and never mutated afterwards.
import { isDepartment, isRole } from './vocabulary';

export interface Principal {
  kind: 'public' | 'government';
  sub: string;
  dept: string | null;
  roles: readonly string[];
  /** 6-digit administrative division code of the area the caller's office covers. */
  region: string | null;
  client: string | null;
  /** Declared purpose of use, from the X-Purpose header; grants are bound to it. */
  purpose: string | null;
}

/** A fresh, frozen principal for callers without an Authorization header. */
export function PUBLIC_PRINCIPAL(): Principal {
  return Object.freeze({ kind: 'public', sub: 'public', dept: null, roles: Object.freeze([]), region: null, client: null, purpose: null });
}

/**
 * A stable key of every attribute that can change an authorization decision, for caching abilities.
 * JSON keeps it unambiguous (a sub containing a separator cannot collide with another principal);
 * roles are sorted and deduplicated because their order never matters.
 * `client` is left out: no rule can depend on it.
 */
export function principalKey(p: Principal): string {
  const roles = [...new Set(p.roles)].sort();
  return JSON.stringify([p.kind, p.sub, p.dept, roles, p.region, p.purpose]);
}

/**
 * Whether the principal carries government privileges at all: a government token whose department is
 * known and which holds at least one known role. Everyone else is treated like the public.
 */
export function isRecognisedGovernment(p: Principal): boolean {
  return p.kind === 'government' && isDepartment(p.dept) && p.roles.some(isRole);
}
