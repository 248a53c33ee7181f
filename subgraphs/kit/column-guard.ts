/**
 * Which field's data each stored column is, and a guard that a resolver reads only the columns of the field it
 * resolves (or of fields it declares as its sources, `derivedFrom`). Without it a resolver can compute a field that
 * the catalogue shares widely from columns that it protects (a credit factor from loan counts), and no rule sees it.
 *
 * - At start-up (`columnProblems`, run by subgraphSchema): every column of every entity whose type is catalogued here
 *   is the field of the same name, a column declared under a field (`columns`), or declared `internal` (join keys,
 *   versions): a new column fails the start until someone says whose data it is.
 * - While resolving (`guardedSource`, outside production): a custom resolver gets its entity row through a proxy that
 *   throws, naming type, field and column, when it reads a column of a field that is stricter than its own (shared
 *   on conditions or not shared, where its own is not) and that it does not declare in `derivedFrom`.
 */
import type { EntitySchema } from '@mikro-orm/core';
import { derivedSource, type Catalogue, type FieldEntry } from '../../auth';

/** Per entity type: each column's field (null: internal, no field's data). */
export type ColumnOwners = ReadonlyMap<string, ReadonlyMap<string, string | null>>;

export function columnOwners(entities: readonly EntitySchema<any, any>[], catalogue: Catalogue): ColumnOwners {
  const out = new Map<string, Map<string, string | null>>();
  for (const entity of entities) {
    const type = entity.meta.className;
    const t = catalogue[type];
    if (!t || t.extension) continue;
    const owners = new Map<string, string | null>();
    for (const column of Object.keys(entity.meta.properties)) if (column in t.fields) owners.set(column, column);
    for (const [field, columns] of Object.entries(t.columns ?? {})) for (const c of columns) owners.set(c, field);
    for (const c of t.internal ?? []) owners.set(c, null);
    out.set(type, owners);
  }
  return out;
}

/** Columns that are no field's, declared more than once, or declared but not stored. */
export function columnProblems(entities: readonly EntitySchema<any, any>[], catalogue: Catalogue, domain: string): string[] {
  const problems: string[] = [];
  for (const entity of entities) {
    const type = entity.meta.className;
    const t = catalogue[type];
    if (!t || t.extension) continue;
    const stored = new Set(Object.keys(entity.meta.properties));
    const claimed = new Map<string, string>();
    const claim = (column: string, by: string) => {
      if (claimed.has(column)) problems.push(`${type}.${column} is declared twice (${claimed.get(column)} and ${by}) in the ${domain} catalogue.`);
      claimed.set(column, by);
      if (!stored.has(column)) problems.push(`${type} declares a column ${column} (${by}) that its entity does not store.`);
    };
    for (const [field, columns] of Object.entries(t.columns ?? {})) {
      if (!(field in t.fields)) problems.push(`${type} declares columns of ${field}, which is not catalogued.`);
      for (const c of columns) claim(c, `columns.${field}`);
    }
    for (const c of t.internal ?? []) claim(c, 'internal');
    for (const column of stored) {
      if (!(column in t.fields) && !claimed.has(column)) {
        problems.push(`${type}.${column} is stored but is no catalogued field's data: in the ${domain} catalogue, list it under \`columns\` of the field whose data it is, or under \`internal\` if it is a join key or a version.`);
      }
    }
  }
  return problems;
}

const RANK = { NOT_SHARED: 0, CONDITIONAL: 1, UNCONDITIONAL: 2 } as const;

/** Whether reading `source`'s data to resolve `target` could show a caller more than `source`'s own rules allow. */
function stricter(source: FieldEntry, target: FieldEntry): boolean {
  if (source.open) return false;
  return RANK[source.sharing] < RANK[target.sharing] || (target.open && !source.open) || (source.owner !== target.owner && source.sharing !== 'UNCONDITIONAL');
}

/**
 * A proxy of `row` (an entity row) that, until released, throws when the resolver of `type.field` reads a column of a
 * stricter field it does not declare as a source. Rows that are not entity rows pass as they are.
 */
export function guardedSource(row: object, type: string, field: string, catalogue: Catalogue, owners: ColumnOwners): { row: object; release(): void } {
  const rowType = (row as { __meta?: { className?: string } }).__meta?.className;
  const columns = rowType === undefined ? undefined : owners.get(rowType);
  const target = catalogue[type]?.fields[field];
  if (!columns || !target) return { row, release: () => undefined };
  const sources = new Set(
    (target.derivedFrom ?? []).map((s) => {
      const d = derivedSource(type, s);
      return `${d.type}.${d.field}`;
    }),
  );
  let active = true;
  const proxy = new Proxy(row, {
    get(obj, prop, receiver) {
      if (active && typeof prop === 'string') {
        const owner = columns.get(prop);
        if (owner && !(rowType === type && owner === field) && !sources.has(`${rowType}.${owner}`)) {
          const entry = catalogue[rowType!]?.fields[owner];
          if (entry && stricter(entry, target)) {
            throw new Error(`The resolver of ${type}.${field} read ${rowType}.${prop}, the data of ${rowType}.${owner} (${entry.sharing}), which it does not declare in derivedFrom: declare it, so that the field is never more open than its source.`);
          }
        }
      }
      return Reflect.get(obj, prop, receiver);
    },
  });
  return { row: proxy, release: () => (active = false) };
}
