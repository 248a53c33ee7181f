/**
 * The transactional outbox: every change made through the platform records a domain event, in the department's
 * vocabulary (PersonDied, PropertyTransferred), in the same transaction as the change and in the domain's own
 * database. No event without its change, no change without its event.
 *
 * Events are numbered per domain without gaps and in commit order: the number is taken from the domain's head row,
 * whose update holds SQLite's write lock or PostgreSQL's row lock until the transaction ends, so a reader that has
 * seen event n never later finds an event below n committed (what a feed's position relies on). Writers take the
 * audit chain's lock first and the outbox head's second, everywhere, so two writers never wait on each other in a
 * circle.
 *
 * An event keeps the changed fields with their new values, the record's key and version, when and by whom. It is
 * never served as stored: the feed (changes.ts) judges every field for its reader at delivery time.
 */
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { EntityManager } from './orm';

export const OutboxHead = defineEntity({
  name: 'OutboxHead',
  tableName: 'outbox_head',
  properties: {
    /** The domain (one stream per domain). */
    stream: p.string().primary().length(32),
    lastSeq: p.integer(),
  },
});

export const OutboxEvent = defineEntity({
  name: 'OutboxEvent',
  tableName: 'outbox_event',
  properties: {
    /** Position in the domain's stream: 1, 2, 3… in commit order. */
    seq: p.integer().primary().autoincrement(false),
    /** Unique message ID: the streaming engine de-duplicates on it. */
    id: p.string().length(36).unique(),
    /** The event type in the department's vocabulary: PersonBorn, PropertyTransferred. */
    type: p.string().length(64).index(),
    /** The GraphQL type of the changed record. */
    entityType: p.string().length(64),
    /** Its primary key (several joined with ","). */
    recordId: p.string().length(128).index(),
    /** The record's version after the change, where it has one. */
    version: p.integer().nullable(),
    /** The changed fields (GraphQL field names) with their new values, as JSON. */
    fields: p.text(),
    occurredAt: p.datetime(),
    /** Who wrote it: the caller's subject, department. */
    writer: p.string().length(128),
    writerDept: p.string().length(64).nullable(),
    /** When the relay handed it to the streaming engine (NATS JetStream); null until then, and without one. */
    publishedAt: p.datetime().nullable().index(),
  },
});

export type OutboxRow = InferEntity<typeof OutboxEvent>;
export const OUTBOX_ENTITIES = [OutboxHead, OutboxEvent];

/** One change to record. */
export interface DomainEvent {
  type: string;
  entityType: string;
  recordId: string;
  version: number | null;
  fields: Readonly<Record<string, unknown>>;
}

export interface EventWriter {
  sub: string;
  dept: string | null;
}

/** `Person:P…`: how events name their record. */
export function recordKeyOf(row: Pick<OutboxRow, 'entityType' | 'recordId'>): string {
  return `${row.entityType}:${row.recordId}`;
}

function columns(em: EntityManager, entity: string): Record<string, string> {
  const meta = em.getMetadata().get(entity);
  return Object.fromEntries(Object.values(meta.properties).map((prop) => [prop.name, prop.fieldNames[0]!]));
}

function table(em: EntityManager, entity: string) {
  const schema = em.config.get('schema');
  let builder = em.getKnex()(em.getMetadata().get(entity).tableName);
  if (schema) builder = builder.withSchema(schema);
  const trx = em.getTransactionContext();
  return trx ? builder.transacting(trx) : builder;
}

/** Creates the stream's head row if it is missing (outside any transaction: a lost race is harmless). */
export async function ensureOutbox(em: EntityManager, stream: string): Promise<void> {
  if (await em.count(OutboxHead, { stream })) return;
  try {
    const [last] = await em.find(OutboxEvent, {}, { orderBy: { seq: 'desc' }, limit: 1, disableIdentityMap: true });
    await em.insert(OutboxHead, { stream, lastSeq: last?.seq ?? 0 });
  } catch (error) {
    if (!(await em.count(OutboxHead, { stream }))) throw error;
  }
}

/**
 * Records `events` in the transaction of `em` (call it inside the change's transaction, after the audit record).
 * Plain SQL through the transaction's knex, as the audit chain does: this runs on every write.
 */
