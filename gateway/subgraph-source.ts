/**
 * How the gateway talks to one subgraph: forwards the caller's identity headers, the request id and the trace
 * context; gives up after the subgraph timeout; and turns transport failures into clean GraphQL errors that name
 * the domain, never a subgraph URL, a status body or a socket error. A subgraph that is down or too slow leaves
 * `null` with a SERVICE_UNAVAILABLE error at each of its fields' paths (failed-paths.ts) and every other domain's
 * data in place. Requests go through Node's fetch (undici), whose keep-alive pool drops a socket the peer closed,
 * so a restarted subgraph is reached again on the next request.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { SpanStatusCode } from '@opentelemetry/api';
import { GraphQLError, parse, type DocumentNode } from 'graphql';
import type { Principal } from '../auth';
import { ErrorCode } from '../subgraphs/kit/errors';
import { subgraphFetchDuration } from '../subgraphs/kit/metrics';
import { startClientSpan } from '../subgraphs/kit/tracing';
import { EntityFetchCoalescer } from './coalesce';
import { failedPaths } from './failed-paths';
import { keepTickets, ticketsFor } from './scope-tickets';

export interface GatewayContext {
  /** Identity and purpose headers, forwarded as received: every subgraph verifies them itself. */
  headers: Record<string, string>;
  principal: Principal;
  requestId: string;
}

// BAD_POLICY too: a rule that cannot be applied to this caller is the policy's fault, not the service's.
const PASSED_THROUGH = new Set<string>([ErrorCode.BadUserInput, ErrorCode.Forbidden, ErrorCode.Unauthenticated, ErrorCode.Conflict, ErrorCode.NotFound, ErrorCode.BadPolicy, 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

/**
 * Node's fetch with a deadline for the whole exchange, body included. The body is read here and the timer cleared
 * at once: an `AbortSignal.timeout` would keep the signal, its listeners and so the response alive until it fires.
 */
function fetchWithin(timeoutMs: number): Fetcher {
  return (async (url: string, init: RequestInit) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException(`No answer within ${timeoutMs} ms.`, 'TimeoutError')), timeoutMs);
    try {
      const response = await fetch(url, { ...init, signal: controller.signal });
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      clearTimeout(timer);
    }
  }) as unknown as Fetcher;
}

function isTimeout(error: unknown): boolean {
  const e = error as { name?: string; cause?: { name?: string } } | null;
  return e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError';
}

