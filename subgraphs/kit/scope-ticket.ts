/**
 * Owner-scope tickets: the owner's answer to `/scope` (owner-scope.ts), handed over inside the request instead of
 * asked for by every serving subgraph. When the owner (population) answers rows of its own entity to a caller whose
 * rules on that entity depend on the record, it adds to its GraphQL answer, in `extensions.scopeTickets`, one
 * ticket per row: the rule inputs `/scope` would return (the condition fields the caller may read in full), with a
 * MAC over the type, the key, the caller (principalKey: the same principal builds the same ability), the policy
 * snapshot (policies and grants) with the ability's end of validity (a grant running out), an expiry and the row.
 * The gateway keeps the tickets of one request, passes each serving subgraph those of the entities it sends it, and
 * never shows them to the client (gateway/scope-tickets.ts).
 *
 * A serving subgraph uses a ticket only if its MAC verifies for its own view of the request (the caller it verified,
 * the policy snapshot it holds, the clock), else it asks `/scope` as before: a ticket can save a round trip, never
 * decide differently from one. A ticket only ever holds values its caller may read in full, of a record the owner
 * let the caller see, so a caller who reads their own tickets off the owner learns nothing new.
 *
 * The key: SCOPE_TICKET_KEY (shared by every subgraph); outside production without it, one derived from the
 * development signing key every service of the embedded platform already shares (whoever reads that key can mint
 * tokens anyway). Without either, tickets are off and every serving subgraph asks `/scope`.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import type { EntitySchema } from '@mikro-orm/core';
import { conditionFields, fieldDecision, principalKey, type Catalogue, type RequestAbility } from '../../auth';
import { ownerRows } from './metrics';
import type { RequestContext } from './subgraph';

/** What the owner tells of one record: its rule inputs the caller may read in full (null elsewhere: hidden or missing). */
export type OwnerRow = Readonly<Record<string, unknown>>;

/** Per entity type: its key field and a ticket per key value. The same shape from the owner and to the servers. */
export type ScopeTickets = Record<string, { field: string; tickets: Record<string, string> }>;

/** Long enough for one request's plan, short enough that a ticket read off the owner cannot be kept. */
export const TICKET_LIFETIME_MS = 10_000;
/** Rows ticketed per answer at most (a page is 100): beyond it, serving subgraphs ask /scope. */
export const MAX_TICKETS = 2000;
const MAC_BYTES = 32;

export interface ScopeTicketer {
  key: Buffer;
}

/** The ticket key from SCOPE_TICKET_KEY, else (outside production) derived from the development private key. */
export function scopeTicketer(options: { secret?: string; devPrivateKeyFile?: string | null; production: boolean }): ScopeTicketer | null {
  if (options.secret) return { key: Buffer.from(hkdfSync('sha256', options.secret, '', 'hainan-data-graph scope tickets v1', 32)) };
  if (options.production || !options.devPrivateKeyFile) return null;
  const pem = readFileSync(options.devPrivateKeyFile);
  return { key: Buffer.from(hkdfSync('sha256', pem, '', 'hainan-data-graph scope tickets v1 (development)', 32)) };
}

function mac(ticketer: ScopeTicketer, parts: readonly string[]): Buffer {
  const h = createHmac('sha256', ticketer.key);
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest();
}

/** What a ticket is bound to, as each side sees its own request. */
export interface Binding {
  caller: string;
  policyVersion: string;
}

export function bindingOf(ctx: RequestContext<unknown>): Binding | null {
  const auth = ctx.auth;
  // The ability's end of validity too: a grant that ran out between minting and use makes another ability.
  return auth ? { caller: principalKey(auth.principal), policyVersion: `${auth.policies.version}|${auth.ability.validUntil?.getTime() ?? ''}` } : null;
}

export function mintTicket(ticketer: ScopeTicketer, binding: Binding, type: string, key: string, row: OwnerRow, expiresAt: number): string {
  const body = Buffer.from(JSON.stringify(row)).toString('base64url');
  const exp = String(expiresAt);
  return `${body}.${exp}.${mac(ticketer, [type, key, binding.caller, binding.policyVersion, exp, body]).toString('base64url')}`;
}

/** The row a ticket carries, or undefined when it is not one this caller's request may use (forged, stale, another's). */
export function readTicket(ticketer: ScopeTicketer, binding: Binding, type: string, key: string, ticket: unknown, now: number): OwnerRow | undefined {
  if (typeof ticket !== 'string' || ticket.length > 8192) return undefined;
  const [body, exp, given, extra] = ticket.split('.');
  if (body === undefined || exp === undefined || given === undefined || extra !== undefined) return undefined;
  const expiresAt = Number(exp);
  if (!/^\d{1,15}$/.test(exp) || expiresAt <= now || expiresAt > now + TICKET_LIFETIME_MS * 2) return undefined;
  const expected = mac(ticketer, [type, key, binding.caller, binding.policyVersion, exp, body]);
  const presented = Buffer.from(given, 'base64url');
  if (presented.length !== MAC_BYTES || !timingSafeEqual(presented, expected)) return undefined;
  try {
    const row = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    return row !== null && typeof row === 'object' && !Array.isArray(row) ? (row as OwnerRow) : undefined;
  } catch {
    return undefined;
  }
}

