// The small condition language policies may use, a safe subset of Mongo queries:
// $eq $ne $in $nin $lt $lte $gt $gte, $like (prefix only), $and $or $not, on top-level fields.
//
// Why our own instead of CASL's mongo matcher: CASL 7's matcher does not know $and/$or/$not and silently
// reads them as *field names*, so an inverted rule written with $or never matches and grants access.
// Parsing once into this AST lets the in-memory matcher and the SQL translator (row-filter.ts) share one
// meaning, including SQL's three-valued logic for NULL, so the two can never disagree.
import { PolicyError } from './errors';

export type Scalar = string | number | boolean | null;

export type ConditionNode =
  | { readonly op: 'and' | 'or'; readonly items: readonly ConditionNode[] }
  | { readonly op: 'not'; readonly item: ConditionNode }
  | { readonly op: 'eq' | 'ne'; readonly field: string; readonly value: Scalar }
  | { readonly op: 'lt' | 'lte' | 'gt' | 'gte'; readonly field: string; readonly value: string | number }
  | { readonly op: 'in' | 'nin'; readonly field: string; readonly values: readonly (string | number | boolean)[] }
  | { readonly op: 'like'; readonly field: string; readonly prefix: string };

/** Caller attributes a policy may reference as `${principal.NAME}`. */
export const PLACEHOLDERS = ['region', 'regionPrefix', 'dept', 'sub'] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Readonly<Record<PlaceholderName, string | null>>;

/** A string whose value depends on the caller; `parts` alternate literal text and placeholder names. */
interface Template {
  readonly template: true;
  readonly parts: readonly (string | { readonly name: PlaceholderName })[];
}

type TValue<T> = T | Template;

/** The parsed, not yet bound form of a policy condition: like ConditionNode but values may be templates. */
export type ConditionTemplate =
  | { readonly op: 'and' | 'or'; readonly items: readonly ConditionTemplate[] }
  | { readonly op: 'not'; readonly item: ConditionTemplate }
  | { readonly op: 'eq' | 'ne'; readonly field: string; readonly value: TValue<Scalar> }
  | { readonly op: 'lt' | 'lte' | 'gt' | 'gte'; readonly field: string; readonly value: TValue<string | number> }
  | { readonly op: 'in' | 'nin'; readonly field: string; readonly values: readonly TValue<string | number | boolean>[] }
  | { readonly op: 'like'; readonly field: string; readonly prefix: TValue<string> };

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLACEHOLDER = /\$\{([^}]*)\}/g;
const COMPARISONS = { $lt: 'lt', $lte: 'lte', $gt: 'gt', $gte: 'gte' } as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function parseString(value: string, where: string): TValue<string> {
  if (!value.includes('${')) return value;
  const parts: (string | { name: PlaceholderName })[] = [];
  let last = 0;
  for (const match of value.matchAll(PLACEHOLDER)) {
    const inner = match[1] ?? '';
    const name = inner.startsWith('principal.') ? inner.slice('principal.'.length) : '';
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      throw new PolicyError(
        `${where} uses the unknown placeholder \${${inner}}; known placeholders are ${PLACEHOLDERS.map((p) => `\${principal.${p}}`).join(', ')}.`,
      );
    }
    parts.push(value.slice(last, match.index), { name: name as PlaceholderName });
    last = (match.index ?? 0) + match[0].length;
  }
  const rest = value.slice(last);
  if (rest.includes('${')) throw new PolicyError(`${where} has an unterminated placeholder.`);
  parts.push(rest);
  return { template: true, parts: parts.filter((p) => p !== '') };
}

function parseScalar(value: unknown, where: string, allowNull: boolean): TValue<Scalar> {
  if (value === null) {
    if (!allowNull) throw new PolicyError(`${where} compares with null, which only $eq and $ne support.`);
    return null;
  }
  if (typeof value === 'string') return parseString(value, where);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new PolicyError(`${where} uses a number that is not finite.`);
    return value;
  }
  if (typeof value === 'boolean') return value;
  throw new PolicyError(`${where} uses a value that is not a string, number, boolean or null.`);
}

