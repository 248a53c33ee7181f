/**
 * Entity fetches of one client request that go to the same subgraph at the same moment, sent as one call.
 *
 * The query planner fetches entities per path: the dashboard's province and its cities are two `_entities` fetches
 * to each domain, issued together (plan nodes in one Parallel), each a whole HTTP request and a whole request
 * pipeline in the subgraph (token, ability, plugins, audit record) for a few dozen fields. The fetches of one
 * client request (one gateway context) to one subgraph that are sent in the same turn of the event loop go as one
 * operation with one aliased `_entities` per fetch, and the answer is split back: each fetch gets its own
 * `_entities`, the errors under its alias (with the path it asked for) and the errors without a path.
 *
 * Only the planner's plain shape is merged: a query whose one variable is `$representations` and whose one root
 * field is `_entities(representations: $representations)`; anything else (root fields, mutations, field arguments
 * as variables, fragments of the same name with other selections, extensions other than owner-scope tickets) goes
 * alone. The subgraph judges the merged call exactly as the separate ones: authorization, masking and row scope are
 * per field and per entity. A merged call that the subgraph refuses as a whole (no data: a query limit, a bad
 * policy) is sent again as the separate calls, so one fetch's refusal never becomes another's.
 */
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { Kind, parse, print, type DocumentNode, type FieldNode, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';

/** What a fetch must look like to be merged: its operation name, the selection on `_entities`, its fragments. */
export interface EntityFetchShape {
  name: string | undefined;
  variableType: string;
  selection: string;
  fragments: ReadonlyMap<string, string>;
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

/** The fetch's shape when it is a mergeable entity fetch (worked out once per query text), else null. */
export function entityFetchShape(request: GatewayGraphQLRequest): EntityFetchShape | null {
  const { query, variables, extensions } = request;
  if (typeof query !== 'string' || !variables || !Array.isArray(variables.representations) || Object.keys(variables).length !== 1) return null;
  // Only the owner-scope tickets the gateway adds (subgraph-source.ts) are merged; any other extension goes alone.
  if (extensions && Object.keys(extensions).some((k) => k !== 'scopeTickets')) return null;
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
  return shape;
}

const alias = (i: number) => `b${i}`;

export interface EntityFetch {
  shape: EntityFetchShape;
  request: GatewayGraphQLRequest;
}

/** One request for all of `fetches` (the first one's HTTP settings), or null when their fragments clash. */
export function mergedRequest(fetches: readonly EntityFetch[]): GatewayGraphQLRequest | null {
  const fragments = new Map<string, string>();
  for (const { shape } of fetches) {
    for (const [name, text] of shape.fragments) {
      const known = fragments.get(name);
      if (known !== undefined && known !== text) return null;
      fragments.set(name, text);
    }
  }
  const first = fetches[0]!;
  const operationName = first.shape.name ? `${first.shape.name}__coalesced${fetches.length}` : undefined;
  const variableDefinitions = fetches.map(({ shape }, i) => `$${alias(i)}:${shape.variableType}`).join(',');
  const fields = fetches.map(({ shape }, i) => `${alias(i)}:_entities(representations:$${alias(i)})${shape.selection}`).join(' ');
  const query = `query${operationName ? ` ${operationName}` : ''}(${variableDefinitions}){${fields}}${[...fragments.values()].map((f) => `\n${f}`).join('')}`;
  const variables = Object.fromEntries(fetches.map((f, i) => [alias(i), f.request.variables!.representations]));
  // Tickets are keyed by type and key, the same whichever fetch asked: their union serves every alias.
  let scopeTickets: Record<string, { field: string; tickets: Record<string, unknown> }> | undefined;
  for (const { request } of fetches) {
    const given = request.extensions?.scopeTickets as typeof scopeTickets;
    if (!given || typeof given !== 'object') continue;
    scopeTickets ??= {};
    for (const [type, entry] of Object.entries(given)) {
      if (!entry || typeof entry !== 'object') continue;
      const kept = (scopeTickets[type] ??= { field: entry.field, tickets: {} });
      if (kept.field === entry.field) Object.assign(kept.tickets, entry.tickets);
    }
  }
  return { query, variables, ...(operationName ? { operationName } : {}), ...(scopeTickets ? { extensions: { scopeTickets } } : {}), http: first.request.http };
}

/**
 * Each fetch's own answer from the merged one: its alias's `_entities`, the errors under its alias (with the path
 * the fetch asked for) and the errors without a path. Null when the answer has no data: the separate calls are
 * then made instead.
 */
export function splitResponse(response: GatewayGraphQLResponse, count: number): GatewayGraphQLResponse[] | null {
  const data = response.data;
  if (data === null || data === undefined || typeof data !== 'object') return null;
  const parts: GatewayGraphQLResponse[] = [];
  for (let i = 0; i < count; i++) {
    const errors: GraphQLFormattedError[] = [];
    for (const error of response.errors ?? []) {
      const path = error.path;
      if (!path || path.length === 0) errors.push(error);
      else if (path[0] === alias(i)) errors.push(withPath(error, ['_entities', ...path.slice(1)]));
    }
    parts.push({
      data: { _entities: (data as Record<string, unknown>)[alias(i)] ?? null },
      ...(errors.length ? { errors } : {}),
      ...(response.extensions ? { extensions: { ...response.extensions } } : {}),
      ...(response.http ? { http: response.http } : {}),
    });
  }
  return parts;
}

/** The subgraph's error as it came, at another path. */
function withPath(error: GraphQLFormattedError, path: readonly (string | number)[]): GraphQLFormattedError {
  return { ...error, path };
}

interface Member {
  fetch: EntityFetch;
  resolve: (response: GatewayGraphQLResponse) => void;
  reject: (error: unknown) => void;
}

/** At most this many fetches in one call. */
const MAX_GROUP = 16;

/**
 * Groups one subgraph's entity fetches by client request (the gateway context) within a turn of the event loop.
 * `send` is the data source's own request path (headers, deadline, errors); `alone` says whether an error of a
 * merged call is one each fetch must meet again on its own (a refusal) rather than share (an unreachable subgraph).
 */
export class EntityFetchCoalescer {
  private readonly groups = new Map<object, Member[]>();

  constructor(
    private readonly send: (request: GatewayGraphQLRequest, context: object) => Promise<GatewayGraphQLResponse>,
    private readonly retryAlone: (error: unknown) => boolean,
  ) {}

  /** The fetch's answer, sent with the other entity fetches of its request in this turn; null when it must go alone. */
  fetch(request: GatewayGraphQLRequest, context: object): Promise<GatewayGraphQLResponse> | null {
    const shape = entityFetchShape(request);
    if (!shape) return null;
    return new Promise<GatewayGraphQLResponse>((resolve, reject) => {
      let members = this.groups.get(context);
      if (members && members.length >= MAX_GROUP) {
        void this.flush(context);
        members = undefined;
      }
      if (!members) {
        const group: Member[] = [];
        this.groups.set(context, (members = group));
        // Fetches of one Parallel plan node arrive in the same turn; the next turn sends them.
        setImmediate(() => {
          if (this.groups.get(context) === group) void this.flush(context);
        });
      }
      members.push({ fetch: { shape, request }, resolve, reject });
    });
  }

  private each(members: readonly Member[], context: object): void {
    for (const m of members) this.send(m.fetch.request, context).then(m.resolve, m.reject);
  }

  private async flush(context: object): Promise<void> {
    const members = this.groups.get(context)!;
    this.groups.delete(context);
    const merged = members.length > 1 ? mergedRequest(members.map((m) => m.fetch)) : null;
    if (!merged) return this.each(members, context);
    let response: GatewayGraphQLResponse;
    try {
      response = await this.send(merged, context);
    } catch (error) {
      if (this.retryAlone(error)) this.each(members, context);
      else for (const m of members) m.reject(error);
      return;
    }
    const parts = splitResponse(response, members.length);
    // Refused as a whole: asked again fetch by fetch, so no fetch inherits another's refusal.
    if (!parts) return this.each(members, context);
    members.forEach((m, i) => m.resolve(parts[i]!));
  }
}
