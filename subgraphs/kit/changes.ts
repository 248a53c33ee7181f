/**
 * The change feed of a domain, judged for its reader exactly as a query is: each event of a record outside the
 * reader's row scope is left out; each changed field is delivered in full, masked or not at all by the same
 * field decision a query of the record takes now (at delivery time, on the record as stored now); an event with
 * nothing readable is not delivered; every delivery leaves an audit record like a read. Nothing of an event is
 * ever served as stored.
 *
 * Served on `POST /changes` to the governance service (which merges the domains into the graph's `changes`), for
 * the caller of the request (its own Authorization and X-Purpose), as `/scope` is.
 */
import type { EntitySchema } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { fieldDecision, maskValue, type Catalogue } from '../../auth';
import type { AuditedType } from './audit/collector';
import { ErrorCode } from './errors';
import { graphQLError, headerGetter, sendJson, type HttpRoute } from './http';
import type { Database } from './orm';
import { readOutbox, recordKeyOf, type OutboxRow } from './outbox';
import { readRows, restrict } from './scope';
import type { RequestContext } from './subgraph';

export const CHANGES_PATH = '/changes';
/** Events one call may deliver. */
export const MAX_CHANGES = 500;
/** Events one call reads past to find readable ones: bounds a call's work when little is readable. */
export const MAX_SCANNED = 5000;

export interface ChangedField {
  name: string;
  value: unknown;
  masked: boolean;
}

export interface DeliveredChange {
  /** The domain's stream, and the event's position in it. */
  stream: string;
  position: number;
  id: string;
  type: string;
  recordKey: string;
  occurredAt: string;
  version: number | null;
  /** The writer's department (who wrote is not delivered: the audit trail keeps it). */
  writerDept: string | null;
  fields: ChangedField[];
}

export interface ChangePage {
  changes: DeliveredChange[];
  /** The position read up to: the next call starts after it (events skipped as unreadable included). */
  scannedTo: number;
  /** Whether the stream holds events beyond `scannedTo`. */
  more: boolean;
}

/** Where a domain's events are read from: its outbox, or (with NATS_URL) its JetStream stream. */
export interface ChangeSource {
  readonly stream: string;
  /** Events after `after`, in order, at most `limit`, of `types` (all when empty). */
  read(after: number, limit: number, types: readonly string[]): Promise<OutboxRow[]>;
}

/** The embedded default: the outbox itself serves the feed. */
export function outboxSource(db: Database, stream: string): ChangeSource {
  return { stream, read: (after, limit, types) => readOutbox(db.orm.em.fork(), after, limit, types) };
}

/** The entity types whose events a domain judges: those it owns. */
export type OwnedEntities = ReadonlyMap<string, { entity: EntitySchema<any, any>; key: string }>;

/** `primaryKeys` reads the ORM's discovered metadata: an entity's own schema object may not carry them. */
export function ownedEntities(entities: readonly EntitySchema<any, any>[], served: Catalogue, primaryKeys: (type: string) => readonly string[]): OwnedEntities {
  const owned = new Map<string, { entity: EntitySchema<any, any>; key: string }>();
  for (const entity of entities) {
    const type = entity.meta.className;
    const keys = primaryKeys(type);
    if (served[type] && !served[type]!.extension && keys.length === 1) owned.set(type, { entity, key: keys[0]! });
  }
  return owned;
}

/** The catalogued field an event's stored field is (`householdId` is `household`), or null: not catalogued, denied. */
function catalogued(served: Catalogue, type: string, name: string): string | null {
  const fields = served[type]?.fields;
  if (!fields) return null;
  if (fields[name]) return name;
  if (name.endsWith('Id') && fields[name.slice(0, -2)]) return name.slice(0, -2);
  return null;
}

/** A judged event, with the record it was judged on (for the audit record). */
interface Judged {
  change: DeliveredChange;
  row: Record<string, unknown>;
}

