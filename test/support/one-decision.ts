/**
 * The model behind the generative test of test/integration/one-decision.test.ts: what the platform serves (read from
 * the composed supergraph and the catalogue), what its databases hold (read straight from each owner's tables),
 * what one caller may see of one record (one decision, computed once by the auth layer), and the paths through
 * which a value can be asked for, each checked against that one decision.
 *
 * Expected decisions, per (caller, type, field, record):
 *   - ABSENT when the owner's row scope hides the record: no field of the type that its owner serves is visible to
 *     the caller (fieldDecision on the stored row). Row scope follows the entity: every subgraph must hide it.
 *   - otherwise fieldDecision(ability, type, field, stored row): FULL, MASKED or DENIED.
 * The ability is built by buildAbility from the platform catalogue, the active policy document and the grants in
 * force, as loadInForce reads them from the governance database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildASTSchema, getNamedType, isLeafType, isListType, isNonNullType, Kind, parse, type ConstDirectiveNode, type EnumTypeDefinitionNode, type GraphQLField, type GraphQLObjectType, type GraphQLSchema, type GraphQLType } from 'graphql';
import type { EntitySchema } from '@mikro-orm/core';
import {
  allows,
  buildAbility,
  conditionFields,
  explainField,
  fieldDecision,
  maskValue,
  PUBLIC_PRINCIPAL,
  regionPrefix,
  rowFilter,
  type Catalogue,
  type Grant,
  type Principal,
  type RequestAbility,
  type RolePolicy,
  type TokenClaims,
} from '../../auth';
import { DOMAINS, PROJECT_ROOT, type DomainName } from '../../subgraphs/kit/config';
import { cityCodeOf, regionScope } from '../../subgraphs/kit/region-codes';
import type { StatisticDefinition } from '../../subgraphs/kit/statistics/definition';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { postGraphQL, type GraphQLResponse, type Platform } from './platform';

export type Row = Readonly<Record<string, unknown>>;
export type Expected = 'FULL' | 'MASKED' | 'DENIED' | 'ABSENT';
type GqlError = NonNullable<GraphQLResponse['errors']>[number];

// ---------------------------------------------------------------------------------------------------------------
// What the platform serves

export interface FieldModel {
  name: string;
  /** The subgraphs that resolve this field (join__field, or every subgraph of the type when it has none). */
  servedBy: DomainName[];
  /** A scalar or enum (or a list of them): compared with the stored value; otherwise only its presence is. */
  leaf: boolean;
}

export interface TypeModel {
  name: string;
  /** The subgraph whose catalogue declares the type (not as an extension): its table holds the records. */
  owner: DomainName;
  entity: EntitySchema<any, any>;
  key: string;
  /** The root query that finds one record by key, e.g. person(id:). */
  lookup: string;
  /** Every subgraph that resolves the type (join__type). */
  graphs: DomainName[];
  /** Catalogued fields but the key and statistics indicators (those have their own path). */
  fields: FieldModel[];
  statistics: StatisticDefinition[];
}

function argument(directive: ConstDirectiveNode, name: string): string | boolean | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.STRING || value.kind === Kind.ENUM) return value.value;
  if (value.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}

function unwrapList(type: GraphQLType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner);
}

