/**
 * How the gateway's requests reach the subgraphs (gateway/subgraph-source.ts), measured in docs/benchmarks.md:
 * undici's request API over a keep-alive pool per subgraph with a bounded number of sockets, instead of
 * @apollo/gateway's default make-fetch-happen (an HTTP cache layer and stream plumbing that a POST to a subgraph
 * never uses), and, when asked, deduplication of identical in-flight queries of the same caller.
 *
 * Deduplication key: the subgraph URL, the caller's Authorization and X-Purpose headers exactly as received, and
 * the request body (operation text and variables, representations included). Requests of different callers never
 * share a call, even for the same query: each subgraph authorizes, masks and audits per caller. Only queries are
 * shared (never a mutation), only while in flight (nothing is cached), and each sharer parses its own copy of the
 * answer, so no request can see another's objects. What a sharer gives up: its own X-Request-Id on the subgraph
 * call, and so its own audit record in the subgraph (the first request's record covers the call).
 */
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { Agent, request } from 'undici';

export interface SubgraphFetcherOptions {
  /** Keep-alive sockets per subgraph at most; further requests wait for a free one. */
  connections: number;
  /** Share identical in-flight queries of the same caller. */
  dedupe: boolean;
  /** A subgraph that has not answered (headers, then the whole body) within this fails the call. */
  timeoutMs: number;
}

interface Buffered {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** The part of a Fetch Response that RemoteGraphQLDataSource and SubgraphSource read. */
function responseOf(url: string, buffered: Buffered): FetcherResponse {
  const header = (name: string) => {
    const value = buffered.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  };
  return {
    ok: buffered.status >= 200 && buffered.status < 300,
    status: buffered.status,
    statusText: '',
    url,
    redirected: false,
    headers: { get: header, has: (name: string) => header(name) !== null } as unknown as FetcherResponse['headers'],
    text: async () => buffered.text,
    json: async () => JSON.parse(buffered.text) as unknown,
    clone: () => responseOf(url, buffered),
  } as unknown as FetcherResponse;
}

const MUTATION = /^\{"query":"\s*(mutation|subscription)\b/;

/** The key of a call that may be shared, or null when it must run on its own. */
export function dedupeKey(url: string, headers: Record<string, string>, body: string): string | null {
  if (MUTATION.test(body)) return null;
  return `${url}\n${headers.authorization ?? ''}\n${headers['x-purpose'] ?? ''}\n${body}`;
}

export function subgraphFetcher(options: SubgraphFetcherOptions): Fetcher & { close(): Promise<void> } {
  const dispatcher = new Agent({ connections: options.connections, keepAliveTimeout: 30_000, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  const inflight = new Map<string, Promise<Buffered>>();

  const send = async (url: string, headers: Record<string, string>, body: string): Promise<Buffered> => {
    try {
      const answer = await request(url, { method: 'POST', headers, body, dispatcher });
      return { status: answer.statusCode, headers: answer.headers, text: await answer.body.text() };
    } catch (error) {
      // The same TimeoutError as Node's fetch, which subgraph-source.ts reports as the subgraph not answering in time.
      const code = (error as { code?: string }).code;
      if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') throw new DOMException(`No answer within ${options.timeoutMs} ms.`, 'TimeoutError');
      throw error;
    }
  };

  const fetcher = async (url: string, init?: FetcherRequestInit): Promise<FetcherResponse> => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const body = String(init?.body ?? '');
    const key = options.dedupe ? dedupeKey(url, headers, body) : null;
    if (key === null) return responseOf(url, await send(url, headers, body));
    let call = inflight.get(key);
    if (!call) {
      call = send(url, headers, body).finally(() => inflight.delete(key));
      inflight.set(key, call);
    }
    return responseOf(url, await call);
  };
  return Object.assign(fetcher as Fetcher, { close: () => dispatcher.close() });
}
