/**
 * Relay-style cursor connections over any entity, keyset-paginated on its primary key so pages stay stable
 * and cheap at any depth. totalCount is computed only when a client asks for it.
 */
import type { EntitySchema, FilterQuery } from '@mikro-orm/core';
import { badInput } from './errors';
import { countRows, readRows, restrict, type DataAccess } from './scope';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 500;

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** A function, so that graphql-js calls it only when the field is selected. */
  totalCount: () => Promise<number>;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

const CURSOR_PREFIX = 'k:';

export function encodeCursor(key: string): string {
  return Buffer.from(CURSOR_PREFIX + key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX) || encodeCursor(text.slice(CURSOR_PREFIX.length)) !== cursor) {
    throw badInput('after', 'the cursor is not one this service issued; pass an endCursor from a previous page.');
  }
  return text.slice(CURSOR_PREFIX.length);
}

function cursorKey(raw: string, numeric: boolean): string | number {
  if (!numeric) return raw;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw badInput('after', 'the cursor is not one of this list; pass an endCursor from a previous page.');
  return value;
}

export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (!Number.isInteger(first) || first < 0) throw badInput('first', 'the page size must be zero or a positive whole number.');
  if (first > max) throw badInput('first', `the page size ${first} is above the maximum of ${max}; ask for at most ${max} and follow pageInfo.endCursor.`, { maximum: max });
  return first;
}

export function emptyConnection<T>(): Connection<T> {
  return { edges: [], nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: async () => 0 };
}

export interface PageOrder<T> {
  /** A unique column to order and page by. @default 'id' */
  key?: keyof T & string;
  /** 'desc': newest first (policy versions, grant requests). @default 'asc' */
  direction?: 'asc' | 'desc';
  /** The key is an integer column: a cursor must decode to a whole number. */
  numericKey?: boolean;
  /** The largest page a caller may ask for. @default MAX_PAGE_SIZE */
  max?: number;
}

/** A page of the visible `entity` rows matching `filter`, ordered by a unique key, after the given cursor. */
export async function paginate<T extends object>(
  data: DataAccess,
  entity: EntitySchema<T, any>,
  filter: FilterQuery<T>,
  args: PageArgs,
  order: PageOrder<T> = {},
): Promise<Connection<T>> {
  const { key = 'id' as keyof T & string, direction = 'asc', numericKey = false, max = MAX_PAGE_SIZE } = order;
  const size = pageSize(args.first, max);
  const after = args.after ? cursorKey(decodeCursor(args.after), numericKey) : null;
  const where = restrict(filter, data.visible(entity));
  if (where === null) return emptyConnection();
  const pageWhere = (after === null ? where : { $and: [where, { [key]: { [direction === 'asc' ? '$gt' : '$lt']: after } }] }) as FilterQuery<T>;
  const rows =
    size === 0
      ? []
      : await readRows(data, entity, pageWhere, { orderBy: { [key]: direction }, limit: size + 1 });
  const hasNextPage = rows.length > size;
  const nodes = rows.slice(0, size);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(String((node as Record<string, unknown>)[key])), node }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: () => (counted ??= countRows(data, entity, where)),
  };
}
