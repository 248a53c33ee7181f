/**
 * Entity fetches of one client request that go to the same subgraph at the same moment, sent as one call.
 *
 * The query planner fetches entities per path: the dashboard's province and its cities are two `_entities` fetches
 * to each domain, issued together (plan nodes in one Parallel), each a whole HTTP request and a whole request
 * pipeline in the subgraph (parsing, authorization set-up, audit record) for a few dozen fields. Fetches that
 * arrive in the same turn of the event loop for the same subgraph with the same headers (the same caller, purpose
 * and request id: one client request) are sent as one operation with one aliased `_entities` per fetch, and the
 * answer is split back, each fetch getting its own `_entities` and the errors under its alias.
 *
 * Only the planner's plain shape is merged: a query whose one variable is `$representations` and whose one root
 * field is `_entities(representations: $representations)`; anything else (root fields, mutations, field arguments
 * as variables, fragments of the same name with other selections) goes alone. The subgraph judges the merged call
 * exactly as the separate ones: authorization, masking and row scope are per field and per entity. A merged call
 * that the subgraph refuses as a whole (no data: a query limit, a bad policy) is sent again as the separate calls,
 * so one fetch's refusal never becomes another's, and what each fetch gets is what it would have got alone.
 */
import { Kind, parse, print, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';

/** What a fetch must look like to be merged: its operation name, selection on `_entities`, and fragments. */
export interface EntityFetchShape {
  name: string | undefined;
  variableType: string;
  selection: string;
  fragments: ReadonlyMap<string, string>;
}

export interface EntityFetch {
  shape: EntityFetchShape;
  representations: unknown[];
  extensions: Record<string, unknown> | undefined;
}

const SHAPES_KEPT = 2000;
const shapes = new Map<string, EntityFetchShape | null>();

function shapeOfDocument(document: DocumentNode): EntityFetchShape | null {
  let operation: OperationDefinitionNode | undefined;
  const fragments = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, print(definition));
    else if (definition.kind === Kind.OPERATION_DEFINITION && !operation) operation = definition;
    else return null;
  }
  if (!operation || operation.operation !== 'query' || operation.directives?.length) return null;
  const variables = operation.variableDefinitions ?? [];
  if (variables.length !== 1 || variables[0]!.variable.name.value !== 'representations' || variables[0]!.defaultValue || variables[0]!.directives?.length) return null;
  const selections = operation.selectionSet.selections;
  if (selections.length !== 1 || selections[0]!.kind !== Kind.FIELD) return null;
  const field = selections[0] as FieldNode;
  const argument = field.arguments?.[0];
  if (field.name.value !== '_entities' || field.alias || field.directives?.length || !field.selectionSet || field.arguments?.length !== 1) return null;
  if (argument!.name.value !== 'representations' || argument!.value.kind !== Kind.VARIABLE || argument!.value.name.value !== 'representations') return null;
  return { name: operation.name?.value, variableType: print(variables[0]!.type), selection: print(field.selectionSet), fragments };
}

/** The fetch as a mergeable entity fetch, or null when it must go alone. `body` is the JSON a data source sends. */
export function entityFetchOf(body: string): EntityFetch | null {
  let request: { query?: unknown; variables?: unknown; extensions?: unknown };
  try {
    request = JSON.parse(body) as typeof request;
  } catch {
    return null;
  }
  const { query, variables, extensions } = request;
  if (typeof query !== 'string' || variables === null || typeof variables !== 'object') return null;
  const keys = Object.keys(variables);
  const representations = (variables as { representations?: unknown }).representations;
  if (keys.length !== 1 || !Array.isArray(representations)) return null;
  // Only the owner-scope tickets the gateway adds (subgraph-source.ts) are merged; any other extension goes alone.
  if (extensions !== undefined && (extensions === null || typeof extensions !== 'object' || Object.keys(extensions).some((k) => k !== 'scopeTickets'))) return null;
  let shape = shapes.get(query);
  if (shape === undefined) {
    try {
      shape = shapeOfDocument(parse(query, { noLocation: true }));
    } catch {
      shape = null;
    }
    if (shapes.size >= SHAPES_KEPT) shapes.clear();
    shapes.set(query, shape);
  }
  return shape ? { shape, representations, extensions: extensions as Record<string, unknown> | undefined } : null;
}

const alias = (i: number) => `b${i}`;

/** One request body for all of `fetches`, or null when their fragments clash (same name, other selection). */
export function mergedBody(fetches: readonly EntityFetch[]): string | null {
  const fragments = new Map<string, string>();
  for (const { shape } of fetches) {
    for (const [name, text] of shape.fragments) {
      const known = fragments.get(name);
      if (known !== undefined && known !== text) return null;
      fragments.set(name, text);
    }
  }
  const first = fetches[0]!.shape;
  const name = first.name ? ` ${first.name}__coalesced${fetches.length}` : '';
  const variableDefinitions = fetches.map(({ shape }, i) => `$${alias(i)}:${shape.variableType}`).join(',');
  const fields = fetches.map(({ shape }, i) => `${alias(i)}:_entities(representations:$${alias(i)})${shape.selection}`).join(' ');
  const query = `query${name}(${variableDefinitions}){${fields}}${[...fragments.values()].map((f) => `\n${f}`).join('')}`;
  const variables = Object.fromEntries(fetches.map((f, i) => [alias(i), f.representations]));
  // Tickets are keyed by type and key, the same whichever fetch asked: their union serves every alias.
  let scopeTickets: Record<string, { field: string; tickets: Record<string, unknown> }> | undefined;
  for (const { extensions } of fetches) {
    const given = extensions?.scopeTickets as typeof scopeTickets;
    if (!given || typeof given !== 'object') continue;
    scopeTickets ??= {};
    for (const [type, entry] of Object.entries(given)) {
      if (!entry || typeof entry !== 'object') continue;
      const kept = (scopeTickets[type] ??= { field: entry.field, tickets: {} });
      if (kept.field === entry.field) Object.assign(kept.tickets, entry.tickets);
    }
  }
  return JSON.stringify({ query, variables, ...(first.name ? { operationName: `${first.name}__coalesced${fetches.length}` } : {}), ...(scopeTickets ? { extensions: { scopeTickets } } : {}) });
}

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { path?: unknown[] }[];
  extensions?: Record<string, unknown>;
}

/**
 * Each fetch's own answer from the merged one: its alias's `_entities`, the errors under its alias (with the path
 * the fetch asked for) and the errors without a path. Null when the answer has no data: then the separate calls
 * are made instead.
 */
export function splitAnswer(text: string, count: number): Answer[] | null {
  let answer: Answer;
  try {
    answer = JSON.parse(text) as Answer;
  } catch {
    return null;
  }
  const data = answer?.data;
  if (data === null || typeof data !== 'object') return null;
  const parts: Answer[] = [];
  for (let i = 0; i < count; i++) {
    const errors: { path?: unknown[] }[] = [];
    for (const error of answer.errors ?? []) {
      const path = Array.isArray(error?.path) ? error.path : undefined;
      if (!path || path.length === 0) errors.push({ ...error });
      else if (path[0] === alias(i)) errors.push({ ...error, path: ['_entities', ...path.slice(1)] });
    }
    parts.push({
      data: { _entities: data[alias(i)] ?? null },
      ...(errors.length ? { errors } : {}),
      ...(answer.extensions ? { extensions: { ...answer.extensions } } : {}),
    });
  }
  return parts;
}
