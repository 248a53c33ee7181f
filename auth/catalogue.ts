// The resource catalogue (政务数据资源目录): for every field of every GraphQL object type, who owns it,
// how it may be shared and how it is masked. Authorization defaults are derived from it, so it is
// checked against the schema: an uncatalogued field would otherwise be silently unreadable, and a
// stale entry would hide a renamed field.
import { isObjectType } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { CatalogueError } from './errors';
import { isDepartment } from './vocabulary';

export type SharingType = 'UNCONDITIONAL' | 'CONDITIONAL' | 'NOT_SHARED';
export type Sensitivity = 'NONE' | 'PERSONAL' | 'SENSITIVE';
export type MaskStrategy = 'none' | 'idNumber' | 'name' | 'phone' | 'address' | 'birthDate' | 'coordinates' | 'redact';

export const SHARING_TYPES: readonly SharingType[] = ['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED'];
export const SENSITIVITIES: readonly Sensitivity[] = ['NONE', 'PERSONAL', 'SENSITIVE'];
export const MASK_STRATEGIES: readonly MaskStrategy[] = ['none', 'idNumber', 'name', 'phone', 'address', 'birthDate', 'coordinates', 'redact'];

export interface FieldEntry {
  owner: string;
  sharing: SharingType;
  /** Open data: readable by anyone, including unauthenticated callers. */
  open: boolean;
  sensitivity: Sensitivity;
  mask: MaskStrategy;
  /**
   * Statistics: the smallest number of persons or enterprises a published cell reading this field may count.
   * Unset: 10, or 20 for SENSITIVE fields (subgraphs/kit/statistics/run.ts).
   */
  minCellSize?: number;
  description?: string;
  /**
   * The fields whose values this field's value reveals (a score computed from loan counts): `field` of the same type
   * or `Type.field`, judged on the same record. Its decision is the strictest of its own and its sources'.
   */
  derivedFrom?: readonly string[];
}

export interface TypeCatalogue {
  owner: string;
  description?: string;
  /** Field holding the record's 6-digit administrative code; region-limited grants filter on it. */
  regionField?: string;
  /** True when this part only adds fields to a type declared (and owned) elsewhere. */
  extension?: boolean;
  /**
   * Stored columns that belong to a field of another name (`loans: ['loanCount', 'overdueLoans']`): a resolver that
   * reads them serves that field's data, and the kit refuses a resolver that reads a column of a field it does not
   * declare in `derivedFrom` (subgraphs/kit/columns.ts).
   */
  columns?: Readonly<Record<string, readonly string[]>>;
  /** Stored columns that are no field's data: join keys, versions, natural keys for de-duplication. */
  internal?: readonly string[];
  fields: Record<string, FieldEntry>;
}

/** Keyed by GraphQL type name. */
export type Catalogue = Record<string, TypeCatalogue>;

/** What a subgraph author writes for one field; everything but `sharing` has a default. */
export interface FieldSpec {
  sharing: SharingType;
  open?: boolean;
  sensitivity?: Sensitivity;
  mask?: MaskStrategy;
  owner?: string;
  minCellSize?: number;
  description?: string;
  derivedFrom?: readonly string[];
}

export interface TypeSpec {
  owner?: string;
  description?: string;
  regionField?: string;
  extension?: boolean;
  columns?: Readonly<Record<string, readonly string[]>>;
  internal?: readonly string[];
  /** A bare sharing type is shorthand for `field(sharing)`. */
  fields: Record<string, FieldSpec | SharingType>;
}

export interface CatalogueProblem {
  type: string;
  field?: string;
  message: string;
}

/** Terse field declaration: `field('CONDITIONAL', { sensitivity: 'SENSITIVE', mask: 'idNumber' })`. */
export function field(sharing: SharingType, options: Omit<FieldSpec, 'sharing'> = {}): FieldSpec {
  return { ...options, sharing };
}

