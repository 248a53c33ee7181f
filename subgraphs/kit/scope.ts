/**
 * Row-level authorization pushed into SQL: every query of rows goes through a DataAccess, so pagination,
 * totalCount and lookups never count, return or reveal rows the caller may not see.
 */
import type { EntitySchema, FilterQuery, FindOptions } from '@mikro-orm/core';
import { derivedSource, forbiddenError, rowFilter, type Catalogue, type RequestAbility } from '../../auth';
import type { EntityManager } from './orm';

export interface DataAccess {
  em: EntityManager;
  /** Rows of `entity` the caller may see at all (some field, in full or masked); null when none. */
  visible<T extends object>(entity: EntitySchema<T, any>): FilterQuery<T> | null;
  /**
   * Rows on which the caller may read every one of `fields` in full: the only rows a filter on those fields may
   * touch, so a filter cannot probe values the caller cannot see. A field never readable in full is FORBIDDEN.
   */
  readable<T extends object>(entity: EntitySchema<T, any>, fields: readonly string[]): FilterQuery<T>;
}


export function unrestrictedAccess(em: EntityManager): DataAccess {
  return { em, visible: () => ({}), readable: () => ({}) };
}

// Filters depend only on the ability, which is itself cached per caller and policy version: reuse them.
const visibleByAbility = new WeakMap<RequestAbility, Map<string, object | null>>();

/** `served`: the catalogue part of the subgraph asking; a row is visible when some field served here may be read. */
export function scopedAccess(em: EntityManager, ability: RequestAbility, served: Catalogue = ability.catalogue): DataAccess {
  let visibleCache = visibleByAbility.get(ability);
  if (!visibleCache) {
    visibleCache = new Map();
    visibleByAbility.set(ability, visibleCache);
  }
  return {
    em,
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
  };
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

/** One visible row matching `where`, or null: a hidden row is indistinguishable from a missing one. */
export async function findVisible<T extends object>(data: DataAccess, entity: EntitySchema<T, any>, where: FilterQuery<T>): Promise<T | null> {
  const scoped = restrict(where, data.visible(entity));
  if (scoped === null) return null;
  return (await data.em.findOne(entity, scoped, { disableIdentityMap: true })) as T | null;
}

/** Every visible row matching `where` (small reference sets; lists of records use paginate). */
export async function findAllVisible<T extends object>(data: DataAccess, entity: EntitySchema<T, any>, where: FilterQuery<T>, options: FindOptions<T, any> = {}): Promise<T[]> {
  const scoped = restrict(where, data.visible(entity));
  if (scoped === null) return [];
  return (await data.em.find(entity, scoped, { disableIdentityMap: true, ...options } as FindOptions<T, any>)) as T[];
}
