/**
 * References to records another department owns (a property owner who must be a known person or enterprise):
 * checked by asking the owning subgraph, as the caller, through its `_entities`. A record the caller may not
 * see counts as unknown: nobody can reference what they cannot see.
 */
import { GraphQLError } from 'graphql';
import type { DomainName } from './config';
import { badInput, ErrorCode } from './errors';
import type { RequestContext } from './subgraph';

export interface ReferenceTarget {
  /** The subgraph that owns the type. */
  domain: DomainName;
  type: string;
  /** The entity key field, e.g. "id" for Person, "uscc" for Enterprise. */
  key: string;
}

export const PERSON: ReferenceTarget = { domain: 'population', type: 'Person', key: 'id' };
export const ENTERPRISE = { domain: 'enterprise', type: 'Enterprise', key: 'uscc' } as unknown as ReferenceTarget;

/** Which of `ids` exist and are visible to the caller in the owning subgraph. */
export async function existingReferences(ctx: RequestContext<unknown>, target: ReferenceTarget, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const url = ctx.peers[target.domain];
  if (!url) throw new GraphQLError(`References to ${target.type} cannot be checked: the ${target.domain} service is not configured.`, { extensions: { code: ErrorCode.Unavailable } });
  let body: { data?: { _entities?: (Record<string, string> | null)[] }; errors?: unknown[] };
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(ctx.authorization ? { authorization: ctx.authorization } : {}), 'x-request-id': ctx.requestId },
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${target.type} { ${target.key} } } }`,
        variables: { r: unique.map((id) => ({ __typename: target.type, [target.key]: id })) },
      }),
      signal: AbortSignal.timeout(10_000),
    });
    body = (await res.json()) as typeof body;
  } catch {
    throw new GraphQLError(`References to ${target.type} cannot be checked: the ${target.domain} service did not answer. Nothing was written.`, { extensions: { code: ErrorCode.Unavailable } });
  }
  return new Set((body.data?._entities ?? []).flatMap((e) => (e && typeof e[target.key] === 'string' ? [e[target.key]!] : [])));
}

/** Refuses (BAD_USER_INPUT, naming the argument and the unknown keys) unless every one of `ids` exists. */
export async function assertReferencesExist(ctx: RequestContext<unknown>, target: ReferenceTarget, ids: readonly string[], argument: string): Promise<void> {
  const found = await existingReferences(ctx, target, ids);
  const missing = [...new Set(ids)].filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw badInput(argument, `no ${target.type} is known as ${missing.map((m) => `"${m}"`).join(', ')}; reference only records that exist and that you may see.`, { unknown: missing });
  }
}