/**
 * Judges `rows` (one stream's events, in order) for the caller of `ctx`: what each event delivers, leaving out
 * what the caller may not read. Reads each record's current row once, through the caller's row scope.
 */
async function judge(ctx: RequestContext<unknown>, owned: OwnedEntities, served: Catalogue, stream: string, rows: readonly OutboxRow[]): Promise<Judged[]> {
  const ability = ctx.auth?.ability;
  if (!ability) return []; // deny by default: no caller, nothing
  const current = new Map<string, Map<string, Record<string, unknown>>>();
  for (const type of new Set(rows.map((r) => r.entityType))) {
    const target = owned.get(type);
    if (!target) continue;
    const ids = [...new Set(rows.filter((r) => r.entityType === type).map((r) => r.recordId))];
    const scope = ctx.data.visible(target.entity);
    const where = scope === null ? null : restrict({ [target.key]: { $in: ids } }, scope);
    const found = (where === null ? [] : await readRows(ctx.data, target.entity, where)) as Record<string, unknown>[];
    current.set(type, new Map(found.map((row) => [String(row[target.key]), row])));
  }
  const judged: Judged[] = [];
  for (const event of rows) {
    const row = current.get(event.entityType)?.get(event.recordId);
    if (!row) continue; // outside the caller's row scope (or gone): as a query would not find it
    const stored = JSON.parse(event.fields) as Record<string, unknown>;
    const fields: ChangedField[] = [];
    for (const [storedName, value] of Object.entries(stored)) {
      const name = catalogued(served, event.entityType, storedName);
      if (name === null) continue;
      const decision = fieldDecision(ability, event.entityType, name, row);
      if (decision === 'DENIED') continue;
      const entry = served[event.entityType]!.fields[name]!;
      fields.push(decision === 'FULL' ? { name, value, masked: false } : { name, value: maskValue(entry.mask, value), masked: true });
    }
    if (fields.length === 0) continue;
    judged.push({
      row,
      change: { stream, position: event.seq, id: event.id, type: event.type, recordKey: recordKeyOf(event), occurredAt: new Date(event.occurredAt).toISOString(), version: event.version ?? null, writerDept: event.writerDept ?? null, fields },
    });
  }
  return judged;
}

/** Events judged for the caller of `ctx`, without paging or audit (tests compare them with queries). */
export async function judgeChanges(ctx: RequestContext<unknown>, owned: OwnedEntities, served: Catalogue, stream: string, rows: readonly OutboxRow[]): Promise<DeliveredChange[]> {
  return (await judge(ctx, owned, served, stream, rows)).map((j) => j.change);
}

function auditedType(served: Catalogue, type: string, keyField: string): AuditedType {
  const t = served[type];
  const regionFields = t?.regionField ? [t.regionField] : ['regionCode', 'hukouRegionCode', 'addressRegionCode'].filter((f) => f in (t?.fields ?? {}));
  return { name: type, keyField, regionFields };
}

/**
 * One page of a stream for the caller of `ctx`: reads on past unreadable events until `first` are found, the
 * stream ends, or MAX_SCANNED were read. Writes the audit record of what it delivers before answering: no record,
 * no delivery.
 */