/** @default timeout 10 s (SUBGRAPH_TIMEOUT_MS) */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Trace headers of each fetch's span, set in process() and sent by willSendRequest(). */
  private readonly traceHeaders = new WeakMap<object, Record<string, string>>();

  /**
   * @param fetcher @default Node's fetch within `timeoutMs`; the gateway passes subgraph-fetcher.ts (GATEWAY_SUBGRAPH_CLIENT)
   * @param coalesce send the entity fetches of one request issued together as one call (coalesce.ts; GATEWAY_COALESCE)
   */
  constructor(
    readonly domain: string,
    url: string,
    readonly timeoutMs = 10_000,
    fetcher?: Fetcher,
    coalesce = false,
  ) {
    super({ url, fetcher: fetcher ?? fetchWithin(timeoutMs) });
    if (coalesce) {
      // RemoteGraphQLDataSource.sendRequest (private in its types; @apollo/gateway is pinned) sends one GraphQL
      // request with this source's headers, deadline and error handling: the coalescer sends through it too, and
      // test/integration/coalesce.test.ts fails if this hook stops being called.
      const self = this as unknown as { sendRequest: (request: GatewayGraphQLRequest, context: object) => Promise<GatewayGraphQLResponse> };
      const sendRequest = self.sendRequest.bind(this);
      // A refusal (the subgraph's own error) is met again fetch by fetch; an unreachable subgraph fails them all.
      const coalescer = new EntityFetchCoalescer(sendRequest, (error) => error instanceof GraphQLError && error.extensions.code !== ErrorCode.Unavailable);
      self.sendRequest = (request, context) => coalescer.fetch(request, context) ?? sendRequest(request, context);
    }
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { request, context } = options;
    const { headers, requestId } = context as Partial<GatewayContext>;
    for (const [header, value] of Object.entries(headers ?? {})) request.http?.headers.set(header, value);
    if (requestId) request.http?.headers.set('x-request-id', requestId);
    for (const [header, value] of Object.entries(this.traceHeaders.get(options) ?? {})) request.http?.headers.set(header, value);
    const tickets = ticketsFor(context, request.variables?.representations);
    if (tickets) request.extensions = { ...request.extensions, scopeTickets: tickets };
  }

  /** Owner-scope tickets never reach the client: kept for this request's later fetches (gateway/scope-tickets.ts). */
  override didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]): GatewayGraphQLResponse {
    const tickets = response.extensions?.scopeTickets;
    if (tickets !== undefined) {
      const { scopeTickets: _dropped, ...rest } = response.extensions!;
      response.extensions = Object.keys(rest).length > 0 ? rest : undefined;
      keepTickets(context, tickets);
    }
    return response;
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    const { span, headers } = startClientSpan(options.context, `subgraph ${this.domain}`, { 'subgraph.name': this.domain });
    this.traceHeaders.set(options, headers);
    let outcome = 'ok';
    try {
      return await super.process(options);
    } catch (error) {
      const unavailable = !(error instanceof GraphQLError) || error.extensions.code === ErrorCode.Unavailable;
      outcome = isTimeout(error) ? 'timeout' : unavailable ? 'unavailable' : 'error';
      if (!unavailable) throw error;
      const message = isTimeout(error)
        ? `The ${this.domain} service did not answer within ${this.timeoutMs} ms; data from it is missing from this response.`
        : error instanceof GraphQLError
          ? error.message
          : `The ${this.domain} service is unavailable; data from it is missing from this response.`;
      return this.failedAtPaths(options, message);
    } finally {
      subgraphFetchDuration.labels(this.domain, outcome).observe((performance.now() - started) / 1000);
      span.setAttribute('subgraph.outcome', outcome);
      if (outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
      span.end();
    }
  }

  /** An answer without data, with the error at every path the fetch was to fill (the gateway maps them). */
  private failedAtPaths(options: GraphQLDataSourceProcessOptions<GatewayContext>, message: string): GatewayGraphQLResponse {
    const extensions = { code: ErrorCode.Unavailable, service: this.domain };
    // The gateway passes the parsed subgraph operation only in some modes; the text is always there.
    let document: DocumentNode | undefined;
    try {
      document = ('document' in options ? options.document : undefined) ?? (options.request.query ? parse(options.request.query) : undefined);
    } catch {
      document = undefined;
    }
    const paths = failedPaths(document, options.request.variables ?? undefined);
    if (paths.length === 0) throw new GraphQLError(message, { extensions });
    return { errors: paths.map((path) => new GraphQLError(message, { path, extensions })) };
  }

  /** A subgraph refused the request (HTTP 4xx/5xx): pass on its own error if it is one callers may see. */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    let first: { message?: unknown; extensions?: { code?: unknown } } | undefined;
    try {
      first = ((await response.json()) as { errors?: (typeof first)[] }).errors?.[0];
    } catch {
      first = undefined;
    }
    const code = String(first?.extensions?.code ?? '');
    if (first && typeof first.message === 'string' && PASSED_THROUGH.has(code)) {
      return new GraphQLError(first.message, { extensions: { ...first.extensions, code, service: this.domain } });
    }
    return new GraphQLError(`The ${this.domain} service could not answer (HTTP ${response.status}).`, {
      extensions: { code: response.status === 401 ? ErrorCode.Unauthenticated : ErrorCode.Unavailable, service: this.domain },
    });
  }
}