/**
 * Builds a catalogue part owned by `owner` (types and fields may name another owner).
 * Defaults: not open, sensitivity NONE, mask `none` for non-sensitive fields and `redact` otherwise,
 * so a sensitive field whose author forgot a mask fails closed. Invalid entries throw at once.
 */
export function defineCatalogue(owner: string, types: Record<string, TypeSpec>): Catalogue {
  const out: Catalogue = {};
  for (const [typeName, spec] of Object.entries(types)) {
    const typeOwner = spec.owner ?? owner;
    const fields: Record<string, FieldEntry> = {};
    for (const [fieldName, raw] of Object.entries(spec.fields)) {
      const f: FieldSpec = typeof raw === 'string' ? { sharing: raw } : raw;
      const sensitivity = f.sensitivity ?? 'NONE';
      const entry: FieldEntry = {
        owner: f.owner ?? typeOwner,
        sharing: f.sharing,
        open: f.open ?? false,
        sensitivity,
        mask: f.mask ?? (sensitivity === 'NONE' ? 'none' : 'redact'),
      };
      if (f.description !== undefined) entry.description = f.description;
      if (f.minCellSize !== undefined) entry.minCellSize = f.minCellSize;
      if (f.derivedFrom !== undefined) entry.derivedFrom = Object.freeze([...f.derivedFrom]);
      fields[fieldName] = Object.freeze(entry);
    }
    const typeCatalogue: TypeCatalogue = { owner: typeOwner, fields: Object.freeze(fields) };
    if (spec.description !== undefined) typeCatalogue.description = spec.description;
    if (spec.regionField !== undefined) typeCatalogue.regionField = spec.regionField;
    if (spec.extension) typeCatalogue.extension = true;
    if (spec.internal !== undefined) typeCatalogue.internal = Object.freeze([...spec.internal]);
    if (spec.columns !== undefined) typeCatalogue.columns = Object.freeze(Object.fromEntries(Object.entries(spec.columns).map(([f, c]) => [f, Object.freeze([...c])])));
    out[typeName] = Object.freeze(typeCatalogue);
  }
  const problems = catalogueEntryProblems(out);
  if (problems.length > 0) throw new CatalogueError(problems.map((p) => p.message).join(' '));
  return Object.freeze(out);
}

function sameEntry(a: FieldEntry, b: FieldEntry): boolean {
  return (
    a.owner === b.owner &&
    a.sharing === b.sharing &&
    a.open === b.open &&
    a.sensitivity === b.sensitivity &&
    a.mask === b.mask &&
    a.minCellSize === b.minCellSize &&
    (a.derivedFrom ?? []).join() === (b.derivedFrom ?? []).join()
  );
}

/** `field` or `Type.field` of a derivedFrom entry, as a type and a field. */
export function derivedSource(type: string, source: string): { type: string; field: string } {
  const dot = source.indexOf('.');
  return dot < 0 ? { type, field: source } : { type: source.slice(0, dot), field: source.slice(dot + 1) };
}

/**
 * derivedFrom entries that name nothing catalogued, or that lead back to their own field. Checked on a whole
 * catalogue (a source may be catalogued by another part), so by checkCatalogue and the platform catalogue's test.
 */
export function derivationProblems(catalogue: Catalogue): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  for (const [type, t] of Object.entries(catalogue)) {
    for (const [field, e] of Object.entries(t.fields)) {
      for (const source of e.derivedFrom ?? []) {
        const s = derivedSource(type, source);
        if (!catalogue[s.type]?.fields[s.field]) problems.push({ type, field, message: `${type}.${field} is derived from ${source}, which is not catalogued.` });
      }
      const seen = new Set<string>();
      const walk = (at: { type: string; field: string }, path: string[]): boolean => {
        for (const source of catalogue[at.type]?.fields[at.field]?.derivedFrom ?? []) {
          const s = derivedSource(at.type, source);
          const key = `${s.type}.${s.field}`;
          if (key === `${type}.${field}`) {
            problems.push({ type, field, message: `${type}.${field} is derived from itself (${[...path, key].join(' <- ')}).` });
            return true;
          }
          if (seen.has(key)) continue;
          seen.add(key);
          if (walk(s, [...path, key])) return true;
        }
        return false;
      };
      walk({ type, field }, [`${type}.${field}`]);
    }
  }
  return problems;
}

