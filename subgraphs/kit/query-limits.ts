/**
 * Query limits, enforced the same way at the gateway and in every subgraph (a subgraph is reachable on its own):
 * depth, aliases, root fields, lexical tokens, directives and an estimated cost, per role
 * (config.ts `DEFAULT_QUERY_LIMITS`, `QUERY_LIMITS`). Checked in `didResolveOperation`, after validation and before
 * execution, so at the gateway an operation over a limit never reaches the query planner's fetches.
 *
 * Cost counts the objects an operation can return: each field of an object type costs 1, times the size of every
 * list it sits in. A field with a `first` argument (a page) multiplies by `first` (20 when not given), and the
 * `edges`/`nodes` lists directly under it add nothing more; `_entities` multiplies by the number of
 * representations; any other list multiplies by `DEFAULT_LIST_SIZE`. Scalars cost nothing (tokens and root fields
 * bound them). Fragments are measured once per use site kind and memoized, so fragment fan-out cannot make the
 * measurement itself expensive. Introspection (`__schema`, `__type`) is guarded separately (authorization.ts) and
 * counts 1. Why not graphql-armor: its limits are fixed per server; these depend on the caller's role.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  GraphQLError,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Principal } from '../../auth';
import { QUERY_LIMIT_NAMES, type QueryLimitName, type QueryLimitTable } from './config';
import { ErrorCode } from './errors';
import { DEFAULT_PAGE_SIZE } from './pagination';

/** The size assumed for a list field without a page size (children, members, vaccinations). */
export const DEFAULT_LIST_SIZE = 20;

export type QueryMeasure = Record<QueryLimitName, number>;

interface Measure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
  fields: number;
}

const ZERO: Measure = { depth: 0, aliases: 0, directives: 0, cost: 0, fields: 0 };

function add(a: Measure, b: Measure): Measure {
  return { depth: Math.max(a.depth, b.depth), aliases: a.aliases + b.aliases, directives: a.directives + b.directives, cost: a.cost + b.cost, fields: a.fields + b.fields };
}

/** Lexical tokens of a document, counting no further than `stopAfter` (a token bomb costs no more than the limit). */
export function countTokens(source: string, stopAfter = Number.MAX_SAFE_INTEGER): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF && count <= stopAfter) count += 1;
  } catch {
    // A lexical error: the parser reports it; what was counted stands.
  }
  return count;
}

/**
 * What the measurement reads of the variables: a page size (`first: $n`) or a list's length (`representations:
 * $r`), nothing else. Each read is noted, so that a measurement can be reused for the same document whenever
 * every read gives the same number (see measureCached).
 */
type VariableReader = (name: string, as: 'int' | 'length') => number | undefined;

function readVariable(variables: Record<string, unknown>, name: string, as: 'int' | 'length'): number | undefined {
  const v = variables[name];
  if (as === 'int') return typeof v === 'number' ? v : undefined;
  return Array.isArray(v) ? v.length : undefined;
}

function intValue(node: ValueNode | undefined, variable: VariableReader): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variable(node.name.value, 'int');
  return undefined;
}

function listLength(node: ValueNode | undefined, variable: VariableReader): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.LIST) return node.values.length;
  if (node.kind === Kind.VARIABLE) return variable(node.name.value, 'length');
  return undefined;
}

/** How many times a field's subtree can repeat, and whether its direct list children are already counted (a page). */
function multiplier(field: FieldNode, def: GraphQLField<unknown, unknown>, inPage: boolean, variables: VariableReader): { times: number; page: boolean } {
  const arg = (name: string) => field.arguments?.find((a) => a.name.value === name)?.value;
  const first = def.args.find((a) => a.name === 'first');
  if (first) {
    const given = intValue(arg('first'), variables);
    const fallback = typeof first.defaultValue === 'number' ? first.defaultValue : DEFAULT_PAGE_SIZE;
    return { times: Math.max(0, given ?? fallback), page: true };
  }
  if (def.name === '_entities') return { times: listLength(arg('representations'), variables) ?? DEFAULT_LIST_SIZE, page: false };
  if (isListType(getNullableType(def.type))) return { times: inPage ? 1 : DEFAULT_LIST_SIZE, page: false };
  return { times: 1, page: false };
}