/** A $like pattern must be a literal prefix followed by one `%`, with no case-sensitive letters
 *  (SQLite's LIKE ignores ASCII case, Postgres' does not, JavaScript's startsWith does not). */
function checkLikePrefix(prefix: string, where: string): void {
  if (/[%_\\]/.test(prefix) || prefix.toLowerCase() !== prefix.toUpperCase()) {
    throw new PolicyError(`${where} uses a $like pattern that is not a case-free literal prefix followed by %.`);
  }
}

function parseLike(value: unknown, where: string): TValue<string> {
  if (typeof value !== 'string' || !value.endsWith('%')) {
    throw new PolicyError(`${where} uses $like with something other than a prefix pattern ending in %.`);
  }
  const prefix = parseString(value.slice(0, -1), where);
  if (typeof prefix === 'string') checkLikePrefix(prefix, where);
  return prefix;
}

function parseFieldOperators(field: string, ops: Record<string, unknown>, where: string): ConditionTemplate {
  const items: ConditionTemplate[] = [];
  const at = `${where} (field ${field})`;
  for (const [op, value] of Object.entries(ops)) {
    if (op === '$eq' || op === '$ne') {
      items.push({ op: op === '$eq' ? 'eq' : 'ne', field, value: parseScalar(value, at, true) });
    } else if (op === '$in' || op === '$nin') {
      if (!Array.isArray(value)) throw new PolicyError(`${at} uses ${op} without an array.`);
      const values = value.map((v) => parseScalar(v, at, false) as TValue<string | number | boolean>);
      items.push({ op: op === '$in' ? 'in' : 'nin', field, values });
    } else if (op in COMPARISONS) {
      const v = parseScalar(value, at, false);
      if (typeof v === 'boolean') throw new PolicyError(`${at} orders by a boolean with ${op}.`);
      items.push({ op: COMPARISONS[op as keyof typeof COMPARISONS], field, value: v as TValue<string | number> });
    } else if (op === '$like') {
      items.push({ op: 'like', field, prefix: parseLike(value, at) });
    } else if (op === '$not') {
      if (!isPlainObject(value)) throw new PolicyError(`${at} uses $not without an operator object.`);
      items.push({ op: 'not', item: parseFieldOperators(field, value, where) });
    } else {
      throw new PolicyError(`${at} uses the unsupported operator ${op}; supported are $eq, $ne, $in, $nin, $lt, $lte, $gt, $gte, $like, $and, $or and $not.`);
    }
  }
  if (items.length === 0) throw new PolicyError(`${at} has an empty operator object.`);
  return items.length === 1 ? (items[0] as ConditionTemplate) : { op: 'and', items };
}

function parseList(value: unknown, op: string, where: string): ConditionTemplate[] {
  if (!Array.isArray(value) || value.length === 0) throw new PolicyError(`${where} uses ${op} without a non-empty array of conditions.`);
  return value.map((item) => parseConditions(item, where));
}

/**
 * Parses and validates a JSON condition; placeholders stay unbound. Throws a PolicyError naming the
 * problem for unsupported operators, dotted (nested) paths, unknown placeholders and empty conditions
 * (CASL treats `{}` differently from no conditions, casl#684, so we refuse it).
 */