/** The entity types of the composed supergraph that have an owner table and a lookup by key, and the schema itself. */
export function readPlatformModel(catalogue: Catalogue, supergraphFile = path.join(PROJECT_ROOT, 'schema', 'supergraph.graphql')): { types: TypeModel[]; schema: GraphQLSchema } {
  const document = parse(fs.readFileSync(supergraphFile, 'utf8'));
  const schema = buildASTSchema(document, { assumeValidSDL: true });
  const graphEnum = document.definitions.find((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph');
  if (!graphEnum) throw new Error('The supergraph has no join__Graph enum.');
  const graphs = new Map<string, DomainName>();
  for (const value of graphEnum.values ?? []) {
    const name = argument(value.directives!.find((d) => d.name.value === 'join__graph')!, 'name') as DomainName;
    graphs.set(value.name.value, name);
  }
  const queryFields = schema.getQueryType()!.getFields();
  const models: TypeModel[] = [];
  for (const [typeName, entry] of Object.entries(catalogue)) {
    const owner = DOMAINS.find((d) => SUBGRAPHS[d].catalogue[typeName] && !SUBGRAPHS[d].catalogue[typeName]!.extension);
    const type = schema.getType(typeName) as GraphQLObjectType | undefined;
    if (!owner || !type?.astNode) continue;
    const joins = (type.astNode.directives ?? []).filter((d) => d.name.value === 'join__type');
    const ownerJoin = joins.find((d) => graphs.get(argument(d, 'graph') as string) === owner && argument(d, 'key'));
    const entity = SUBGRAPHS[owner].entities.find((e) => e.meta.className === typeName);
    if (!ownerJoin || !entity) continue;
    const key = argument(ownerJoin, 'key') as string;
    const lookup = Object.values(queryFields).find(
      (f) => getNamedType(f.type).name === typeName && !unwrapList(f.type) && f.args.length === 1 && f.args[0]!.name === key && isNonNullType(f.args[0]!.type),
    );
    if (!lookup) continue;
    const typeGraphs = joins.map((d) => graphs.get(argument(d, 'graph') as string)!).filter(Boolean);
    const fields: FieldModel[] = [];
    for (const name of Object.keys(entry.fields)) {
      const def = type.getFields()[name] as GraphQLField<unknown, unknown> | undefined;
      if (!def || name === key || getNamedType(def.type).name.startsWith('Statistics')) continue;
      const joined = (def.astNode?.directives ?? []).filter((d) => d.name.value === 'join__field' && argument(d, 'external') !== true && argument(d, 'graph'));
      const servedBy = joined.length > 0 ? joined.map((d) => graphs.get(argument(d, 'graph') as string)!) : typeGraphs;
      fields.push({ name, servedBy: [...new Set(servedBy)], leaf: isLeafType(getNamedType(def.type)) });
    }
    const statistics = (SUBGRAPHS[owner].statistics ?? []).filter((s) => s.type === typeName && queryFields[`${s.name}Statistics`]);
    models.push({ name: typeName, owner, entity, key, lookup: lookup.name, graphs: [...new Set(typeGraphs)], fields, statistics });
  }
  return { types: models, schema };
}

// ---------------------------------------------------------------------------------------------------------------
// What the databases hold

/** Rows read straight from the owners' tables, by property (the GraphQL field names of stored columns). */
export class World {
  private readonly tables = new Map<string, Row[]>();
  private readonly columns = new Map<string, ReadonlySet<string>>();
  private readonly byKey = new Map<string, Map<string, Row>>();

  constructor(private readonly platform: Platform) {}

  async load(domain: DomainName, entity: EntitySchema<any, any>): Promise<Row[]> {
    const name = entity.meta.className;
    const id = `${domain}.${name}`;
    const cached = this.tables.get(id);
    if (cached) return cached;
    const db = this.platform.subgraphs[domain].db;
    const meta = db.orm.getMetadata().find(name)!;
    const props = meta.props.map((p) => p.name);
    const found = await db.orm.em.fork().find(entity, {}, { disableIdentityMap: true });
    const rows = found.map((e) => Object.freeze(Object.fromEntries(props.map((p) => [p, (e as Record<string, unknown>)[p]]))));
    // In key order, whatever order the database returns them in: the draws must not depend on the driver.
    const keyOf = (r: Row) => meta.primaryKeys.map((k) => String(r[k])).join('\u0000');
    rows.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
    this.tables.set(id, rows);
    this.columns.set(id, new Set(props));
    return rows;
  }

  rows(domain: DomainName, name: string): Row[] {
    const rows = this.tables.get(`${domain}.${name}`);
    if (!rows) throw new Error(`Table ${domain}.${name} was not loaded.`);
    return rows;
  }

  hasColumn(domain: DomainName, name: string, column: string): boolean {
    return this.columns.get(`${domain}.${name}`)?.has(column) ?? false;
  }

  record(type: TypeModel, key: string): Row | undefined {
    let index = this.byKey.get(type.name);
    if (!index) {
      index = new Map(this.rows(type.owner, type.name).map((r) => [String(r[type.key]), r]));
      this.byKey.set(type.name, index);
    }
    return index.get(key);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Who asks, and the one decision

export interface Caller {
  /** null: no token at all (the public). */
  dept: string | null;
  role: string | null;
  region: string | null;
  purpose: string | null;
}

export function principalOf(caller: Caller): Principal {
  if (caller.dept === null) return PUBLIC_PRINCIPAL();
  return { kind: 'government', sub: subOf(caller), dept: caller.dept, roles: caller.role ? [caller.role] : [], region: caller.region, client: null, purpose: caller.purpose };
}

function subOf(caller: Caller): string {
  return `gen-${caller.dept}-${caller.role}-${caller.region ?? 'none'}`;
}

export function claimsOf(caller: Caller): TokenClaims | null {
  if (caller.dept === null) return null;
  return { sub: subOf(caller), dept: caller.dept, roles: caller.role ? [caller.role] : [], ...(caller.region ? { region: caller.region } : {}) };
}

const RANK: Readonly<Record<Expected, number>> = { ABSENT: 0, DENIED: 1, MASKED: 2, FULL: 3 };

export function strictest(...decisions: Expected[]): Expected {
  return decisions.reduce((a, b) => (RANK[b] < RANK[a] ? b : a), 'FULL');
}

export class Oracle {
  private readonly abilities = new Map<string, RequestAbility>();
  private readonly ownerFields = new Map<string, string[]>();

  constructor(
    readonly catalogue: Catalogue,
    readonly policies: readonly RolePolicy[],
    readonly grants: readonly Grant[],
  ) {}

  ability(caller: Caller): RequestAbility {
    const key = JSON.stringify(caller);
    let ability = this.abilities.get(key);
    if (!ability) {
      ability = buildAbility({ principal: principalOf(caller), catalogue: this.catalogue, policies: this.policies, grants: this.grants });
      this.abilities.set(key, ability);
    }
    return ability;
  }

  /** The owner's row scope: the record is visible when some field its owner serves is visible, in full or masked. */
  rowVisible(ability: RequestAbility, type: string, row: Row): boolean {
    let fields = this.ownerFields.get(type);
    if (!fields) {
      const t = this.catalogue[type]!;
      fields = Object.entries(t.fields).filter(([, e]) => e.owner === t.owner).map(([f]) => f);
      this.ownerFields.set(type, fields);
    }
    return fields.some((f) => fieldDecision(ability, type, f, row) !== 'DENIED');
  }

  expect(ability: RequestAbility, type: string, field: string, row: Row): Expected {
    return this.rowVisible(ability, type, row) ? fieldDecision(ability, type, field, row) : 'ABSENT';
  }

  /** Why, for a failure message: the deciding rule, grant or catalogue default. */
  why(ability: RequestAbility, type: string, field: string, row: Row): string {
    if (!this.rowVisible(ability, type, row)) return `the owner's row scope hides this ${type} from the caller`;
    const e = explainField(ability, type, field, row);
    return `${e.reason}${e.source ? ` [${e.source.kind} ${e.source.id}]` : ''}`;
  }

  /** Whether any rule could let the caller act on the field for some record (filters and statistics refuse otherwise). */
  possible(ability: RequestAbility, action: 'read' | 'aggregate', type: string, field: string): boolean {
    return rowFilter(ability, action, type, undefined, { fields: [field] }).kind !== 'none';
  }

  aggregates(ability: RequestAbility, type: string, fields: readonly string[], row: Row): boolean {
    return fields.every((f) => allows(ability, 'aggregate', type, f, row));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Derived values and paths declared per domain

/** One part of a derived field (a credit factor): what it is computed from, its stored value, what would betray it. */
export interface DerivedPart {
  name: string;
  /** Fields of the same type the part is computed from. */
  sources: readonly string[];
  value: unknown;
  /** Text that must not appear in an answer to a caller who may not read the part. */
  secrets: readonly string[];
}

/** A field whose value is computed from other fields (test/support/credit-factors.ts). */
export interface DerivedField {
  type: string;
  field: string;
  /** The selection asking for the field with its parts. */
  selection: string;
  parts(row: Row): DerivedPart[];
  /** The parts in an answer, by name; null when the answer holds no value. */
  answered(value: unknown): Map<string, { value: unknown; texts: readonly unknown[] }> | null;
}

/** A way to reach a record of `target` from a record of `outer`, served by another subgraph. */
export interface NestedLink {
  target: string;
  outer: string;
  field: string;
  /** Keys of the outer records that link to this target record. */
  outerKeys(row: Row, world: World): string[];
}

/** A list filter argument, the fields it reads (each must be readable in full) and what it selects. */
export interface FilterSpec {
  arg: string;
  reads: readonly string[];
  /** Fields of child types the filter reads too (a chronic condition's code): never readable in full means refused. */
  childReads?: readonly { type: string; field: string }[];
  /** The argument value that selects this record, or undefined when the record offers none. */
  value(row: Row, world: World): unknown;
  matches(row: Row, value: unknown, context: { world: World; oracle: Oracle; ability: RequestAbility }): boolean;
}

export interface ListSpec {
  type: string;
  /** The connection query, e.g. persons. */
  field: string;
  filters: readonly FilterSpec[];
}

/** A row is in the region `code` selects (a province by prefix, a city by its city code, a county exactly). */
export function inRegionCode(rowRegion: unknown, code: string): boolean {
  if (typeof rowRegion !== 'string') return false;
  const scope = regionScope(code);
  if (scope.level === 'province') return rowRegion.startsWith(scope.prefix);
  if (scope.level === 'city') return cityCodeOf(rowRegion) === scope.code;
  return rowRegion === scope.code;
}

// ---------------------------------------------------------------------------------------------------------------
// Checking answers

export interface Case {
  caller: Caller;
  type: string;
  fields: string[];
  /** Keys of the records asked for. */
  records: string[];
  /** The statistics dimension grouped by besides the county, when the type has statistics. */
  dimension: string | null;
}

export type PathKind = 'root' | 'nested' | 'entities' | 'list' | 'filters' | 'statistics';

export interface Violation {
  path: string;
  message: string;
}

/** A violation's class, for grouping many of them: the path family, the field, the expectation, what went wrong. */
export function violationKind(v: Violation): string {
  const family = v.path.split(' ')[0];
  const field = /^(\w+\.\w+)/.exec(v.message)?.[1] ?? '';
  const expected = /expected (\w+)/.exec(v.message)?.[1] ?? '';
  const what =
    /(the record is missing|got an error|got null without a FORBIDDEN error|answered no connection|appears in the answer|should be refused|counts rows|leaves out|returns rows|is hidden|should reach|should be listed|totalCount is|is published as|no such part|but got)/.exec(v.message)?.[1] ?? '';
  return [family, field, expected, what].filter(Boolean).join(' | ');
}

export interface Model {
  platform: Platform;
  /** The composed supergraph (argument types of lists). */
  schema: GraphQLSchema;
  types: ReadonlyMap<string, TypeModel>;
  world: World;
  oracle: Oracle;
  derived: readonly DerivedField[];
  links: readonly NestedLink[];
  lists: readonly ListSpec[];
}

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 120 ? `${s.slice(0, 117)}...` : s;
};

function samePath(a: readonly (string | number)[] | undefined, b: readonly (string | number)[]): boolean {
  return !!a && a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameValue(answer: unknown, stored: unknown): boolean {
  if (answer === stored) return true;
  if (answer === null || answer === undefined || stored === null || stored === undefined) return (answer ?? null) === (stored ?? null);
  if (typeof answer === 'number' && (typeof stored === 'number' || typeof stored === 'string' || typeof stored === 'bigint')) {
    // PostgreSQL hands decimals and big integers to the driver as text.
    return Math.abs(answer - Number(stored)) < 1e-6;
  }
  if (stored instanceof Date) return typeof answer === 'string' && (answer === stored.toISOString() || answer === stored.toISOString().slice(0, 10));
  if (typeof stored === 'string' && typeof answer === 'object') {
    try {
      return sameValue(answer, JSON.parse(stored));
    } catch {
      return false;
    }
  }
  if (Array.isArray(answer) && Array.isArray(stored)) return answer.length === stored.length && answer.every((a, i) => sameValue(a, stored[i]));
  if (typeof answer === 'object' && typeof stored === 'object') {
    const keys = new Set([...Object.keys(answer as object), ...Object.keys(stored as object)]);
    return [...keys].every((k) => sameValue((answer as Record<string, unknown>)[k], (stored as Record<string, unknown>)[k]));
  }
  return false;
}

/** Text of a stored value that would identify it in an answer: long enough not to occur by chance. */
function distinctive(value: unknown): string[] {
  if (typeof value === 'string') return value.length >= 6 ? [JSON.stringify(value).slice(1, -1)] : [];
  if (typeof value === 'number') return String(value).replace('-', '').length >= 6 ? [String(value)] : [];
  if (Array.isArray(value)) return value.flatMap(distinctive);
  return [];
}

/** What one answer is checked with: the violations found, and the texts it may and may not contain. */
class AnswerCheck {
  readonly secrets: { text: string; label: string }[] = [];
  /** Values the caller may see in full (and the keys it sent): a secret inside one of them is no leak. */
  readonly allowed: string[] = [];

  constructor(
    private readonly label: string,
    private readonly response: GraphQLResponse,
    private readonly out: Violation[],
  ) {}

  fail(at: (string | number)[], message: string): void {
    this.out.push({ path: `${this.label} ${at.join('.')}`, message });
  }

  /** The answer's first error, to explain a missing record. */
  firstError(): string {
    const e = this.response.errors?.[0];
    return e ? ` (the answer's first error: ${String(e.extensions?.code)} at ${(e.path ?? []).join('.')}: ${e.message.slice(0, 160)})` : '';
  }

  errorsAt(at: readonly (string | number)[]): GqlError[] {
    return (this.response.errors ?? []).filter((e) => samePath(e.path, at));
  }

  secret(value: unknown, label: string): void {
    for (const text of distinctive(value)) this.secrets.push({ text, label });
  }

  allow(value: unknown): void {
    for (const text of distinctive(value)) this.allowed.push(text);
    if (typeof value === 'string') this.allowed.push(JSON.stringify(value).slice(1, -1));
  }

  /** The raw values the caller may not see appear nowhere in the answer, errors included. */
  finish(): void {
    const text = JSON.stringify({ data: this.response.data ?? null, errors: this.response.errors ?? [] });
    for (const { text: secret, label } of this.secrets) {
      if (text.includes(secret) && !this.allowed.some((a) => a.includes(secret))) {
        this.out.push({ path: this.label, message: `the raw value of ${label} (${show(secret)}) appears in the answer` });
      }
    }
  }
}

export class Checker {
  constructor(private readonly model: Model) {}

  private type(name: string): TypeModel {
    const t = this.model.types.get(name);
    if (!t) throw new Error(`No model of type ${name}.`);
    return t;
  }

  private derivedOf(type: string, field: string): DerivedField | undefined {
    return this.model.derived.find((d) => d.type === type && d.field === field);
  }

  private selection(type: string, field: FieldModel): string {
    const derived = this.derivedOf(type, field.name);
    if (derived) return derived.selection;
    return field.leaf ? field.name : `${field.name} { __typename }`;
  }

  private stored(type: TypeModel, field: string, row: Row): { comparable: boolean; value: unknown } {
    const f = type.fields.find((x) => x.name === field);
    if (!f?.leaf || !this.model.world.hasColumn(type.owner, type.name, field)) return { comparable: false, value: undefined };
    return { comparable: true, value: row[field] ?? null };
  }

  /**
   * One field of one record in an answer. `holder` is the object that should carry the field (null or undefined
   * when the record is absent from the answer).
   */
  private checkField(check: AnswerCheck, ability: RequestAbility, type: TypeModel, field: FieldModel, row: Row, holder: unknown, at: (string | number)[]): void {
    const { oracle } = this.model;
    const expected = oracle.expect(ability, type.name, field.name, row);
    const present = holder !== null && holder !== undefined && typeof holder === 'object';
    const value = present ? (holder as Record<string, unknown>)[field.name] : undefined;
    const errors = check.errorsAt(at);
    const { comparable, value: stored } = this.stored(type, field.name, row);
    const entry = oracle.catalogue[type.name]!.fields[field.name]!;
    const where = `${type.name}.${field.name} of ${type.name} ${String(row[type.key])}`;
    const fail = (message: string) => check.fail(at, `${where}: expected ${expected} (${oracle.why(ability, type.name, field.name, row)}), ${message}`);
    switch (expected) {
      case 'FULL':
        if (!present) fail(`but the record is missing from the answer${check.firstError()}`);
        else if (errors.length > 0) fail(`but got an error: ${errors.map((e) => `${String(e.extensions?.code)} ${e.message}`).join('; ')}`);
        else if (value === undefined) fail('but the field is missing');
        else if (comparable && !sameValue(value, stored)) fail(`but got ${show(value)} where the owner stores ${show(stored)}`);
        if (present) check.allow(value);
        break;
      case 'MASKED': {
        if (comparable) check.secret(stored, where);
        if (!present) fail(`but the record is missing from the answer${check.firstError()}`);
        else if (errors.length > 0) fail(`but got an error: ${errors.map((e) => `${String(e.extensions?.code)} ${e.message}`).join('; ')}`);
        else if (comparable && !sameValue(value, maskValue(entry.mask, stored))) fail(`but got ${show(value)}, not the ${entry.mask} mask of the stored value`);
        break;
      }
      case 'DENIED':
        if (comparable) check.secret(stored, where);
        if (present && value !== null && value !== undefined) fail(`but got ${show(value)}`);
        else if (present && !errors.some((e) => e.extensions?.code === 'FORBIDDEN')) fail('but got null without a FORBIDDEN error at its path');
        break;
      case 'ABSENT':
        if (comparable) check.secret(stored, where);
        if (present && value !== null && value !== undefined) fail(`but got ${show(value)}`);
        break;
    }
    const derived = this.derivedChecks ? this.derivedOf(type.name, field.name) : undefined;
    if (derived) this.checkDerived(check, ability, type, derived, row, expected, present && value !== undefined ? value : null, at);
  }

  /** A record the answer does not (or must not) show: only what it must not betray is noted. */
  private secretsOf(check: AnswerCheck, ability: RequestAbility, type: TypeModel, field: FieldModel, row: Row): void {
    const { oracle } = this.model;
    const expected = oracle.expect(ability, type.name, field.name, row);
    const { comparable, value: stored } = this.stored(type, field.name, row);
    const where = `${type.name}.${field.name} of ${type.name} ${String(row[type.key])}`;
    if (expected !== 'FULL' && comparable) check.secret(stored, where);
    const derived = this.derivedChecks ? this.derivedOf(type.name, field.name) : undefined;
    if (derived) {
      for (const part of derived.parts(row)) {
        const e = strictest(expected, ...part.sources.map((s) => oracle.expect(ability, type.name, s, row)));
        if (e !== 'FULL') for (const t of part.secrets) check.secret(t, `${type.name}.${derived.field} ${part.name} of ${type.name} ${String(row[type.key])}`);
      }
    }
  }

  /** Each part of a derived value: decided as the strictest of the field's own decision and its sources'. */
  private checkDerived(check: AnswerCheck, ability: RequestAbility, type: TypeModel, derived: DerivedField, row: Row, own: Expected, value: unknown, at: (string | number)[]): void {
    const { oracle } = this.model;
    const answered = derived.answered(value);
    for (const part of derived.parts(row)) {
      const expected = strictest(own, ...part.sources.map((s) => oracle.expect(ability, type.name, s, row)));
      const got = answered?.get(part.name);
      const label = `${type.name}.${derived.field} ${part.name} of ${type.name} ${String(row[type.key])}`;
      const why = part.sources.map((s) => `${s}: ${oracle.expect(ability, type.name, s, row)} (${oracle.why(ability, type.name, s, row)})`).join('; ');
      if (expected === 'FULL') {
        if (answered && !got) check.fail(at, `${label}: expected FULL, but the answer has no such part`);
        else if (got && !sameValue(got.value, part.value)) check.fail(at, `${label}: expected ${show(part.value)}, got ${show(got.value)}`);
        for (const t of got?.texts ?? []) check.allow(t);
      } else {
        for (const s of part.secrets) check.secret(s, label);
        if (got && got.texts.some((t) => t !== null && t !== undefined)) {
          check.fail(at, `${label}: expected ${expected} (derived from ${why}), but got ${show(got.texts)}`);
        }
      }
    }
  }

  private record(type: TypeModel, key: string): Row {
    const row = this.model.world.record(type, key);
    if (!row) throw new Error(`No ${type.name} ${key} in the world.`);
    return row;
  }

  private async send(c: Case, url: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
    return postGraphQL(url, query, variables, await this.headers(c.caller));
  }

  private readonly headerCache = new Map<string, Record<string, string>>();

  private async headers(caller: Caller): Promise<Record<string, string>> {
    const key = JSON.stringify(caller);
    let headers = this.headerCache.get(key);
    if (!headers) {
      const claims = claimsOf(caller);
      headers = claims ? await this.model.platform.as(claims, caller.purpose ?? undefined) : {};
      this.headerCache.set(key, headers);
    }
    return headers;
  }

  private derivedChecks = false;

  /** The given paths for one case; resolves to the violations found. `derived` checks derived values part by part. */
  async run(c: Case, paths: readonly PathKind[], options: { derived?: boolean } = {}): Promise<Violation[]> {
    const out: Violation[] = [];
    const type = this.type(c.type);
    const fields = type.fields.filter((f) => c.fields.includes(f.name));
    const rows = c.records.map((k) => this.record(type, k));
    const ability = this.model.oracle.ability(c.caller);
    this.derivedChecks = options.derived ?? false;
    if (paths.includes('root')) await this.root(c, out, ability, type, fields, rows);
    if (paths.includes('nested')) await this.nested(c, out, ability, type, fields, rows);
    if (paths.includes('entities')) await this.entities(c, out, ability, type, fields, rows);
    if (paths.includes('list')) await this.list(c, out, ability, type, fields, rows);
    if (paths.includes('filters')) await this.filters(c, out, ability, type, rows);
    if (paths.includes('statistics')) await this.statistics(c, out, ability, type);
    return out;
  }

  private keyLiteral(type: TypeModel, row: Row): string {
    return JSON.stringify(String(row[type.key]));
  }

  /** (a) The root lookup through the gateway. A hidden record is null with no error, like a missing one. */
  private async root(c: Case, out: Violation[], ability: RequestAbility, type: TypeModel, fields: FieldModel[], rows: Row[]): Promise<void> {
    const select = ['__typename', ...fields.map((f) => this.selection(type.name, f))].join(' ');
    const query = `{ ${rows.map((r, i) => `r${i}: ${type.lookup}(${type.key}: ${this.keyLiteral(type, r)}) { ${select} }`).join(' ')} }`;
    const response = await this.send(c, this.model.platform.gateway.url, query);
    const check = new AnswerCheck('root', response, out);
    rows.forEach((row, i) => {
      const alias = `r${i}`;
      check.allow(String(row[type.key]));
      const holder = (response.data as Record<string, unknown> | undefined)?.[alias];
      if (!this.model.oracle.rowVisible(ability, type.name, row)) {
        if (holder !== null) check.fail([alias], `${type.name} ${String(row[type.key])} is hidden from the caller by its owner's row scope, but ${type.lookup}() answered ${show(holder)}`);
        if (check.errorsAt([alias]).length > 0) check.fail([alias], `${type.name} ${String(row[type.key])}: a hidden record must look missing, but ${type.lookup}() answered an error`);
      }
      for (const f of fields) this.checkField(check, ability, type, f, row, holder, [alias, f.name]);
    });
    check.finish();
  }

  /** (b) Through another domain: the record reached from an outer record of another type (Person -> credit). */
  private async nested(c: Case, out: Violation[], ability: RequestAbility, type: TypeModel, fields: FieldModel[], rows: Row[]): Promise<void> {
    const { world, oracle } = this.model;
    const parts: { alias: string; link: NestedLink; outer: TypeModel; outerRow: Row; row: Row }[] = [];
    this.model.links.forEach((link, l) => {
      if (link.target !== type.name) return;
      const outer = this.type(link.outer);
      rows.forEach((row, i) => {
        const key = link.outerKeys(row, world)[0];
        const outerRow = key === undefined ? undefined : world.record(outer, key);
        if (outerRow) parts.push({ alias: `n${l}_${i}`, link, outer, outerRow, row });
      });
    });
    if (parts.length === 0) return;
    const select = ['__typename', type.key, ...fields.map((f) => this.selection(type.name, f))].join(' ');
    const query = `{ ${parts.map((p) => `${p.alias}: ${p.outer.lookup}(${p.outer.key}: ${this.keyLiteral(p.outer, p.outerRow)}) { __typename ${p.link.field} { ${select} } }`).join(' ')} }`;
    const response = await this.send(c, this.model.platform.gateway.url, query);
    const check = new AnswerCheck('nested', response, out);
    for (const p of parts) {
      check.allow(String(p.outerRow[p.outer.key]));
      check.allow(String(p.row[type.key]));
      const outerHolder = (response.data as Record<string, unknown> | undefined)?.[p.alias];
      const linkField = p.outer.fields.find((f) => f.name === p.link.field)!;
      // The link is itself a field of the outer record, decided like any other.
      this.checkField(check, ability, p.outer, linkField, p.outerRow, outerHolder, [p.alias, p.link.field]);
      const hop = oracle.expect(ability, p.outer.name, p.link.field, p.outerRow);
      const linked = outerHolder && typeof outerHolder === 'object' ? (outerHolder as Record<string, unknown>)[p.link.field] : undefined;
      const visible = oracle.rowVisible(ability, type.name, p.row);
      const at: (string | number)[] = [p.alias, p.link.field];
      if (hop !== 'FULL') {
        // The link itself is not readable (checked above): nothing of the target may come through it.
        for (const f of fields) this.secretsOf(check, ability, type, f, p.row);
        continue;
      }
      if (Array.isArray(linked)) {
        const index = linked.findIndex((o) => o && (o as Record<string, unknown>)[type.key] === p.row[type.key]);
        if (index < 0) {
          if (visible && oracle.expect(ability, type.name, type.key, p.row) === 'FULL') {
            check.fail(at, `${type.name} ${String(p.row[type.key])} should be listed in ${p.outer.name}.${p.link.field} of ${p.outer.name} ${String(p.outerRow[p.outer.key])}, but is not`);
          }
          // An unidentified row cannot be checked field by field; its secrets still are.
          for (const f of fields) this.secretsOf(check, ability, type, f, p.row);
          continue;
        }
        if (!visible) check.fail(at, `${type.name} ${String(p.row[type.key])} is hidden from the caller, but ${p.outer.name}.${p.link.field} lists it`);
        for (const f of fields) this.checkField(check, ability, type, f, p.row, linked[index], [...at, index, f.name]);
      } else {
        if (visible && (linked === null || linked === undefined)) {
          check.fail(at, `${p.outer.name}.${p.link.field} of ${p.outer.name} ${String(p.outerRow[p.outer.key])} should reach ${type.name} ${String(p.row[type.key])}, but is ${show(linked)}${check.firstError()}`);
        }
        for (const f of fields) this.checkField(check, ability, type, f, p.row, linked, [...at, f.name]);
      }
    }
    check.finish();
  }

  /**
   * (c) `_entities` sent straight to every subgraph that resolves the fields asked for: once with the key alone, and
   * once with the record's region columns forged into the caller's area, since a representation is the caller's word
   * and must decide nothing.
   */
  private async entities(c: Case, out: Violation[], ability: RequestAbility, type: TypeModel, fields: FieldModel[], rows: Row[]): Promise<void> {
    const { oracle, platform } = this.model;
    const subgraphs = [...new Set(fields.flatMap((f) => f.servedBy))];
    const forged = forgedRegionFields(oracle.catalogue, ability, type.name, c.caller.region ?? '460100');
    for (const subgraph of subgraphs) {
      const served = fields.filter((f) => f.servedBy.includes(subgraph));
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ${type.name} { ${served.map((f) => this.selection(type.name, f)).join(' ')} } } }`;
      const variants: [string, Record<string, unknown>][] = [['', {}]];
      if (Object.keys(forged).length > 0) variants.push([' (forged representation)', forged]);
      for (const [suffix, extra] of variants) {
        const representations = rows.map((r) => ({ ...extra, __typename: type.name, [type.key]: r[type.key] }));
        const response = await this.send(c, platform.subgraphs[subgraph].url, query, { r: representations });
        const check = new AnswerCheck(`_entities@${subgraph}${suffix}`, response, out);
        for (const value of Object.values(extra)) check.allow(value);
        const entities = ((response.data as { _entities?: unknown[] } | undefined)?._entities ?? []) as unknown[];
        rows.forEach((row, i) => {
          check.allow(String(row[type.key]));
          const holder = entities[i];
          if (subgraph === type.owner && !oracle.rowVisible(ability, type.name, row) && holder !== null && holder !== undefined) {
            check.fail(['_entities', i], `${type.name} ${String(row[type.key])} is hidden from the caller by its owner's row scope, but its owner answered ${show(holder)}`);
          }
          for (const f of served) this.checkField(check, ability, type, f, row, holder, ['_entities', i, f.name]);
        });
        check.finish();
      }
    }
  }

  private listOf(type: TypeModel): ListSpec | undefined {
    return this.model.lists.find((l) => l.type === type.name);
  }

  /** (e) The type's list: exactly the visible rows, counted by totalCount, each node's fields decided like the record's. */
  private async list(c: Case, out: Violation[], ability: RequestAbility, type: TypeModel, fields: FieldModel[], rows: Row[]): Promise<void> {
    const spec = this.listOf(type);
    if (!spec) return;
    const { oracle, world } = this.model;
    const all = world.rows(type.owner, type.name);
    const visible = all.filter((r) => oracle.rowVisible(ability, type.name, r));
    const select = ['__typename', type.key, ...fields.map((f) => this.selection(type.name, f))].join(' ');
    const response = await this.send(c, this.model.platform.gateway.url, `{ l: ${spec.field}(first: 500) { totalCount edges { node { ${select} } } } }`);
    const check = new AnswerCheck('list', response, out);
    const connection = (response.data as { l?: { totalCount: number; edges: { node: Record<string, unknown> | null }[] } } | undefined)?.l;
    if (!connection) {
      check.fail(['l'], `${spec.field} answered no connection: ${show(response.errors)}`);
      return;
    }
    if (connection.totalCount !== visible.length) check.fail(['l', 'totalCount'], `${spec.field}.totalCount is ${connection.totalCount}, but the caller may see ${visible.length} rows`);
    const visibleKeys = new Set(visible.map((r) => String(r[type.key])));
    const drawn = new Set(rows.map((r) => String(r[type.key])));
    connection.edges.forEach((edge, j) => {
      const key = edge.node?.[type.key];
      if (typeof key !== 'string' && typeof key !== 'number') return;
      check.allow(String(key));
      const row = world.record(type, String(key));
      if (!row || !visibleKeys.has(String(key))) {
        check.fail(['l', 'edges', j], `${spec.field} lists ${type.name} ${String(key)}, which the caller may not see`);
        return;
      }
      for (const f of fields) this.checkField(check, ability, type, f, row, edge.node, ['l', 'edges', j, 'node', f.name]);
      drawn.delete(String(key));
    });
    // Drawn records not on the page: hidden ones must not have leaked anywhere in it either.
    for (const row of rows) {
      if (drawn.has(String(row[type.key]))) for (const f of fields) this.secretsOf(check, ability, type, f, row);
    }
    if (visible.length <= 500 && visible.every((r) => oracle.expect(ability, type.name, type.key, r) === 'FULL')) {
      const listed = new Set(connection.edges.map((e) => String(e.node?.[type.key])));
      const missing = [...visibleKeys].filter((k) => !listed.has(k));
      if (missing.length > 0) check.fail(['l', 'edges'], `${spec.field} leaves out ${missing.length} visible rows, e.g. ${missing.slice(0, 3).join(', ')}`);
    }
    check.finish();
  }

  /** (d) Each filter of the list, with the drawn records' values: only rows whose filtered fields the caller reads in full. */
  private async filters(c: Case, out: Violation[], ability: RequestAbility, type: TypeModel, rows: Row[]): Promise<void> {
    const spec = this.listOf(type);
    if (!spec) return;
    const { oracle, world } = this.model;
    const all = world.rows(type.owner, type.name);
    const context = { world, oracle, ability };
    const filterType = this.model.schema.getQueryType()!.getFields()[spec.field]!.args.find((a) => a.name === 'filter')!.type.toString();
    const allowedParts: { alias: string; filter: FilterSpec; value: unknown; expected: Row[] }[] = [];
    for (const [j, filter] of spec.filters.entries()) {
      const row = rows[j % rows.length]!;
      const value = filter.value(row, world);
      if (value === undefined) continue;
      const alias = `f${j}`;
      const variables = { f: { [filter.arg]: value } };
      const possible = filter.reads.every((f) => oracle.possible(ability, 'read', type.name, f)) && (filter.childReads ?? []).every((r) => oracle.possible(ability, 'read', r.type, r.field));
      if (!possible) {
        // A filter on a field the caller can never read in full is refused, saying no more than selecting it would.
        const response = await this.send(c, this.model.platform.gateway.url, `query($f: ${filterType}) { ${alias}: ${spec.field}(first: 500, filter: $f) { totalCount } }`, variables);
        const check = new AnswerCheck(`filter ${filter.arg}`, response, out);
        const refused = (response.errors ?? []).some((e) => e.extensions?.code === 'FORBIDDEN');
        const data = (response.data as Record<string, unknown> | null | undefined)?.[alias];
        if (!refused || (data !== null && data !== undefined)) check.fail([alias], `a filter on ${filter.reads.join(', ')} should be refused with FORBIDDEN, but got ${show(response.data)} ${show(response.errors)}`);
        continue;
      }
      const expected = all.filter((r) => oracle.rowVisible(ability, type.name, r) && filter.reads.every((f) => fieldDecision(ability, type.name, f, r) === 'FULL') && filter.matches(r, value, context));
      allowedParts.push({ alias, filter, value, expected });
    }
    if (allowedParts.length === 0) return;
    const query = `query(${allowedParts.map((p) => `$${p.alias}: ${filterType}`).join(', ')}) { ${allowedParts
      .map((p) => `${p.alias}: ${spec.field}(first: 500, filter: $${p.alias}) { totalCount edges { node { ${type.key} } } }`)
      .join(' ')} }`;
    const response = await this.send(c, this.model.platform.gateway.url, query, Object.fromEntries(allowedParts.map((p) => [p.alias, { [p.filter.arg]: p.value }])));
    const check = new AnswerCheck('filters', response, out);
    for (const p of allowedParts) {
      const connection = (response.data as Record<string, { totalCount: number; edges: { node: Record<string, unknown> | null }[] } | null> | undefined)?.[p.alias];
      const label = `filter { ${p.filter.arg}: ${show(p.value)} }`;
      if (!connection) {
        check.fail([p.alias], `${label} answered no connection: ${show(response.errors)}`);
        continue;
      }
      if (connection.totalCount !== p.expected.length) {
        check.fail([p.alias, 'totalCount'], `${label}: totalCount is ${connection.totalCount}, but ${p.expected.length} rows match among those whose ${p.filter.reads.join(', ')} the caller reads in full`);
      }
      const expectedKeys = new Set(p.expected.map((r) => String(r[type.key])));
      const extra = connection.edges.map((e) => e.node?.[type.key]).filter((k) => (typeof k === 'string' || typeof k === 'number') && !expectedKeys.has(String(k)));
      if (extra.length > 0) check.fail([p.alias, 'edges'], `${label} returns rows it must not touch, e.g. ${extra.slice(0, 3).map(String).join(', ')}`);
    }
    check.finish();
  }

  /** (f) Statistics by county and the drawn dimension: only rows the caller may aggregate are counted. */
  private async statistics(c: Case, out: Violation[], ability: RequestAbility, type: TypeModel): Promise<void> {
    const definition = type.statistics[0];
    if (!definition) return;
    const { oracle, world } = this.model;
    const county = Object.entries(definition.scopeDimensions ?? {}).find(([, d]) => d === 'COUNTY')?.[0];
    if (!county || !definition.dimensions.COUNTY) return;
    const groupBy = ['COUNTY', ...(c.dimension && c.dimension in definition.dimensions ? [c.dimension] : [])];
    const reads = [...new Set(groupBy.flatMap((d) => definition.dimensions[d]!.fields))];
    const response = await this.send(c, this.model.platform.gateway.url, `{ s: ${definition.name}Statistics(groupBy: [${groupBy.join(', ')}]) { cells { keys value suppressed } } }`);
    const check = new AnswerCheck(`statistics ${definition.name}(${groupBy.join(', ')})`, response, out);
    const forbidden = reads.filter((f) => !oracle.possible(ability, 'aggregate', type.name, f));
    const table = (response.data as { s?: { cells: { keys: (string | null)[]; value: number | null; suppressed: boolean }[] } | null } | undefined)?.s;
    if (forbidden.length > 0) {
      if (table || !(response.errors ?? []).some((e) => e.extensions?.code === 'FORBIDDEN')) {
        check.fail(['s'], `the caller may not aggregate ${forbidden.join(', ')}, so the statistics must be refused with FORBIDDEN, but got ${show(response.data)} ${show(response.errors)}`);
      }
      return;
    }
    if (!table) {
      check.fail(['s'], `the caller may aggregate ${reads.join(', ')}, but got no table: ${show(response.errors)}`);
      return;
    }
    const inScope = world.rows(type.owner, type.name).filter((r) => oracle.aggregates(ability, type.name, reads, r));
    const byCounty = new Map<string, number>();
    for (const r of inScope) byCounty.set(String(r[county]), (byCounty.get(String(r[county])) ?? 0) + 1);
    for (const cell of table.cells) {
      const [code, ...rest] = cell.keys;
      const margin = rest.every((k) => k === null);
      if (code !== null && code !== undefined) {
        const n = byCounty.get(code) ?? 0;
        if (n === 0) check.fail(['s', 'cells'], `a cell for county ${code} counts rows the caller may not aggregate (none in scope there): ${show(cell)}`);
        else if (margin && !cell.suppressed && cell.value !== null && Math.abs(cell.value - n) > 2) {
          check.fail(['s', 'cells'], `county ${code} is published as ${cell.value}, but the caller may aggregate ${n} rows there (noise is at most 2)`);
        }
      } else if (margin && !cell.suppressed && cell.value !== null && Math.abs(cell.value - inScope.length) > 2) {
        check.fail(['s', 'cells'], `the total is published as ${cell.value}, but the caller may aggregate ${inScope.length} rows (noise is at most 2)`);
      }
    }
    check.finish();
  }
}