/** Measures one operation of a validated document against the schema it was validated with. */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): Omit<QueryMeasure, 'tokens'> {
  return measureWith(schema, document, operation, (name, as) => readVariable(variables, name, as));
}

function measureWith(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: VariableReader): Omit<QueryMeasure, 'tokens'> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, Measure>();
  const visiting = new Set<string>();

  const selectionSet = (set: SelectionSetNode, type: GraphQLNamedType | undefined, inPage: boolean): Measure => {
    let total = ZERO;
    for (const sel of set.selections) {
      const directives = sel.directives?.length ?? 0;
      if (sel.kind === Kind.FIELD) {
        total = add(total, { ...field(sel, type, inPage), fields: 1 });
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        const inner = selectionSet(sel.selectionSet, on, inPage);
        total = add(total, { ...inner, directives: inner.directives + directives });
      } else {
        const name = sel.name.value;
        const fragment = fragments.get(name);
        const key = `${name}:${inPage}`;
        if (!fragment || visiting.has(name)) continue;
        let inner = memo.get(key);
        if (!inner) {
          visiting.add(name);
          const measured = selectionSet(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), inPage);
          visiting.delete(name);
          inner = { ...measured, directives: measured.directives + (fragment.directives?.length ?? 0) };
          memo.set(key, inner);
        }
        total = add(total, { ...inner, directives: inner.directives + directives });
      }
    }
    return total;
  };

  const field = (node: FieldNode, parent: GraphQLNamedType | undefined, inPage: boolean): Measure => {
    const own = { aliases: node.alias ? 1 : 0, directives: node.directives?.length ?? 0 };
    const name = node.name.value;
    if (name === '__schema' || name === '__type') return { ...own, depth: 1, cost: 1, fields: 0 };
    const def = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
    if (!def) return { ...own, depth: 1, cost: 0, fields: 0 };
    const named = getNamedType(def.type);
    const { times, page } = multiplier(node, def, inPage, variables);
    const child = node.selectionSet ? selectionSet(node.selectionSet, named, page) : ZERO;
    return {
      depth: 1 + child.depth,
      aliases: own.aliases + child.aliases,
      directives: own.directives + child.directives,
      cost: times * ((isCompositeType(named) ? 1 : 0) + child.cost),
      fields: 0,
    };
  };

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const m = selectionSet(operation.selectionSet, root ?? undefined, false);
  return { depth: m.depth, aliases: m.aliases, rootFields: m.fields, directives: m.directives + (operation.directives?.length ?? 0), cost: m.cost };
}

/** The limits in force for a caller: for each limit, the most generous of their roles (`public` without one). */
export function limitsFor(table: QueryLimitTable, principal: Principal | undefined): Record<QueryLimitName, { max: number; role: string }> {
  const roles = (principal?.roles ?? []).filter((r) => table[r]);
  const candidates = roles.length > 0 ? roles : ['public'];
  const out = {} as Record<QueryLimitName, { max: number; role: string }>;
  for (const limit of QUERY_LIMIT_NAMES) {
    for (const role of candidates) {
      const max = table[role]![limit];
      if (!out[limit] || max > out[limit].max) out[limit] = { max, role };
    }
  }
  return out;
}

/** The largest value of a limit over every role: the parser's hard cap on tokens, before any caller is known. */
export function maxLimit(table: QueryLimitTable, limit: QueryLimitName): number {
  return Math.max(...Object.values(table).map((l) => l[limit]));
}

export function queryTooComplex(limit: QueryLimitName, role: string, actual: number, max: number): GraphQLError {
  return new GraphQLError(`Query exceeds the ${limit} limit for role ${role}: ${actual} > ${max}. Ask for less (smaller pages, fewer nested lists), or split the operation.`, {
    extensions: { code: ErrorCode.QueryTooComplex, limit, role, max, actual, http: { status: 400 } },
  });
}