export function parseConditions(json: unknown, where: string): ConditionTemplate {
  if (!isPlainObject(json)) throw new PolicyError(`${where} has conditions that are not a JSON object.`);
  const items: ConditionTemplate[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (key === '$and' || key === '$or') {
      items.push({ op: key === '$and' ? 'and' : 'or', items: parseList(value, key, where) });
    } else if (key === '$not') {
      items.push({ op: 'not', item: parseConditions(value, where) });
    } else if (key.startsWith('$')) {
      throw new PolicyError(`${where} uses the unsupported operator ${key}; supported are $eq, $ne, $in, $nin, $lt, $lte, $gt, $gte, $like, $and, $or and $not.`);
    } else if (!FIELD_NAME.test(key)) {
      throw new PolicyError(`${where} conditions on "${key}", which is not a plain field name (nested paths are not supported).`);
    } else if (isPlainObject(value)) {
      items.push(parseFieldOperators(key, value, where));
    } else if (Array.isArray(value)) {
      throw new PolicyError(`${where} compares field ${key} with an array; use $in.`);
    } else {
      items.push({ op: 'eq', field: key, value: parseScalar(value, `${where} (field ${key})`, true) });
    }
  }
  if (items.length === 0) throw new PolicyError(`${where} has empty conditions; leave conditions out instead.`);
  return items.length === 1 ? (items[0] as ConditionTemplate) : { op: 'and', items };
}

/** Thrown inside binding when a referenced caller attribute is null. */
class MissingAttribute extends Error {}

function bindValue<T>(value: TValue<T>, attrs: PlaceholderValues): T | string {
  if (value === null || typeof value !== 'object' || !('template' in value)) return value as T;
  let out = '';
  for (const part of value.parts) {
    if (typeof part === 'string') out += part;
    else {
      const v = attrs[part.name];
      if (v === null) throw new MissingAttribute(part.name);
      out += v;
    }
  }
  return out;
}

function bindNode(t: ConditionTemplate, attrs: PlaceholderValues, where: string): ConditionNode {
  switch (t.op) {
    case 'and':
    case 'or':
      return { op: t.op, items: t.items.map((i) => bindNode(i, attrs, where)) };
    case 'not':
      return { op: 'not', item: bindNode(t.item, attrs, where) };
    case 'eq':
    case 'ne':
      return { op: t.op, field: t.field, value: bindValue(t.value, attrs) };
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return { op: t.op, field: t.field, value: bindValue(t.value, attrs) };
    case 'in':
    case 'nin':
      return { op: t.op, field: t.field, values: t.values.map((v) => bindValue(v, attrs)) };
    case 'like': {
      const prefix = bindValue(t.prefix, attrs);
      checkLikePrefix(prefix, where);
      return { op: 'like', field: t.field, prefix };
    }
  }
}

/**
 * Substitutes caller attributes. Returns `{ missing }` naming an attribute the condition needs but the
 * caller lacks (e.g. no region): substituting null would turn `cityCode: '${principal.region}'` into
 * "persons without a city", so the caller of this function must decide what a missing attribute means.
 */
export function bindConditions(
  t: ConditionTemplate,
  attrs: PlaceholderValues,
  where: string,
): { node: ConditionNode; missing?: undefined } | { node?: undefined; missing: PlaceholderName } {
  try {
    return { node: bindNode(t, attrs, where) };
  } catch (e) {
    if (e instanceof MissingAttribute) return { missing: e.message as PlaceholderName };
    throw e;
  }
}

/** The fields a condition reads; the caller must load them before asking about a record. */
export function conditionFieldsOf(node: ConditionNode, into: Set<string> = new Set()): Set<string> {
  if ('items' in node) node.items.forEach((i) => conditionFieldsOf(i, into));
  else if ('item' in node) conditionFieldsOf(node.item, into);
  else into.add(node.field);
  return into;
}

// ---- in-memory evaluation, with SQL's three-valued logic -------------------------------------------
// `undefined` stands for SQL's UNKNOWN. A field that is absent from the record (not loaded) is UNKNOWN
// even for `field: null`, so a partially loaded record can never satisfy a grant by omission.

type Tri = boolean | undefined;
type Eval = (record: Readonly<Record<string, unknown>>) => Tri;

// Module-level alias: under a vm context (jest), every lookup of a global such as `Date` goes through
// an interceptor and costs hundreds of nanoseconds; a module binding does not.
const DateClass = Date;

