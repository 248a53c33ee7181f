/**
 * The HTTP front of every service (each subgraph and the gateway): /graphql through Apollo Server,
 * /healthz (the process is alive, and the policy version in force) and /readyz (its dependencies answer), optional
 * extra routes under their own path prefixes (the gateway's console), a page for browsers at /graphql (the gateway's
 * IDE), a request body limit, and a graceful stop
 * that finishes in-flight requests before closing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { ErrorCode } from './errors';
import { eventLoopBusy } from './metrics';

export interface HttpOptions<Ctx extends BaseContext> {
  apollo: ApolloServer<Ctx>;
  /**
   * The request's context: `remoteAddress` is the peer's socket address (rate limits of callers without a token);
   * `body` (parsed JSON) and `search` are what Apollo will read (the gateway's trusted-document check).
   */
  context: (headers: HeaderMap, request: { remoteAddress: string; body: unknown; search: string }) => Promise<Ctx>;
  /** Whether the service's dependencies answer; `reason` says what does not (shown on /readyz). */
  ready: () => Promise<boolean | { ready: boolean; reason?: string }>;
  port: number;
  host: string;
  /**
   * What /healthz reports as in force: the active policy version and `policy_state.seq` of the service's policy
   * store (subgraphs; the gateway has none), so operators and the reload benchmark see when a change arrived.
   */
  policy?: () => { version: number; seq: number };
  /** Data SQL statements sent since start (subgraphs), on /healthz: the gateway benchmark's SQL per request. */
  statements?: () => number;
  /** @default 1 MiB; a larger body gets 413 with `PAYLOAD_TOO_LARGE`. */
  bodyLimitBytes?: number;
  /**
   * Browser origins allowed to call /graphql (exact `scheme://host:port`). @default none: no CORS headers, and a
   * preflight is refused. Credentials (cookies) are never allowed: callers send bearer tokens.
   */
  corsOrigins?: readonly string[];
  /** Extra routes, each owning the paths under its prefix; /graphql, /healthz and /readyz cannot be taken. */
  routes?: readonly HttpRoute[];
  /**
   * A page for a browser's GET (or HEAD) of /graphql, when `wantsPage` says it asks for one (the gateway's IDE);
   * every other request of /graphql goes to Apollo Server as before.
   */
  graphqlPage?: { wantsPage(accept: string | undefined): boolean; handle: HttpRoute['handle'] };
}

/** What a route gets besides the raw request and response: the parsed URL and the body under the limit. */
export interface RouteRequest {
  url: URL;
  /** The request body as text; a body over the limit answers 413 for the route. */
  body(): Promise<string>;
}

/** A handler for `prefix` and every path below it (`/console`, `/console/app.js`; not `/consoles`). */
export interface HttpRoute {
  prefix: string;
  handle(req: http.IncomingMessage, res: http.ServerResponse, request: RouteRequest): Promise<void>;
}

function routeFor(routes: readonly HttpRoute[], pathname: string): HttpRoute | undefined {
  return routes.find((r) => pathname === r.prefix || pathname.startsWith(`${r.prefix}/`));
}

export interface RunningHttp {
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish, then closes. */
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Discard the rest rather than reset the socket, so the client reads the 413; the connection closes after it.
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A request's headers as the context factories read them (the first of a repeated header). */
export function headerGetter(req: http.IncomingMessage): { get(name: string): string | undefined } {
  return {
    get(name) {
      const v = req.headers[name.toLowerCase()];
      return Array.isArray(v) ? v[0] : v;
    },
  };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** A GraphQL-shaped error answer, for the kit's plain HTTP routes as for the GraphQL endpoint. */
export function graphQLError(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

/** Headers of a preflight's answer: what a browser may send to /graphql (identity, purpose, CSRF-safe headers). */
const CORS_ALLOW_HEADERS = 'authorization, content-type, x-purpose, x-request-id, apollo-require-preflight, x-apollo-operation-name';

/**
 * CORS for /graphql: an allowed origin is echoed (never `*`, never with credentials); a preflight from any other
 * origin is refused with 403. Returns true when the request was a preflight and has been answered.
 */
function cors(req: http.IncomingMessage, res: http.ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origins.length > 0) res.setHeader('vary', 'Origin');
  const allowed = origin !== undefined && origins.includes(origin);
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'retry-after');
  }
  if (req.method !== 'OPTIONS' || !req.headers['access-control-request-method']) return false;
  if (!allowed) {
    graphQLError(res, 403, 'FORBIDDEN', `Origin "${origin ?? ''}" may not call this graph from a browser; its operators list allowed origins in CORS_ORIGINS.`);
    return true;
  }
  res.writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': CORS_ALLOW_HEADERS, 'access-control-max-age': '600' });
  res.end();
  return true;
}