/*
 * The same operation text arrives again and again (the gateway's fetches, an app's operations), and Apollo hands
 * the plugin the same parsed document each time (its document store): what the checks compute from the document
 * alone is kept with it. Tokens: counted once up to the largest limit that was asked, min(count, max + 1) answers
 * any smaller limit exactly. Measure: a function of the document and of the numbers it reads from the variables
 * (page sizes, list lengths), which the same document always reads in the same order, so those numbers key it.
 */
const tokenMemo = new WeakMap<DocumentNode, { source: string; stopAfter: number; count: number }>();
const measureMemo = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, { reads: [string, 'int' | 'length'][] | null; byReads: Map<string, Omit<QueryMeasure, 'tokens'>> }>>();
const limitsMemo = new WeakMap<QueryLimitTable, Map<string, ReturnType<typeof limitsFor>>>();
/** Distinct variable readings kept per operation (page sizes, batch sizes); past it the memo starts again. */
const MAX_READINGS = 256;

function tokensOf(document: DocumentNode, source: string, stopAfter: number): number {
  const memo = tokenMemo.get(document);
  if (memo && memo.source === source && memo.stopAfter >= stopAfter) return Math.min(memo.count, stopAfter + 1);
  const count = countTokens(source, stopAfter);
  tokenMemo.set(document, { source, stopAfter, count });
  return count;
}

function measureCached(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Omit<QueryMeasure, 'tokens'> {
  let bySchema = measureMemo.get(schema);
  if (!bySchema) measureMemo.set(schema, (bySchema = new WeakMap()));
  let memo = bySchema.get(operation);
  if (!memo) bySchema.set(operation, (memo = { reads: null, byReads: new Map() }));
  if (memo.reads) {
    const key = memo.reads.map(([name, as]) => readVariable(variables, name, as) ?? '-').join(',');
    const known = memo.byReads.get(key);
    if (known) return known;
  }
  const reads: [string, 'int' | 'length'][] = [];
  const values: (number | '-')[] = [];
  const measured = measureWith(schema, document, operation, (name, as) => {
    const value = readVariable(variables, name, as);
    reads.push([name, as]);
    values.push(value ?? '-');
    return value;
  });
  if (memo.byReads.size >= MAX_READINGS) memo.byReads.clear();
  memo.reads = reads;
  memo.byReads.set(values.join(','), measured);
  return measured;
}

function limitsOf(table: QueryLimitTable, principal: Principal | undefined): ReturnType<typeof limitsFor> {
  let byRoles = limitsMemo.get(table);
  if (!byRoles) limitsMemo.set(table, (byRoles = new Map()));
  const key = (principal?.roles ?? []).join('\u0000');
  let limits = byRoles.get(key);
  if (!limits) {
    if (byRoles.size >= MAX_READINGS) byRoles.clear();
    byRoles.set(key, (limits = limitsFor(table, principal)));
  }
  return limits;
}

/** Checks an operation against its caller's limits; the first limit exceeded, in QUERY_LIMIT_NAMES order, or null. */
export function checkQueryLimits(
  table: QueryLimitTable,
  principal: Principal | undefined,
  input: { schema: GraphQLSchema; document: DocumentNode; operation: OperationDefinitionNode; source: string; variables?: Record<string, unknown> },
): GraphQLError | null {
  const limits = limitsOf(table, principal);
  const tokens = tokensOf(input.document, input.source, limits.tokens.max);
  if (tokens > limits.tokens.max) return queryTooComplex('tokens', limits.tokens.role, tokens, limits.tokens.max);
  const measured: QueryMeasure = { ...measureCached(input.schema, input.document, input.operation, input.variables ?? {}), tokens };
  for (const limit of QUERY_LIMIT_NAMES) {
    if (measured[limit] > limits[limit].max) return queryTooComplex(limit, limits[limit].role, measured[limit], limits[limit].max);
  }
  return null;
}

/** The Apollo plugin: refuses an operation over its caller's limits before it executes (or is planned). */
export function queryLimitsPlugin<Ctx extends BaseContext>(table: QueryLimitTable, principalOf: (context: Ctx) => Principal | undefined): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, source, request, contextValue }) {
          if (!operation) return;
          const error = checkQueryLimits(table, principalOf(contextValue), { schema, document, operation, source, variables: request.variables ?? {} });
          if (error) throw error;
        },
      };
    },
  };
}
