/**
 * The departments' write path, one mechanism for every domain: a mutation is authorized field by field
 * (CASL create/update: only the owning department writes its fields), runs in one transaction, is idempotent
 * under a caller-chosen key (repeating it returns the first result and writes nothing), and updates are
 * guarded by optimistic locking (a stale version is refused with CONFLICT and the current version).
 */
import { createHash } from 'node:crypto';
import { defineEntity, p, UniqueConstraintViolationException, type EntitySchema, type FilterQuery } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { allows, forbiddenError, type Action } from '../../auth';
import { auditUnavailable, badInput, ErrorCode } from './errors';
import { statisticsWritten } from './statistics/rollups';
import type { EntityManager } from './orm';
import { PLATFORM_EVENTS } from '../platform-catalogue';
import { eventOfRecord, outboxCommitted, recordEvents } from './outbox';
import { restrict } from './scope';
import type { RequestContext } from './subgraph';

/**
 * Idempotent mutations, per caller, operation and key: the hash of the request and the identity of the record it
 * answered with (its type and primary key), never its fields: a replay reads the record again, under the caller's
 * rights of the moment. Written in the mutation's transaction; pruned after the window (IDEMPOTENCY_WINDOW_HOURS).
 */
export const IdempotencyRecord = defineEntity({
  name: 'IdempotencyRecord',
  tableName: 'idempotency_record',
  properties: {
    /** sha256 of caller, operation and key. */
    id: p.string().primary().length(64),
    operation: p.string().length(64),
    requestHash: p.string().length(64),
    /** Kept empty: releases before issue 14 stored the whole answer here; pruneIdempotency clears such rows. */
    result: p.text(),
    /** The GraphQL type (entity) of the record the mutation answered with. */
    resultType: p.string().length(64).nullable(),
    /** Its primary key, as JSON. */
    resultKey: p.string().length(256).nullable(),
    createdAt: p.datetime().index(),
  },
});

/** @default 24 hours: how long a key is remembered; a retry after that is a new request. */
export const DEFAULT_IDEMPOTENCY_WINDOW_MS = 24 * 3600 * 1000;

/**
 * Deletes the keys older than the window, and every row an older release wrote with the whole answer in it
 * (personal data outside the audited path). Returns how many rows went.
 */
export async function pruneIdempotency(em: EntityManager, windowMs: number, now = Date.now()): Promise<number> {
  return em.nativeDelete(IdempotencyRecord, { $or: [{ createdAt: { $lt: new Date(now - windowMs) } }, { resultType: null }, { result: { $ne: '' } }] });
}

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;
/** Writes of these types change who may see what: audited as kind `policy` rather than `write`. */
export const POLICY_TYPES: ReadonlySet<string> = new Set(['RolePolicy', 'Grant', 'GrantRequest', 'SharingGrant']);

export interface MutationSpec {
  /** The mutation's name, e.g. "registerBirth": part of the idempotency scope. */
  operation: string;
  /** The GraphQL type (entity) of the record the mutation answers with: what a replay reads again. */
  returns: string;
  /**
   * The domain event it records, in the department's vocabulary (PersonDied): the written fields of `returns`
   * with their new values, in the mutation's transaction (outbox.ts).
   */
  event: string;
  /** Fields of the event the answered record does not hold (a transfer's new owners), from the answer and the input. */
  eventFields?: (result: any, input: any) => Record<string, unknown>;
  /** What it writes: for each GraphQL type, the action and the fields written. */
  writes: readonly { type: string; action: Extract<Action, 'create' | 'update'>; fields: readonly string[] }[];
}

/**
 * Inside a write's transaction: waits until no other transaction holds `key`, and holds it until this one ends, so
 * that writes which pick the next free value of something (a birth's sequence number) pick one after the other.
 * PostgreSQL: a transaction-scoped advisory lock; SQLite runs one write transaction at a time already.
 */
export async function serializeOn(em: EntityManager, key: string): Promise<void> {
  if (em.getPlatform().constructor.name !== 'PostgreSqlPlatform') return;
  await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [key], 'all', em.getTransactionContext());
}

/** How often a write that lost a race for a unique value runs again before it answers CONFLICT. */
const UNIQUE_RACE_ATTEMPTS = 5;

export function conflict(message: string, currentVersion: number | null): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Conflict, currentVersion } });
}