export async function serveHttp<Ctx extends BaseContext>(options: HttpOptions<Ctx>): Promise<RunningHttp> {
  const limit = options.bodyLimitBytes ?? 1024 * 1024;
  const routes = options.routes ?? [];
  for (const r of routes) {
    if (!/^\/[a-z0-9-]+$/.test(r.prefix) || ['/graphql', '/healthz', '/readyz'].includes(r.prefix)) {
      throw new Error(`Route prefix "${r.prefix}" must be one lower-case path segment other than /graphql, /healthz and /readyz.`);
    }
  }
  let inFlight = 0;
  let stopping = false;
  let drained: (() => void) | undefined;

  const handleGraphQL = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    if (cors(req, res, options.corsOrigins ?? [])) return;
    let body: unknown;
    if (req.method === 'POST') {
      if (Number(req.headers['content-length'] ?? 0) > limit) {
        req.resume(); // discarded: the answer is 413 and the connection closes after it
        throw new BodyTooLarge();
      }
      const text = await readBody(req, limit);
      const type = headers.get('content-type') ?? '';
      if (text.length > 0 && type.includes('json')) {
        try {
          body = JSON.parse(text);
        } catch {
          graphQLError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
          return;
        }
      } else {
        body = text;
      }
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => options.context(headers, { remoteAddress: req.socket.remoteAddress ?? 'unknown', body, search: url.search }),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const server = http.createServer((req, res) => {
    inFlight += 1;
    const ended = eventLoopBusy();
    res.on('close', () => {
      ended();
      inFlight -= 1;
      if (stopping && inFlight === 0) drained?.();
    });
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async (): Promise<void> => {
      if (stopping) res.setHeader('connection', 'close');
      if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok', ...(options.policy ? { policy: options.policy() } : {}), ...(options.statements ? { sqlStatements: options.statements() } : {}) });
      if (url.pathname === '/readyz') {
        const answer = stopping ? { ready: false, reason: 'stopping' } : await options.ready();
        const { ready, reason } = typeof answer === 'boolean' ? { ready: answer, reason: undefined } : answer;
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...(reason && !ready ? { reason } : {}) });
      }
      if (url.pathname === '/graphql') {
        const page = options.graphqlPage;
        if (page && (req.method === 'GET' || req.method === 'HEAD') && page.wantsPage(req.headers.accept)) return page.handle(req, res, { url, body: () => readBody(req, limit) });
        return handleGraphQL(req, res, url);
      }
      const extra = routeFor(routes, url.pathname);
      if (extra) return extra.handle(req, res, { url, body: () => readBody(req, limit) });
      return sendJson(res, 404, { error: `No route ${url.pathname}; GraphQL is served at /graphql.` });
    };
    route().catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof BodyTooLarge) {
        res.setHeader('connection', 'close');
        return graphQLError(res, 413, ErrorCode.PayloadTooLarge, `The request body is larger than the limit of ${limit} bytes; send a smaller operation (persisted queries send only a hash).`);
      }
      graphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
    });
  });
  // Keep-alive from the gateway should outlive its agent's idle timeout, so sockets are not reset under it.
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${options.host}:${port}/graphql`,
    port,
    async close() {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      server.closeAllConnections();
      await closed;
    },
  };
}
