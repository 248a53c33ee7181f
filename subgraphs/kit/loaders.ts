/**
 * DataLoader factories: every `__resolveReference` and every list-of-children field goes through one of these,
 * so a request costs one SQL query per entity type and relation, whatever the page size. Each query carries the
 * caller's row scope, so a hidden row is indistinguishable from a missing one.
 */
import DataLoader from 'dataloader';
import type { EntitySchema, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { loaderBatchSize } from './metrics';
import { readRows, restrict, type DataAccess } from './scope';

// SQLite allows 32,766 bound parameters per statement and PostgreSQL 65,535; stay well below both.
const MAX_BATCH = 5000;

type Key = string | number;

async function findByKeys<T extends object>(data: DataAccess, entity: EntitySchema<T, any>, key: keyof T & string, keys: readonly Key[], orderBy?: QueryOrderMap<T>): Promise<T[]> {
  loaderBatchSize.labels(entity.meta.className).observe(keys.length);
  const where = restrict({ [key]: { $in: [...keys] } } as FilterQuery<T>, data.visible(entity));
  if (where === null) return [];
  return readRows(data, entity, where, { orderBy: orderBy as never });
}

/** Loads at most one row per key (a primary or unique key). Missing and hidden keys resolve to null. */
export function oneByKey<T extends object>(data: DataAccess, entity: EntitySchema<T, any>, key: keyof T & string): DataLoader<Key, T | null> {
  return new DataLoader<Key, T | null>(
    async (keys) => {
      const rows = await findByKeys(data, entity, key, keys);
      const byKey = new Map<Key, T>(rows.map((row) => [(row as Record<string, Key>)[key], row]));
      return keys.map((k) => byKey.get(k) ?? null);
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/** Loads every visible row whose `key` column equals each key (the children of a parent), in a stable order. */
export function manyByKey<T extends object>(data: DataAccess, entity: EntitySchema<T, any>, key: keyof T & string, orderBy?: QueryOrderMap<T>): DataLoader<Key, T[]> {
  return new DataLoader<Key, T[]>(
    async (keys) => {
      const rows = await findByKeys(data, entity, key, keys, orderBy);
      const byKey = new Map<Key, T[]>(keys.map((k) => [k, []]));
      for (const row of rows) byKey.get((row as Record<string, Key>)[key])?.push(row);
      return keys.map((k) => byKey.get(k) ?? []);
    },
    { maxBatchSize: MAX_BATCH },
  );
}