/** Per request: tickets received (serving side) and rows seen (owner side). */
interface RequestTickets {
  received?: ScopeTickets;
  verified?: Map<string, OwnerRow | null>;
  /** type → key → the row as read under the caller's row scope. */
  seen?: Map<string, { field: string; rows: Map<string, Record<string, unknown>> }>;
  seenCount: number;
}

/** Keyed by the request's DataAccess: Apollo Server hands resolvers and plugins a shallow copy of the context. */
const byRequest = new WeakMap<object, RequestTickets>();

function stateOf(ctx: RequestContext<unknown>): RequestTickets {
  let state = byRequest.get(ctx.data);
  if (!state) {
    state = { seenCount: 0 };
    byRequest.set(ctx.data, state);
  }
  return state;
}

function isScopeTickets(value: unknown): value is ScopeTickets {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every((v) => v !== null && typeof v === 'object' && typeof (v as { field?: unknown }).field === 'string' && (v as { tickets?: unknown }).tickets !== null && typeof (v as { tickets?: unknown }).tickets === 'object');
}

/** The owner's row of `key` from a ticket this request carries, or undefined (then ask `/scope`). */
export function ticketedRow(ctx: RequestContext<unknown>, type: string, key: string): OwnerRow | undefined {
  const ticketer = ctx.scopeTicketer;
  if (!ticketer) return undefined;
  const state = byRequest.get(ctx.data);
  const ticket = state?.received?.[type]?.tickets[key];
  if (ticket === undefined) return undefined;
  // Each field of a record asks again: verify a ticket once per request.
  const memo = `${type}\u0000${key}`;
  const known = (state!.verified ??= new Map()).get(memo);
  if (known !== undefined) return known ?? undefined;
  const binding = bindingOf(ctx);
  const row = binding ? readTicket(ticketer, binding, type, key, ticket, Date.now()) : undefined;
  state!.verified.set(memo, row ?? null);
  ownerRows.labels(ctx.domain, type, row === undefined ? 'refused' : 'ticket').inc();
  return row;
}

/**
 * The owner's side: which rows of its own entities the request read under the caller's row scope (scope.ts calls
 * this for every scoped read). Kept only for entity types whose rules, for this caller, depend on the record.
 */
export function noteVisibleRows(ctx: RequestContext<unknown>, entity: EntitySchema<any, any>, rows: readonly object[], owned: ReadonlyMap<string, string>): void {
  const type = entity.meta.className;
  const field = owned.get(type);
  const ability = ctx.auth?.ability;
  if (!field || !ability || rows.length === 0 || conditionFields(ability, type).length === 0) return;
  const state = stateOf(ctx);
  const seen = (state.seen ??= new Map());
  let entry = seen.get(type);
  if (!entry) seen.set(type, (entry = { field, rows: new Map() }));
  for (const row of rows) {
    if (state.seenCount >= MAX_TICKETS) return;
    const key = (row as Record<string, unknown>)[field];
    if ((typeof key !== 'string' && typeof key !== 'number') || entry.rows.has(String(key))) continue;
    entry.rows.set(String(key), row as Record<string, unknown>);
    state.seenCount++;
  }
}

/** The `/scope` answer for one visible row: the caller's condition fields it may read in full (owner-scope.ts uses it too). */
export function ownerAnswer(ability: RequestAbility, type: string, row: Record<string, unknown>, fields: readonly string[], stored: object, served: Catalogue): OwnerRow {
  const out: Record<string, unknown> = {};
  // Only what the caller may read in full: a masked value must never stand in for the real one in a condition.
  for (const f of fields) if (f in stored && f in (served[type]?.fields ?? {}) && fieldDecision(ability, type, f, row) === 'FULL') out[f] = row[f];
  return out;
}

/**
 * Reads the tickets a request brings (`extensions.scopeTickets`) and adds those of the rows it answered. `owned`:
 * this subgraph's own entity types with their key field; `entities`: their schemas (what a row stores).
 */
export function scopeTicketPlugin(ticketer: ScopeTicketer, options: { served: Catalogue; entities: readonly EntitySchema<any, any>[] }): ApolloServerPlugin<RequestContext<unknown>> {
  const stored = new Map(options.entities.map((e) => [e.meta.className, e.meta.properties as object]));
  return {
    async requestDidStart({ request, contextValue }) {
      const received = (request.extensions as { scopeTickets?: unknown } | undefined)?.scopeTickets;
      if (isScopeTickets(received)) stateOf(contextValue).received = received;
      return {
        async willSendResponse({ response, contextValue: ctx }) {
          const seen = byRequest.get(ctx.data)?.seen;
          const binding = bindingOf(ctx);
          if (!seen || !binding || response.body.kind !== 'single') return;
          const expiresAt = Date.now() + TICKET_LIFETIME_MS;
          const out: ScopeTickets = {};
          for (const [type, { field, rows }] of seen) {
            const fields = conditionFields(ctx.auth!.ability, type);
            const tickets: Record<string, string> = {};
            for (const [key, row] of rows) tickets[key] = mintTicket(ticketer, binding, type, key, ownerAnswer(ctx.auth!.ability, type, row, fields, stored.get(type) ?? {}, options.served), expiresAt);
            out[type] = { field, tickets };
          }
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, scopeTickets: out };
        },
      };
    },
  };
}
