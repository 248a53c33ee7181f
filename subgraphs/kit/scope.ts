/**
 * Row-level authorization pushed into SQL: every query of rows goes through a DataAccess, so pagination,
 * totalCount and lookups never count, return or reveal rows the caller may not see.
 */
import type { EntitySchema, FilterQuery, FindOptions } from '@mikro-orm/core';
import { derivedSource, forbiddenError, rowFilter, type Catalogue, type RequestAbility } from '../../auth';
import { readFallbacks } from './metrics';
import type { EntityManager } from './orm';
import type { ReadOptions, Reader } from './reader';

export interface DataAccess {
  em: EntityManager;
  /** The read path (reader.ts); reads inside a write's transaction go through `em`, which sees its own writes. */
  reader?: Reader;
  /** Told of every row read under the caller's row scope (scope-ticket.ts: the owner tickets them). */
  seen?: (entity: EntitySchema<any, any>, rows: readonly object[]) => void;
  /** Rows of `entity` the caller may see at all (some field, in full or masked); null when none. */
  visible<T extends object>(entity: EntitySchema<T, any>): FilterQuery<T> | null;
  /**
   * Rows on which the caller may read every one of `fields` in full: the only rows a filter on those fields may
   * touch, so a filter cannot probe values the caller cannot see. A field never readable in full is FORBIDDEN.
   */
  readable<T extends object>(entity: EntitySchema<T, any>, fields: readonly string[]): FilterQuery<T>;
}


/** An EntityManager, or how to make one when a read first needs it (most requests never do: reader.ts). */
export type EntityManagerSource = EntityManager | (() => EntityManager);

const CURRENT_EM = Symbol('current EntityManager');

/**
 * `em` made on first use. The peek is not enumerable, so a copy (`{ ...data, em: trx }`) answers its own `em`.
 */
function withEntityManager<T extends object>(access: T, source: EntityManagerSource): T & { em: EntityManager } {
  let current = typeof source === 'function' ? undefined : source;
  const make = typeof source === 'function' ? source : undefined;
  Object.defineProperty(access, 'em', {
    get: () => (current ??= make!()),
    set: (em: EntityManager) => (current = em),
    enumerable: true,
  });
  Object.defineProperty(access, CURRENT_EM, { value: () => current, enumerable: false });
  return access as T & { em: EntityManager };
}

/** The EntityManager in use, without making one. */
function currentEntityManager(data: DataAccess): EntityManager | undefined {
  const peek = (data as { [CURRENT_EM]?: () => EntityManager | undefined })[CURRENT_EM];
  return peek ? peek() : data.em;
}

export function unrestrictedAccess(em: EntityManagerSource, reader?: Reader): DataAccess {
  return withEntityManager({ reader, visible: () => ({}), readable: () => ({}) }, em);
}

// Filters depend only on the ability, which is itself cached per caller and policy version: reuse them.
const visibleByAbility = new WeakMap<RequestAbility, Map<string, object | null>>();

/** `served`: the catalogue part of the subgraph asking; a row is visible when some field served here may be read. */
export function scopedAccess(em: EntityManagerSource, ability: RequestAbility, served: Catalogue = ability.catalogue, reader?: Reader): DataAccess {
  let visibleCache = visibleByAbility.get(ability);
  if (!visibleCache) {
    visibleCache = new Map();
    visibleByAbility.set(ability, visibleCache);
  }
  return withEntityManager({
    reader,
    visible<T extends object>(entity: EntitySchema<T, any>) {
      const type = entity.meta.className;
      if (!visibleCache!.has(type)) {
        // Judged on the fields this subgraph serves: another subgraph's fields of the same entity are its own call.
        const fields = Object.keys(served[type]?.fields ?? {});
        const filter = fields.length === 0 ? { kind: 'none' as const } : rowFilter<T>(ability, ['read', 'readMasked'], type, undefined, { fields });
        visibleCache!.set(type, filter.kind === 'none' ? null : filter.kind === 'all' ? {} : (filter.where as object));
      }
      // A copy per use: MikroORM rewrites the filter objects it is given, and the cached one is shared.
      const cached = visibleCache!.get(type);
      return (cached === null ? null : structuredClone(cached)) as FilterQuery<T> | null;
    },
    readable<T extends object>(entity: EntitySchema<T, any>, fields: readonly string[]) {
      const type = entity.meta.className;
      const parts: object[] = [];
      // A filter on a derived field probes its sources too: each must be readable in full as well.
      for (const field of withSources(ability.catalogue, type, fields)) {
        const filter = rowFilter<T>(ability, 'read', type, undefined, { fields: [field] });
        if (filter.kind === 'none') {
          const entry = ability.catalogue[type]?.fields[field];
          // The same refusal as reading the field, so filtering says no more than selecting would.
          throw forbiddenError(type, field, entry, { authenticated: ability.principal.kind === 'government' });
        }
        if (filter.kind === 'where') parts.push(filter.where as object);
      }
      return (parts.length === 0 ? {} : parts.length === 1 ? parts[0] : { $and: parts }) as FilterQuery<T>;
    },
  }, em);
}

