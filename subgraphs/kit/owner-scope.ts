/**
 * Row scope follows the entity, not the subgraph. A subgraph serving fields of an entity another department owns
 * (geospatial's Person.residence, health's Person.healthRecord) must judge them by the owner's rules for that
 * caller and record, such as "police read persons of their own area", whose conditions test columns only the
 * owner stores (Person.hukouRegionCode). Replicating those columns into every subgraph would go stale when a person
 * moves; so the serving subgraph asks the owner, as the caller, for the rule inputs it lacks:
 *
 * - the owner answers on `POST /scope` with, for each key, null when the caller may not see the record there (or it
 *   does not exist: the two are indistinguishable), else the requested columns the caller may read in full (a
 *   column the caller may not read is left out, so it counts as unknown and never permits);
 * - the serving subgraph asks once per request and entity type (a DataLoader batch), only for callers some of
 *   whose rules on that type depend on the record, and judges with the owner's values, never with the caller's
 *   representation: `_entities` of a record hidden by its owner answers null, as a missing one does.
 *
 * Callers whose rules on the type do not depend on the record (most of them) cost nothing extra.
 */
import DataLoader from 'dataloader';
import { Agent, request } from 'undici';
import { GraphQLError } from 'graphql';
import type { EntitySchema } from '@mikro-orm/core';
import { conditionFields, explainField, type Catalogue, type RequestAbility } from '../../auth';
import type { DomainName } from './config';
import { ErrorCode } from './errors';
import { graphQLError, headerGetter, sendJson, type HttpRoute } from './http';
import { ownerRows } from './metrics';
import { readRows, restrict } from './scope';
import { ownerAnswer, ticketedRow, type OwnerRow } from './scope-ticket';
import type { RequestContext } from './subgraph';

/** Where the records of an entity type served here, but owned elsewhere, live. */
export interface ForeignEntity {
  domain: DomainName;
  /** The federation key field (the first of its @key). */
  key: string;
}

export type { OwnerRow };

/** Keys per /scope call: far above any page, well below SQL's bound-parameter limits. */
export const MAX_SCOPE_KEYS = 2000;
const SCOPE_TIMEOUT_MS = 10_000;
export const SCOPE_PATH = '/scope';

/** Keep-alive connections to the owners: undici's request costs far less per call than global fetch. */
const peers = new Agent({ keepAliveTimeout: 30_000, connections: 16 });

const loadersByRequest = new WeakMap<object, Map<string, DataLoader<string, OwnerRow | null>>>();

/** One call to the owner's /scope as the request's caller (its Authorization and X-Purpose); unbatched, for tools. */
export async function fetchOwnerRows(ctx: RequestContext<unknown>, type: string, owner: ForeignEntity, fields: readonly string[], keys: readonly string[]): Promise<(OwnerRow | null)[]> {
  const peer = ctx.peers[owner.domain];
  if (!peer) {
    throw new GraphQLError(`${type} records cannot be judged: the ${owner.domain} service, which owns them, is not configured.`, { extensions: { code: ErrorCode.Unavailable } });
  }
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': ctx.requestId };
  if (ctx.authorization) headers.authorization = ctx.authorization;
  const purpose = ctx.auth?.principal.purpose;
  if (purpose) headers['x-purpose'] = purpose;
  let rows: unknown;
  try {
    const res = await request(new URL(SCOPE_PATH, peer), { method: 'POST', headers, body: JSON.stringify({ type, fields, keys }), dispatcher: peers, headersTimeout: SCOPE_TIMEOUT_MS, bodyTimeout: SCOPE_TIMEOUT_MS });
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new Error(`status ${res.statusCode}`);
    }
    rows = ((await res.body.json()) as { rows?: unknown }).rows;
  } catch {
    throw new GraphQLError(`${type} records cannot be judged: the ${owner.domain} service, which owns them, did not answer. Nothing was shown.`, { extensions: { code: ErrorCode.Unavailable } });
  }
  if (!Array.isArray(rows) || rows.length !== keys.length) {
    throw new GraphQLError(`${type} records cannot be judged: the ${owner.domain} service answered something else than asked. Nothing was shown.`, { extensions: { code: ErrorCode.Unavailable } });
  }
  return rows.map((r) => (r !== null && typeof r === 'object' ? (r as OwnerRow) : null));
}

/** The owner's row of `key` for this request's caller (null: hidden from the caller, or missing), batched per request. */
export function ownerRow(ctx: RequestContext<unknown>, type: string, owner: ForeignEntity, key: string): Promise<OwnerRow | null> {
  const ticketed = ticketedRow(ctx, type, key);
  if (ticketed !== undefined) return Promise.resolve(ticketed);
  let byType = loadersByRequest.get(ctx);
  if (!byType) {
    byType = new Map();
    loadersByRequest.set(ctx, byType);
  }
  let loader = byType.get(type);
  if (!loader) {
    const fields = ctx.auth ? conditionFields(ctx.auth.ability, type) : [];
    const asked = ownerRows.labels(ctx.domain, type, 'scope');
    loader = new DataLoader((keys) => {
      asked.inc(keys.length);
      return fetchOwnerRows(ctx, type, owner, fields, keys);
    }, { maxBatchSize: MAX_SCOPE_KEYS });
    byType.set(type, loader);
  }
  return loader.load(key);
}