export async function recordEvents(em: EntityManager, stream: string, writer: EventWriter, events: readonly DomainEvent[], now = new Date()): Promise<OutboxRow[]> {
  if (events.length === 0) return [];
  if (!em.getTransactionContext()) throw new Error('Domain events are recorded inside the transaction of their change.');
  const platform = em.getPlatform();
  const headCols = columns(em, 'OutboxHead');
  const eventCols = columns(em, 'OutboxEvent');
  const lock = () =>
    table(em, 'OutboxHead')
      .where(headCols.stream!, stream)
      .update({ [headCols.lastSeq!]: em.getKnex().raw('?? + ?', [headCols.lastSeq!, events.length]) }, [headCols.lastSeq!]) as unknown as Promise<Record<string, unknown>[]>;
  let [head] = await lock();
  if (!head) {
    // A database that predates the outbox, or a stream never written: start it inside this transaction.
    await table(em, 'OutboxHead').insert({ [headCols.stream!]: stream, [headCols.lastSeq!]: 0 });
    [head] = await lock();
  }
  const last = Number(head![headCols.lastSeq!]);
  let seq = last - events.length;
  const rows: OutboxRow[] = events.map((event) => ({
    seq: (seq += 1),
    id: randomUUID(),
    type: event.type,
    entityType: event.entityType,
    recordId: event.recordId.slice(0, 128),
    version: event.version,
    fields: JSON.stringify(event.fields),
    occurredAt: now,
    writer: writer.sub.slice(0, 128),
    writerDept: writer.dept,
    publishedAt: null,
  }));
  await table(em, 'OutboxEvent').insert(
    rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [eventCols[k]!, v instanceof Date ? platform.processDateProperty(v) : v]))),
  );
  return rows;
}

/** Events after position `after`, in order, at most `limit`, of the given types (all when none are given). */
export async function readOutbox(em: EntityManager, after: number, limit: number, types?: readonly string[] | null): Promise<OutboxRow[]> {
  const where: Record<string, unknown> = { seq: { $gt: after } };
  if (types && types.length > 0) where.type = { $in: [...types] };
  return (await em.find(OutboxEvent, where, { orderBy: { seq: 'asc' }, limit, disableIdentityMap: true })) as OutboxRow[];
}

/**
 * Deletes the events that occurred before `before`: an event keeps the values it carried, personal data among them,
 * so it is kept no longer than the feed needs it (CHANGE_RETENTION_DAYS). With a relay, an event not yet handed to
 * the streaming engine is kept whatever its age: nothing is lost while the engine is down. The head keeps the
 * numbering, so positions never repeat. Returns how many went.
 */
export async function pruneOutbox(em: EntityManager, before: Date, relayed: boolean): Promise<number> {
  return em.nativeDelete(OutboxEvent, relayed ? { occurredAt: { $lt: before }, publishedAt: { $ne: null } } : { occurredAt: { $lt: before } });
}

/** The last position of the stream (0 when empty). */
export async function outboxHead(em: EntityManager, stream: string): Promise<number> {
  const head = await em.findOne(OutboxHead, { stream }, { disableIdentityMap: true });
  return head?.lastSeq ?? 0;
}

/**
 * The event of a record as a mutation answered it: each written field with its value in the answer (a reference
 * written as `household` is the answer's `householdId`).
 */
export function eventOfRecord(
  type: string,
  entityType: string,
  row: Readonly<Record<string, unknown>>,
  keys: readonly string[],
  fields: readonly string[],
  extra: Readonly<Record<string, unknown>> = {},
): DomainEvent {
  const changed: Record<string, unknown> = {};
  for (const field of fields) {
    if (field in row) changed[field] = row[field] ?? null;
    else if (`${field}Id` in row) changed[field] = row[`${field}Id`] ?? null;
  }
  for (const [field, value] of Object.entries(extra)) if (fields.includes(field)) changed[field] = value;
  const version = typeof row.version === 'number' ? row.version : null;
  return { type, entityType, recordId: keys.map((k) => String(row[k])).join(','), version, fields: changed };
}

// Listeners per database, keyed by the ORM configuration every fork of its EntityManager shares (as the statistics
// rollups are): the relay (jetstream.ts) wakes on a commit without writes.ts importing it.
const committedListeners = new WeakMap<object, Set<() => void>>();

/** Calls `listener` after each commit that recorded events in this database; returns the unsubscribe. */
export function onOutboxCommitted(em: EntityManager, listener: () => void): () => void {
  let set = committedListeners.get(em.config);
  if (!set) committedListeners.set(em.config, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** A transaction that recorded events committed (writes.ts, after runMutation's transaction). */
export function outboxCommitted(em: EntityManager): void {
  for (const listener of committedListeners.get(em.config) ?? []) listener();
}

/** The oldest events not yet handed to the streaming engine, in order. */
export async function unpublishedEvents(em: EntityManager, limit: number): Promise<OutboxRow[]> {
  return (await em.find(OutboxEvent, { publishedAt: null }, { orderBy: { seq: 'asc' }, limit, disableIdentityMap: true })) as OutboxRow[];
}

/** Marks events as handed over (those another relay marked already keep their time). */
export async function markPublished(em: EntityManager, seqs: readonly number[], at = new Date()): Promise<number> {
  if (seqs.length === 0) return 0;
  return em.nativeUpdate(OutboxEvent, { seq: { $in: [...seqs] }, publishedAt: null }, { publishedAt: at });
}

/** Marks every event up to `seq` as handed over: the stream already holds them (a relay stopped between ack and mark). */
export async function markPublishedUpTo(em: EntityManager, seq: number, at = new Date()): Promise<number> {
  return em.nativeUpdate(OutboxEvent, { seq: { $lte: seq }, publishedAt: null }, { publishedAt: at });
}