/**
 * Merges the parts declared by several subgraphs. A type may be catalogued by several parts (fields of
 * Person owned by different departments); the same field twice is fine only if both entries agree.
 * The type's owner comes from its non-extension declarations, which must agree.
 */
export function mergeCatalogues(...parts: Catalogue[]): Catalogue {
  const out: Record<string, TypeCatalogue & { fields: Record<string, FieldEntry> }> = {};
  const declaredBy = new Map<string, string>();
  for (const part of parts) {
    for (const [typeName, t] of Object.entries(part)) {
      let merged = out[typeName];
      if (!merged) {
        merged = { owner: t.owner, fields: {} };
        if (t.extension) merged.extension = true;
        out[typeName] = merged;
      }
      if (!t.extension) {
        const previous = declaredBy.get(typeName);
        if (previous !== undefined && previous !== t.owner) {
          throw new CatalogueError(`Type ${typeName} is declared by both ${previous} and ${t.owner}; one of them must mark it as an extension.`);
        }
        declaredBy.set(typeName, t.owner);
        merged.owner = t.owner;
        delete merged.extension;
      }
      if (t.description !== undefined && merged.description === undefined) merged.description = t.description;
      if (t.columns !== undefined) merged.columns = { ...merged.columns, ...t.columns };
      if (t.internal !== undefined) merged.internal = [...(merged.internal ?? []), ...t.internal];
      if (t.regionField !== undefined) {
        if (merged.regionField !== undefined && merged.regionField !== t.regionField) {
          throw new CatalogueError(`Type ${typeName} has two region fields, ${merged.regionField} and ${t.regionField}.`);
        }
        merged.regionField = t.regionField;
      }
      for (const [fieldName, entry] of Object.entries(t.fields)) {
        const existing = merged.fields[fieldName];
        if (existing && !sameEntry(existing, entry)) {
          throw new CatalogueError(
            `${typeName}.${fieldName} is catalogued twice with different entries (${existing.sharing} of ${existing.owner} and ${entry.sharing} of ${entry.owner}).`,
          );
        }
        merged.fields[fieldName] = entry;
      }
    }
  }
  for (const t of Object.values(out)) {
    Object.freeze(t.fields);
    Object.freeze(t);
  }
  return Object.freeze(out);
}

/** Problems in the entries themselves, independent of any schema. */
export function catalogueEntryProblems(catalogue: Catalogue): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  for (const [type, t] of Object.entries(catalogue)) {
    if (!isDepartment(t.owner)) problems.push({ type, message: `Type ${type} names an unknown owner department.` });
    if (t.regionField !== undefined && !(t.regionField in t.fields)) {
      problems.push({ type, message: `Type ${type} names ${t.regionField} as its region field, but that field is not catalogued.` });
    }
    for (const [field, e] of Object.entries(t.fields)) {
      const at = `${type}.${field}`;
      const add = (message: string): void => {
        problems.push({ type, field, message });
      };
      if (!isDepartment(e.owner)) add(`${at} names an unknown owner department.`);
      if (!SHARING_TYPES.includes(e.sharing)) add(`${at} has an unknown sharing type.`);
      if (!SENSITIVITIES.includes(e.sensitivity)) add(`${at} has an unknown sensitivity.`);
      if (!MASK_STRATEGIES.includes(e.mask)) add(`${at} has an unknown mask strategy.`);
      if (e.open && e.sharing === 'NOT_SHARED') add(`${at} cannot be both open data and NOT_SHARED.`);
      if (e.sensitivity !== 'NONE' && e.mask === 'none') add(`${at} is ${e.sensitivity} data and needs a mask strategy other than none.`);
      if (e.minCellSize !== undefined && !(Number.isInteger(e.minCellSize) && e.minCellSize >= 3)) add(`${at} has a minimum cell size that is not a whole number of at least 3.`);
    }
  }
  return problems;
}