/**
 * The record a rule on a foreign entity is judged on: the serving subgraph's own values, with every condition field
 * taken from the owner (absent there: unknown), so nothing the caller sent can stand in for the owner's columns.
 */
export function judgedRecord(ability: RequestAbility, type: string, source: object, owner: OwnerRow | null): Record<string, unknown> {
  const record: Record<string, unknown> = { ...(source as Record<string, unknown>) };
  for (const f of conditionFields(ability, type)) record[f] = owner?.[f];
  return record;
}

const recordDependent = new WeakMap<RequestAbility, Map<string, boolean>>();

/** Whether any rule of this caller on a served field of `type` depends on the record (then the owner must be asked). */
export function dependsOnOwner(ability: RequestAbility, type: string, served: readonly string[]): boolean {
  let byType = recordDependent.get(ability);
  if (!byType) {
    byType = new Map();
    recordDependent.set(ability, byType);
  }
  let answer = byType.get(type);
  if (answer === undefined) {
    answer = conditionFields(ability, type).length > 0 && served.some((f) => explainField(ability, type, f).dependsOnRecord);
    byType.set(type, answer);
  }
  return answer;
}

/** The entity types this subgraph owns (stores and does not merely extend), with their federation key field. */
export function ownedKeyFields(entities: readonly EntitySchema<any, any>[], keys: ReadonlyMap<string, string | null>, served: Catalogue): Map<string, string> {
  const owned = new Map<string, string>();
  for (const entity of entities) {
    const type = entity.meta.className;
    const key = keys.get(type);
    if (key && served[type] && !served[type]!.extension) owned.set(type, key);
  }
  return owned;
}

/**
 * The owner's side: `POST /scope` with `{ type, keys, fields }` answers `{ rows }`, one per key, judged for the
 * caller of the request (its own Authorization and X-Purpose) with the owner's row scope and field decisions.
 */
export function scopeRoute(options: {
  entities: readonly EntitySchema<any, any>[];
  keys: ReadonlyMap<string, string | null>;
  served: Catalogue;
  context: (headers: { get(name: string): string | undefined }) => Promise<RequestContext<unknown>>;
}): HttpRoute {
  const keys = ownedKeyFields(options.entities, options.keys, options.served);
  const owned = new Map(options.entities.filter((e) => keys.has(e.meta.className)).map((entity) => [entity.meta.className, { entity, key: keys.get(entity.meta.className)! }]));
  return {
    prefix: SCOPE_PATH,
    async handle(req, res, request) {
      if (req.method !== 'POST') return graphQLError(res, 405, ErrorCode.BadUserInput, 'POST a JSON body { type, keys, fields } to /scope.');
      let ctx: RequestContext<unknown>;
      try {
        ctx = await options.context(headerGetter(req));
      } catch (error) {
        if (error instanceof GraphQLError) return graphQLError(res, 401, String(error.extensions.code ?? ErrorCode.Unauthenticated), error.message);
        throw error;
      }
      let body: { type?: unknown; keys?: unknown; fields?: unknown };
      try {
        body = JSON.parse(await request.body()) as typeof body;
      } catch {
        return graphQLError(res, 400, ErrorCode.BadUserInput, 'The body of /scope must be JSON: { type, keys, fields }.');
      }
      const target = typeof body.type === 'string' ? owned.get(body.type) : undefined;
      if (!target) return graphQLError(res, 400, ErrorCode.BadUserInput, `This service owns no entity type ${JSON.stringify(body.type)}.`);
      const keys = body.keys;
      if (!Array.isArray(keys) || keys.length > MAX_SCOPE_KEYS || !keys.every((k) => typeof k === 'string')) {
        return graphQLError(res, 400, ErrorCode.BadUserInput, `"keys" must be a list of at most ${MAX_SCOPE_KEYS} strings.`);
      }
      const type = body.type as string;
      const stored = target.entity.meta.properties as Record<string, unknown>;
      const fields = Array.isArray(body.fields) ? body.fields.filter((f): f is string => typeof f === 'string') : [];
      const ability = ctx.auth?.ability;
      if (!ability) return graphQLError(res, 403, ErrorCode.Forbidden, 'Authorization is off in this build.');
      const scope = ctx.data.visible(target.entity);
      const wanted = [...new Set(keys as string[])];
      // Plain rows through the read path (reader.ts); only the asked fields the caller may read in full leave.
      const where = scope === null ? null : restrict({ [target.key]: { $in: wanted } }, scope);
      const found = (where === null || wanted.length === 0 ? [] : await readRows(ctx.data, target.entity, where)) as Record<string, unknown>[];
      const byKey = new Map<string, Record<string, unknown>>(found.map((row) => [String(row[target.key]), row]));
      const rows = (keys as string[]).map((k) => {
        const row = byKey.get(k);
        return row ? ownerAnswer(ability, type, row, fields, stored, options.served) : null;
      });
      sendJson(res, 200, { rows });
    },
  };
}
