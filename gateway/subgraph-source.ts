/**
 * How the gateway talks to one subgraph: forwards the caller's identity headers, and turns transport failures
 * into clean GraphQL errors that name the domain, never a subgraph URL, a status body or a socket error.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { Principal } from '../auth';
import { ErrorCode } from '../subgraphs/kit/errors';

export interface GatewayContext {
  /** Identity and purpose headers, forwarded as received: every subgraph verifies them itself. */
  headers: Record<string, string>;
  principal: Principal;
  requestId: string;
}

const PASSED_THROUGH = new Set<string>([ErrorCode.BadUserInput, ErrorCode.Forbidden, ErrorCode.Unauthenticated, ErrorCode.Conflict, ErrorCode.NotFound, 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** @param fetcher @default @apollo/gateway's own (make-fetch-happen); the gateway passes subgraph-fetcher.ts */
  constructor(
    readonly domain: string,
    url: string,
    fetcher?: Fetcher,
  ) {
    super(fetcher ? { url, fetcher } : { url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { headers, requestId } = context as Partial<GatewayContext>;
    for (const [header, value] of Object.entries(headers ?? {})) request.http?.headers.set(header, value);
    if (requestId) request.http?.headers.set('x-request-id', requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      throw new GraphQLError(`The ${this.domain} service is unavailable; data from it is missing from this response.`, {
        extensions: { code: ErrorCode.Unavailable, service: this.domain },
      });
    }
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