export function notFound(type: string, key: string): GraphQLError {
  return new GraphQLError(`There is no ${type} "${key}" (or you may not see it).`, { extensions: { code: ErrorCode.NotFound, type } });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Refuses, before anything is read or written, any field the caller may not write. */
export function authorizeWrite(ctx: RequestContext<unknown>, spec: MutationSpec): void {
  const auth = ctx.auth;
  if (!auth) return; // enforcement switched off by a benchmark
  for (const write of spec.writes) {
    for (const field of write.fields) {
      if (!allows(auth.ability, write.action, write.type, field)) {
        const entry = auth.ability.catalogue[write.type]?.fields[field];
        const refusal = forbiddenError(write.type, field, entry, { authenticated: auth.principal.kind === 'government' });
        throw new GraphQLError(
          `You may not ${write.action} ${write.type}.${field}: only officers of ${entry?.owner ?? 'the owning department'} record it. (${refusal.message})`,
          { extensions: { ...refusal.extensions, code: ErrorCode.Forbidden, action: write.action } },
        );
      }
    }
  }
}

/**
 * Runs `write` for a mutation: authorized, in one transaction, idempotent under `idempotencyKey`. The key keeps the
 * identity of the record answered, so a retry with the same request answers that record as it is now, as the caller
 * may see it now; a retry with another request under the same key is a CONFLICT.
 */
export async function runMutation<R>(
  ctx: RequestContext<unknown>,
  spec: MutationSpec,
  input: unknown,
  idempotencyKey: string | null | undefined,
  write: (em: EntityManager) => Promise<R>,
): Promise<R> {
  authorizeWrite(ctx, spec);
  if (idempotencyKey != null && !KEY.test(idempotencyKey)) {
    throw badInput('idempotencyKey', 'use 8 to 128 letters, digits, dots, underscores, colons or hyphens, e.g. a UUID.');
  }
  const caller = ctx.auth?.principal.sub ?? 'anonymous';
  const id = idempotencyKey == null ? null : sha256(JSON.stringify([caller, spec.operation, idempotencyKey]));
  const requestHash = sha256(JSON.stringify(input ?? null));
  const windowMs = ctx.idempotencyWindowMs ?? DEFAULT_IDEMPOTENCY_WINDOW_MS;
  const attempt = () =>
    ctx.em.fork().transactional(async (em) => {
      // Reads made while writing (checks, lookups through ctx.data) must see, and queue behind, this transaction:
      // on SQLite's single connection a read outside it would wait for it forever. Mutations run one at a time.
      const outside = { em: ctx.em, dataEm: ctx.data.em };
      ctx.em = em;
      ctx.data.em = em;
      try {
        return await writeOnce(em);
      } finally {
        ctx.em = outside.em;
        ctx.data.em = outside.dataEm;
      }
    });
  // Two writes that raced for the same unique value (a birth's next sequence number, the same idempotency key sent
  // twice at once) on PostgreSQL: the loser rolled back whole, and runs again, seeing the winner's commit (a new
  // number; the key's answer replayed). Found by bench:chaos, where it answered INTERNAL_SERVER_ERROR.
  let written: R | undefined;
  for (let round = 1; written === undefined; round += 1) {
    try {
      written = await attempt();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      if (round >= UNIQUE_RACE_ATTEMPTS) {
        throw conflict(`${spec.operation} lost ${UNIQUE_RACE_ATTEMPTS} races for a unique value with concurrent writes; nothing was written. Send it again with the same idempotency key.`, null);
      }
    }
  }
  // Committed: the domain's statistics rollups are rebuilt shortly (statistics/rollups.ts), and the relay (if any)
  // hands the event to JetStream now rather than at its next poll.
  statisticsWritten(ctx.em);
  outboxCommitted(ctx.em);
  return written;

  async function writeOnce(em: EntityManager): Promise<R> {
    const meta = em.getMetadata().find(spec.returns);
    if (!meta) throw new Error(`Mutation ${spec.operation} names ${spec.returns} as what it returns, which is not an entity of this subgraph.`);
    if (id) {
      const previous = await em.findOne(IdempotencyRecord, { id }, { disableIdentityMap: true });
      if (previous && previous.createdAt.getTime() > Date.now() - windowMs && previous.resultType === spec.returns && previous.resultKey) {
        if (previous.requestHash !== requestHash) {
          throw conflict(`The idempotency key "${idempotencyKey}" was already used for a different ${spec.operation} request; use a new key for a new request.`, null);
        }
        return replay(em, meta.className, meta.primaryKeys, previous.resultKey);
      }
      // Past the window (not yet pruned), or written by an older release: the key starts afresh.
      if (previous) await em.nativeDelete(IdempotencyRecord, { id });
    }
    // A JSON round trip, so the first answer is the same plain data as what the resolvers read.
    const result = JSON.parse(JSON.stringify(await write(em))) as R;
    if (id) {
      const row = result as Record<string, unknown>;
      const key = meta.primaryKeys.map((k) => row[k]);
      if (key.some((k) => k === undefined || k === null)) throw new Error(`Mutation ${spec.operation} answered without the primary key of ${spec.returns}.`);
      // A concurrent retry with the same key loses on the primary key, and its transaction rolls back.
      await em.insert(IdempotencyRecord, { id, operation: spec.operation, requestHash, result: '', resultType: spec.returns, resultKey: JSON.stringify(key), createdAt: new Date() });
    }
    await auditWrite(em, result);
    // After the audit record: the audit chain's lock first, the outbox head's second, as everywhere.
    // The event carries the fields its catalogue entry declares, of those this write wrote.
    const declared = PLATFORM_EVENTS[spec.event];
    if (!declared || declared.type !== spec.returns) throw new Error(`Mutation ${spec.operation} records ${spec.event}, which the event catalogue does not declare for ${spec.returns}.`);
    const written = new Set(spec.writes.filter((w) => w.type === spec.returns).flatMap((w) => w.fields));
    const fields = declared.fields.filter((f) => written.has(f));
    const principal = ctx.auth?.principal;
    await recordEvents(em, ctx.domain, { sub: principal?.sub ?? 'anonymous', dept: principal?.dept ?? null }, [
      eventOfRecord(spec.event, spec.returns, result as Record<string, unknown>, meta.primaryKeys, fields, spec.eventFields?.(result, input)),
    ]);
    return result;
  }

  /** The record answered first, read again with the caller's row scope; the field wrappers judge its fields. */
  async function replay(em: EntityManager, type: string, primaryKeys: readonly string[], resultKey: string): Promise<R> {
    const values = JSON.parse(resultKey) as unknown[];
    const where = Object.fromEntries(primaryKeys.map((k, i) => [k, values[i]]));
    // DataAccess judges rows by the entity's name; the metadata's is the one the entity was defined with.
    const scoped = restrict(where, ctx.data.visible({ meta: { className: type } } as never));
    const row = scoped === null ? null : await em.findOne(type, scoped as never, { disableIdentityMap: true });
    if (!row) throw notFound(type, values.join(', '));
    return JSON.parse(JSON.stringify(row)) as R;
  }

  /** The write's audit record, in the write's transaction: no record, no write. */
  async function auditWrite(em: EntityManager, result: R): Promise<void> {
    const audit = ctx.audit;
    if (!audit) return;
    const kind = spec.writes.some((w) => POLICY_TYPES.has(w.type)) ? 'policy' : 'write';
    try {
      await audit.writer.appendIn(em, audit.writeEntry(kind, spec.writes, result));
    } catch {
      throw auditUnavailable('the audit trail could not be written');
    }
  }
}

/**
 * Updates one row under optimistic locking: only if its version is still `expectedVersion`; the new version is
 * one higher. A stale version gets CONFLICT with the current version; a missing row NOT_FOUND.
 */
export async function updateVersioned<T extends { version: number }>(
  em: EntityManager,
  entity: EntitySchema<T, any>,
  key: FilterQuery<T>,
  keyText: string,
  expectedVersion: number,
  changes: Partial<T>,
): Promise<T> {
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1) throw badInput('expectedVersion', 'give the version you last read, a whole number from 1.');
  const where = { $and: [key, { version: expectedVersion }] } as FilterQuery<T>;
  const affected = await em.nativeUpdate(entity, where, { ...changes, version: expectedVersion + 1 } as never);
  const current = (await em.findOne(entity, key, { disableIdentityMap: true })) as T | null;
  if (!current) throw notFound(entity.meta.className, keyText);
  if (affected === 0) {
    throw conflict(
      `${entity.meta.className} "${keyText}" has changed since you read it: you sent version ${expectedVersion}, the current version is ${current.version}. Read it again and reapply your change.`,
      current.version,
    );
  }
  return current;
}
