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
import { entityFetchOf, mergedBody, splitAnswer, type EntityFetch } from './coalesce';

export interface SubgraphFetcherOptions {
  /** Keep-alive sockets per subgraph at most; further requests wait for a free one. */
  connections: number;
  /** Share identical in-flight queries of the same caller. */
  dedupe: boolean;
  /** A subgraph that has not answered (headers, then the whole body) within this fails the call. */
  timeoutMs: number;
  /** Send the entity fetches of one request to one subgraph in the same turn as one call (coalesce.ts). */
  coalesce?: boolean;
}

interface Buffered {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** A coalesced fetch's own part of the merged answer, parsed once (the text is made only if asked for). */
  parsed?: unknown;
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
    text: async () => (buffered.parsed === undefined ? buffered.text : JSON.stringify(buffered.parsed)),
    json: async () => (buffered.parsed === undefined ? (JSON.parse(buffered.text) as unknown) : buffered.parsed),
    clone: () => responseOf(url, buffered),
  } as unknown as FetcherResponse;
}

const MUTATION = /^\{"query":"\s*(mutation|subscription)\b/;

/** The key of a call that may be shared, or null when it must run on its own. */
export function dedupeKey(url: string, headers: Record<string, string>, body: string): string | null {
  if (MUTATION.test(body)) return null;
  return `${url}\n${headers.authorization ?? ''}\n${headers['x-purpose'] ?? ''}\n${body}`;
}

// The trace context differs per fetch (each has its span); a merged call carries its first fetch's.
const NOT_IN_GROUP_KEY = new Set(['content-length', 'traceparent', 'tracestate']);

/** Fetches merge only with fetches to the same subgraph with every other header the same: one caller's one request. */
export function coalesceKey(url: string, headers: Record<string, string>): string {
  const kept = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .filter(([name]) => !NOT_IN_GROUP_KEY.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${url}\n${JSON.stringify(kept)}`;
}

interface Member {
  fetch: EntityFetch;
  body: string;
  resolve: (answer: Buffered) => void;
  reject: (error: unknown) => void;
}

/** At most this many fetches in one call (a plan's Parallel node rarely has more for one subgraph). */
const MAX_GROUP = 16;

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

  const groups = new Map<string, { url: string; headers: Record<string, string>; members: Member[] }>();

  /** Each member alone, as if never grouped. */
  const sendEach = (url: string, headers: Record<string, string>, members: readonly Member[]) => {
    for (const m of members) send(url, headers, m.body).then(m.resolve, m.reject);
  };

  const flush = async (key: string) => {
    const group = groups.get(key)!;
    groups.delete(key);
    const { url, headers, members } = group;
    const body = members.length > 1 ? mergedBody(members.map((m) => m.fetch)) : null;
    if (body === null) return sendEach(url, headers, members);
    let answer: Buffered;
    try {
      answer = await send(url, headers, body);
    } catch (error) {
      for (const m of members) m.reject(error);
      return;
    }
    // A refusal of the whole (a 4xx, or no data) is asked again fetch by fetch: no fetch inherits another's refusal.
    const parts = answer.status === 200 ? splitAnswer(answer.text, members.length) : null;
    if (!parts) {
      if (answer.status >= 500) for (const m of members) m.resolve(answer);
      else sendEach(url, headers, members);
      return;
    }
    members.forEach((m, i) => m.resolve({ status: answer.status, headers: answer.headers, text: '', parsed: parts[i] }));
  };

  const coalesced = (url: string, headers: Record<string, string>, body: string, fetch: EntityFetch): Promise<Buffered> =>
    new Promise<Buffered>((resolve, reject) => {
      const key = coalesceKey(url, headers);
      let group = groups.get(key);
      if (group && group.members.length >= MAX_GROUP) {
        void flush(key);
        group = undefined;
      }
      if (!group) {
        groups.set(key, (group = { url, headers, members: [] }));
        // Fetches of one Parallel plan node reach here in the same turn; the next turn sends them.
        setImmediate(() => {
          if (groups.get(key) === group) void flush(key);
        });
      }
      group.members.push({ fetch, body, resolve, reject });
    });

  const fetcher = async (url: string, init?: FetcherRequestInit): Promise<FetcherResponse> => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const body = String(init?.body ?? '');
    const entityFetch = options.coalesce ? entityFetchOf(body) : null;
    if (entityFetch) return responseOf(url, await coalesced(url, headers, body, entityFetch));
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