function isSkippedType(name: string, schema: GraphQLSchema): boolean {
  if (name.startsWith('_')) return true; // introspection (__Type) and federation (_Service, _Entity, _Any)
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  return roots.some((root) => root?.name === name) || name === 'Query' || name === 'Mutation' || name === 'Subscription';
}

/**
 * Compares the catalogue with a schema. Every field of every object type needs an entry, except root
 * types and `_`-prefixed types and fields (introspection and federation built-ins). Wrapper types such as
 * PageInfo, *Connection and *Edge are catalogued under their own names like any other type: it keeps the
 * rule free of naming conventions, and their fields are usually `field('UNCONDITIONAL', { open: true })`.
 * Entries for types or fields missing from the schema are problems too, as are invalid entries.
 */
export function checkCatalogue(schema: GraphQLSchema, catalogue: Catalogue): CatalogueProblem[] {
  const problems = [...catalogueEntryProblems(catalogue), ...derivationProblems(catalogue)];
  const types = schema.getTypeMap();
  for (const [name, type] of Object.entries(types)) {
    if (!isObjectType(type) || isSkippedType(name, schema)) continue;
    const t = catalogue[name];
    if (!t) {
      problems.push({ type: name, message: `Type ${name} is not in the catalogue.` });
      continue;
    }
    for (const [fieldName, def] of Object.entries(type.getFields())) {
      if (fieldName.startsWith('_')) continue;
      const entry = t.fields[fieldName];
      if (!entry) {
        problems.push({ type: name, field: fieldName, message: `${name}.${fieldName} is not in the catalogue.` });
      } else if (entry.mask === 'redact' && def.type.toString().endsWith('!')) {
        problems.push({ type: name, field: fieldName, message: `${name}.${fieldName} is masked by redaction (null) but is non-null in the schema.` });
      }
    }
  }
  for (const [name, t] of Object.entries(catalogue)) {
    const type = types[name];
    if (!type || !isObjectType(type)) {
      problems.push({ type: name, message: `Type ${name} is catalogued but is not an object type of the schema.` });
      continue;
    }
    const fields = type.getFields();
    for (const fieldName of Object.keys(t.fields)) {
      if (!(fieldName in fields)) {
        problems.push({ type: name, field: fieldName, message: `${name}.${fieldName} is catalogued but does not exist in the schema.` });
      }
    }
  }
  return problems;
}

/**
 * A domain event in the resource catalogue: which record type it changes and which of its fields it carries.
 * Events are judged field by field like the record (the feed delivers a carried field only where a query of
 * the record would), so what an event may reveal follows from the catalogue entries of those fields.
 */
export interface EventEntry {
  /** The GraphQL type of the changed record. */
  type: string;
  /** The fields of `type` it carries (those the change wrote). */
  fields: readonly string[];
  description: string;
}

export type EventCatalogue = Readonly<Record<string, EventEntry>>;

export function defineEvents(events: Record<string, EventEntry>): EventCatalogue {
  return Object.freeze(events);
}

/** Events whose name, type or fields the catalogue does not know: each is a problem, never a silent gap. */
export function eventProblems(events: EventCatalogue, catalogue: Catalogue): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  for (const [name, event] of Object.entries(events)) {
    if (!/^[A-Z][A-Za-z]{1,63}$/.test(name)) problems.push({ type: event.type, message: `Event "${name}" is not a name in PascalCase.` });
    const type = catalogue[event.type];
    if (!type) {
      problems.push({ type: event.type, message: `Event ${name} changes ${event.type}, which is not catalogued.` });
      continue;
    }
    for (const f of event.fields) if (!type.fields[f]) problems.push({ type: event.type, field: f, message: `Event ${name} carries ${event.type}.${f}, which is not catalogued.` });
  }
  return problems;
}