function comparable(recordValue: unknown, conditionValue: string | number): [unknown, string | number] | null {
  if (recordValue instanceof DateClass) {
    const t = typeof conditionValue === 'number' ? conditionValue : DateClass.parse(conditionValue);
    return Number.isNaN(t) ? null : [recordValue.getTime(), t];
  }
  return typeof recordValue === typeof conditionValue ? [recordValue, conditionValue] : null;
}

function same(recordValue: unknown, conditionValue: string | number | boolean): boolean {
  if (typeof recordValue !== 'object') return recordValue === conditionValue; // the common case
  if (recordValue instanceof DateClass && typeof conditionValue !== 'boolean') {
    const c = comparable(recordValue, conditionValue);
    return c !== null && c[0] === c[1];
  }
  return false;
}

function compileEval(node: ConditionNode): Eval {
  switch (node.op) {
    case 'and': {
      const items = node.items.map(compileEval);
      return (r) => {
        let unknown = false;
        for (const item of items) {
          const v = item(r);
          if (v === false) return false;
          if (v === undefined) unknown = true;
        }
        return unknown ? undefined : true;
      };
    }
    case 'or': {
      const items = node.items.map(compileEval);
      return (r) => {
        let unknown = false;
        for (const item of items) {
          const v = item(r);
          if (v === true) return true;
          if (v === undefined) unknown = true;
        }
        return unknown ? undefined : false;
      };
    }
    case 'not': {
      const item = compileEval(node.item);
      return (r) => {
        const v = item(r);
        return v === undefined ? undefined : !v;
      };
    }
    case 'eq':
    case 'ne': {
      const { field, value } = node;
      const wantEqual = node.op === 'eq';
      return (r) => {
        const v = r[field];
        if (v === undefined) return undefined;
        if (value === null) return (v === null) === wantEqual; // IS NULL / IS NOT NULL
        if (v === null) return undefined;
        return same(v, value) === wantEqual;
      };
    }
    case 'in':
    case 'nin': {
      const { field, values } = node;
      const wantIn = node.op === 'in';
      return (r) => {
        const v = r[field];
        if (v === undefined) return undefined;
        if (values.length === 0) return !wantIn; // SQL: 1 = 0 / 1 = 1, even for NULL
        if (v === null) return undefined;
        return values.some((c) => same(v, c)) === wantIn;
      };
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const { field, value, op } = node;
      return (r) => {
        const v = r[field];
        if (v === undefined || v === null) return undefined;
        const c = comparable(v, value);
        if (c === null) return undefined;
        const [a, b] = c as [string | number, string | number];
        return op === 'lt' ? a < b : op === 'lte' ? a <= b : op === 'gt' ? a > b : a >= b;
      };
    }
    case 'like': {
      const { field, prefix } = node;
      return (r) => {
        const v = r[field];
        if (v === undefined || v === null || typeof v !== 'string') return undefined;
        return v.startsWith(prefix);
      };
    }
  }
}

/** A bound condition as stored on a CASL rule: the AST plus its matcher. */
export interface CompiledCondition {
  readonly node: ConditionNode;
  readonly fields: readonly string[];
  /** CASL's conditions matcher. For a permitting rule it matches only when the condition is TRUE; for
   *  an inverted (forbidding) rule it matches unless the condition is FALSE, so UNKNOWN forbids. This
   *  is exactly what the SQL `can AND NOT cannot` produced by rulesToCondition does with NULLs. */
  readonly test: (record: Readonly<Record<string, unknown>>) => boolean;
}

export function compileCondition(node: ConditionNode, inverted: boolean): CompiledCondition {
  const evaluate = compileEval(node);
  const test = inverted ? (r: Readonly<Record<string, unknown>>) => evaluate(r) !== false : (r: Readonly<Record<string, unknown>>) => evaluate(r) === true;
  return Object.freeze({ node, fields: Object.freeze([...conditionFieldsOf(node)]), test });
}
