/**
 * DataLoader factories: every `__resolveReference` and every list-of-children field goes through one of these,
 * so a request costs one SQL query per entity type and relation, whatever the page size.
 */
import DataLoader from 'dataloader';
import type { EntitySchema, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from './orm';

// SQLite allows 32,766 bound parameters per statement and PostgreSQL 65,535; stay well below both.
const MAX_BATCH = 5000;

type Key = string | number;

/** Loads at most one row per key (a primary or unique key). Missing keys resolve to null. */
export function oneByKey<T extends object>(
  em: EntityManager,
  entity: EntitySchema<T, any>,
  key: keyof T & string,
): DataLoader<Key, T | null> {
  return new DataLoader<Key, T | null>(
    async (keys) => {
      const rows = await em.find(entity, { [key]: { $in: [...keys] } } as FilterQuery<T>, { disableIdentityMap: true });
      const byKey = new Map<Key, T>(rows.map((row) => [(row as Record<string, Key>)[key], row as T]));
      return keys.map((k) => byKey.get(k) ?? null);
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/** Loads every row whose `key` column equals each key (the children of a parent), in a stable order. */
export function manyByKey<T extends object>(
  em: EntityManager,
  entity: EntitySchema<T, any>,
  key: keyof T & string,
  orderBy: QueryOrderMap<T> = {} as QueryOrderMap<T>,
): DataLoader<Key, T[]> {
  return new DataLoader<Key, T[]>(
    async (keys) => {
      const rows = await em.find(entity, { [key]: { $in: [...keys] } } as FilterQuery<T>, {
        disableIdentityMap: true,
        orderBy: orderBy as never,
      });
      const byKey = new Map<Key, T[]>(keys.map((k) => [k, []]));
      for (const row of rows) byKey.get((row as Record<string, Key>)[key])?.push(row as T);
      return keys.map((k) => byKey.get(k) ?? []);
    },
    { maxBatchSize: MAX_BATCH },
  );
}