/**
 * The region columns the caller's rules on a type look at (police-own-area, region-limited grants), each set to the
 * caller's own area: what a representation would claim to pass those rules.
 */
export function forgedRegionFields(catalogue: Catalogue, ability: RequestAbility, type: string, region: string): Record<string, string> {
  const regionField = catalogue[type]?.regionField;
  const fields = conditionFields(ability, type).filter((f) => f === regionField || /regionCode$/i.test(f));
  return Object.fromEntries(fields.map((f) => [f, region]));
}

/** The regions callers are drawn with: none, the province, two cities and a county that has records. */
export function regionCodesFor(persons: readonly Row[]): (string | null)[] {
  const counts = new Map<string, number>();
  for (const p of persons) {
    const code = String(p.hukouRegionCode);
    if (code.startsWith('4690')) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const county = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '469002';
  return [null, '460000', '460100', '460200', county];
}

/** Records of a type inside and outside a caller's region (by the type's catalogued region field). */
export function splitByRegion(rows: readonly Row[], regionField: string | undefined, region: string | null): { inside: Row[]; outside: Row[] } {
  if (!regionField || region === null) return { inside: [...rows], outside: [...rows] };
  const prefix = regionPrefix(region);
  const inside = rows.filter((r) => String(r[regionField]).startsWith(prefix));
  const outside = rows.filter((r) => !String(r[regionField]).startsWith(prefix));
  return { inside: inside.length > 0 ? inside : [...rows], outside: outside.length > 0 ? outside : [...rows] };
}