export async function readChanges(
  ctx: RequestContext<unknown>,
  source: ChangeSource,
  owned: OwnedEntities,
  served: Catalogue,
  request: { after: number; first: number; types: readonly string[] },
): Promise<ChangePage> {
  const first = Math.min(Math.max(request.first, 0), MAX_CHANGES);
  const page: Judged[] = [];
  let scannedTo = request.after;
  let scanned = 0;
  let more = first === 0;
  read: while (page.length < first) {
    const batch = Math.min(Math.max(first * 2, 50), MAX_SCANNED - scanned);
    if (batch <= 0) {
      more = true;
      break;
    }
    const rows = await source.read(scannedTo, batch, request.types);
    if (rows.length === 0) break;
    scanned += rows.length;
    for (const judged of await judge(ctx, owned, served, source.stream, rows)) {
      if (page.length === first) {
        // The page filled inside this batch: the next page starts after its last event.
        more = true;
        scannedTo = page[page.length - 1]!.change.position;
        break read;
      }
      page.push(judged);
    }
    scannedTo = rows[rows.length - 1]!.seq;
    if (rows.length < batch) break;
    if (page.length === first) more = true;
  }
  const audit = ctx.audit;
  if (audit && page.length > 0) {
    for (const { change, row } of page) {
      const type = change.recordKey.slice(0, change.recordKey.indexOf(':'));
      for (const field of change.fields) {
        const id = `${type}.${field.name}`;
        const counts = audit.fields.get(id) ?? [0, 0];
        counts[field.masked ? 1 : 0] += 1;
        audit.fields.set(id, counts);
      }
      audit.noteRecord(auditedType(served, type, owned.get(type)!.key), row);
    }
    audit.operationName = 'changes';
    const entry = audit.entry(undefined);
    if (entry) {
      try {
        await audit.writer.append(entry);
      } catch {
        throw new GraphQLError('The changes cannot be delivered: their audit record could not be written. Nothing was delivered.', { extensions: { code: ErrorCode.Unavailable } });
      }
    }
  }
  return { changes: page.map((j) => j.change), scannedTo, more };
}

const EVENT_TYPE = /^[A-Za-z]{1,64}$/;

/** Parses `{ after, first, types }`: a message naming what is wrong, or the request. */
export function changeRequestOf(body: unknown): string | { after: number; first: number; types: string[] } {
  const b = (body ?? {}) as { after?: unknown; first?: unknown; types?: unknown };
  const after = b.after ?? 0;
  const first = b.first ?? 50;
  const types = b.types ?? [];
  if (typeof after !== 'number' || !Number.isSafeInteger(after) || after < 0) return '"after" must be a position: a whole number from 0.';
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > MAX_CHANGES) return `"first" must be a whole number from 0 to ${MAX_CHANGES}.`;
  if (!Array.isArray(types) || types.length > 100 || !types.every((t) => typeof t === 'string' && EVENT_TYPE.test(t))) return '"types" must be a list of event type names, e.g. ["PersonDied"].';
  return { after, first, types: types as string[] };
}

/** `POST /changes` with `{ after, first, types }` answers a ChangePage for the caller of the request. */
export function changesRoute(options: {
  source: () => ChangeSource;
  owned: OwnedEntities;
  served: Catalogue;
  context: (headers: { get(name: string): string | undefined }) => Promise<RequestContext<unknown>>;
}): HttpRoute {
  return {
    prefix: CHANGES_PATH,
    async handle(req, res, request) {
      if (req.method !== 'POST') return graphQLError(res, 405, ErrorCode.BadUserInput, 'POST a JSON body { after, first, types } to /changes.');
      let ctx: RequestContext<unknown>;
      try {
        ctx = await options.context(headerGetter(req));
      } catch (error) {
        if (error instanceof GraphQLError) return graphQLError(res, 401, String(error.extensions.code ?? ErrorCode.Unauthenticated), error.message);
        throw error;
      }
      let body: unknown;
      try {
        body = JSON.parse(await request.body());
      } catch {
        return graphQLError(res, 400, ErrorCode.BadUserInput, 'The body of /changes must be JSON: { after, first, types }.');
      }
      const parsed = changeRequestOf(body);
      if (typeof parsed === 'string') return graphQLError(res, 400, ErrorCode.BadUserInput, parsed);
      try {
        sendJson(res, 200, await readChanges(ctx, options.source(), options.owned, options.served, parsed));
      } catch (error) {
        if (error instanceof GraphQLError) return graphQLError(res, 503, String(error.extensions.code ?? ErrorCode.Unavailable), error.message);
        throw error;
      }
    },
  };
}