/** `fields` and, transitively, the fields of the same type they are derived from (catalogue `derivedFrom`). */
function withSources(catalogue: Catalogue, type: string, fields: readonly string[]): string[] {
  const out = new Set<string>();
  const add = (field: string): void => {
    if (out.has(field)) return;
    out.add(field);
    for (const source of catalogue[type]?.fields[field]?.derivedFrom ?? []) {
      const s = derivedSource(type, source);
      if (s.type === type) add(s.field);
    }
  };
  fields.forEach(add);
  return [...out];
}

/** Both restrictions together, or null when nothing can match. */
export function restrict<T extends object>(where: FilterQuery<T>, scope: FilterQuery<T> | null): FilterQuery<T> | null {
  if (scope === null) return null;
  if (Object.keys(scope as object).length === 0) return where;
  if (Object.keys(where as object).length === 0) return scope;
  return { $and: [where, scope] } as FilterQuery<T>;
}

/** The read path when it can serve (outside a write's transaction, a filter it compiles), else MikroORM. */
function readerFor(data: DataAccess): Reader | undefined {
  return data.reader && !currentEntityManager(data)?.isInTransaction() ? data.reader : undefined;
}

/** Rows matching an already scoped filter. */
export async function readRows<T extends object>(data: DataAccess, entity: EntitySchema<T, any>, where: FilterQuery<T>, options: ReadOptions = {}): Promise<T[]> {
  let rows = await readerFor(data)?.find(entity, where as object, options);
  if (!rows) {
    if (readerFor(data)) readFallbacks.labels(entity.meta.className).inc();
    rows = (await data.em.find(entity, where, { disableIdentityMap: true, orderBy: options.orderBy as never, limit: options.limit })) as T[];
  }
  data.seen?.(entity, rows);
  return rows;
}

/** How many rows match an already scoped filter. */
export async function countRows<T extends object>(data: DataAccess, entity: EntitySchema<T, any>, where: FilterQuery<T>): Promise<number> {
  const reader = readerFor(data);
  const count = await reader?.count(entity, where as object);
  if (count !== undefined && count !== null) return count;
  if (reader) readFallbacks.labels(entity.meta.className).inc();
  return data.em.count(entity, where);
}

/** One visible row matching `where`, or null: a hidden row is indistinguishable from a missing one. */
export async function findVisible<T extends object>(data: DataAccess, entity: EntitySchema<T, any>, where: FilterQuery<T>): Promise<T | null> {
  const scoped = restrict(where, data.visible(entity));
  if (scoped === null) return null;
  const reader = readerFor(data);
  const rows = reader && (await reader.find(entity, scoped as object, { limit: 1 }));
  let row: T | null;
  if (rows) row = rows[0] ?? null;
  else {
    if (reader) readFallbacks.labels(entity.meta.className).inc();
    row = (await data.em.findOne(entity, scoped, { disableIdentityMap: true })) as T | null;
  }
  if (row) data.seen?.(entity, [row]);
  return row;
}

/** Every visible row matching `where` (small reference sets; lists of records use paginate). */
export async function findAllVisible<T extends object>(data: DataAccess, entity: EntitySchema<T, any>, where: FilterQuery<T>, options: Pick<FindOptions<T, any>, 'orderBy'> = {}): Promise<T[]> {
  const scoped = restrict(where, data.visible(entity));
  if (scoped === null) return [];
  return readRows(data, entity, scoped, { orderBy: options.orderBy as ReadOptions['orderBy'] });
}
