/** One loader per relation the education graph walks; the kit batches each into one SQL query per request. */
import DataLoader from 'dataloader';
import type { EntitySchema, FilterQuery } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '../kit/loaders';
import { decodeCursor, encodeCursor, paginate, pageSize, type Connection, type PageArgs } from '../kit/pagination';
import { findAllVisible, type DataAccess } from '../kit/scope';
import type { RequestContext } from '../kit/subgraph';
import { Degree, Enrolment, School, StaffMember } from './entities';

/** A page of rows already in key order: the page after the cursor, and the total. */
function pageOf<T extends object>(rows: readonly T[], key: keyof T & string, size: number, after: string | null): Connection<T> {
  const keyOf = (row: T) => String(row[key]);
  const found = after === null ? 0 : rows.findIndex((row) => keyOf(row) > after);
  const from = found < 0 ? rows.length : found;
  const nodes = rows.slice(from, from + size);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: from + size < rows.length, hasPreviousPage: after !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
    totalCount: async () => rows.length,
  };
}

/**
 * A connection of children on every parent of a list (a school's enrolments, a region's schools), batched like
 * manyByKey: the parents of one request that ask for the same page share one SQL query for all their visible
 * children, paged in memory. A single parent (the usual `school(code) { enrolments }`) is paged in SQL by the kit,
 * so walking the pages of a large school never loads it whole.
 *
 * This belongs in the kit (kit/loaders.ts offers no batched connections yet); it is built only from kit parts.
 */
export function pagesByKey<T extends object>(data: DataAccess, entity: EntitySchema<T, any>, parentKey: keyof T & string, key: keyof T & string) {
  const loaders = new Map<string, DataLoader<string, Connection<T>>>();
  return (parent: string, args: PageArgs, where: FilterQuery<T> = {}): Promise<Connection<T>> => {
    // Bad page arguments are refused before anything is loaded.
    const size = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after) : null;
    const group = JSON.stringify([size, after, where]);
    let loader = loaders.get(group);
    if (!loader) {
      loader = new DataLoader<string, Connection<T>>(async (parents) => {
        const ofParents = (keys: readonly string[]) => ({ $and: [where, { [parentKey]: keys.length === 1 ? keys[0] : { $in: [...keys] } }] }) as FilterQuery<T>;
        if (parents.length === 1) return [await paginate(data, entity, ofParents(parents), { first: size, after: args.after }, { key })];
        const rows = await findAllVisible(data, entity, ofParents(parents), { orderBy: { [key]: 'asc' } as never });
        const byParent = new Map<string, T[]>(parents.map((p) => [p, []]));
        for (const row of rows) byParent.get(String(row[parentKey]))?.push(row);
        return parents.map((p) => pageOf(byParent.get(p) ?? [], key, size, after));
      }, { maxBatchSize: 1000 });
      loaders.set(group, loader);
    }
    return loader.load(parent);
  };
}

export function educationLoaders(data: DataAccess) {
  return {
    schoolByCode: oneByKey(data, School, 'code'),
    enrolmentById: oneByKey(data, Enrolment, 'id'),
    enrolmentsByPerson: manyByKey(data, Enrolment, 'personId', { startYear: 'asc', id: 'asc' }),
    degreeByPerson: oneByKey(data, Degree, 'personId'),
    staffBySchool: manyByKey(data, StaffMember, 'schoolCode', { role: 'desc', since: 'asc', id: 'asc' }),
    enrolmentPagesBySchool: pagesByKey(data, Enrolment, 'schoolCode', 'id'),
    schoolPagesByCounty: pagesByKey(data, School, 'regionCode', 'code'),
    schoolPagesByCity: pagesByKey(data, School, 'cityCode', 'code'),
  };
}

export type EducationLoaders = ReturnType<typeof educationLoaders>;
export type EducationContext = RequestContext<EducationLoaders>;
