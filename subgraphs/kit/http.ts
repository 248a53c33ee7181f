/**
 * The HTTP front of every service (each subgraph and the gateway): /graphql through Apollo Server,
 * /healthz (the process is alive, and the policy version in force) and /readyz (its dependencies answer), optional
 * extra routes under their own path prefixes (the gateway's console), a request body limit, and a graceful stop
 * that finishes in-flight requests before closing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export interface HttpOptions<Ctx extends BaseContext> {
  apollo: ApolloServer<Ctx>;
  context: (headers: HeaderMap) => Promise<Ctx>;
  /** Whether the service's dependencies answer; `reason` says what does not (shown on /readyz). */
  ready: () => Promise<boolean | { ready: boolean; reason?: string }>;
  port: number;
  host: string;
  /**
   * What /healthz reports as in force: the active policy version and `policy_state.seq` of the service's policy
   * store (subgraphs; the gateway has none), so operators and the reload benchmark see when a change arrived.
   */
  policy?: () => { version: number; seq: number };
  /** @default 1 MiB */
  bodyLimitBytes?: number;
  /** Extra routes, each owning the paths under its prefix; /graphql, /healthz and /readyz cannot be taken. */
  routes?: readonly HttpRoute[];
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
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function graphQLError(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
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
    let body: unknown;
    if (req.method === 'POST') {
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
      context: () => options.context(headers),
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
    res.on('close', () => {
      inFlight -= 1;
      if (stopping && inFlight === 0) drained?.();
    });
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async (): Promise<void> => {
      if (stopping) res.setHeader('connection', 'close');
      if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok', ...(options.policy ? { policy: options.policy() } : {}) });
      if (url.pathname === '/readyz') {
        const answer = stopping ? { ready: false, reason: 'stopping' } : await options.ready();
        const { ready, reason } = typeof answer === 'boolean' ? { ready: answer, reason: undefined } : answer;
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...(reason && !ready ? { reason } : {}) });
      }
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url);
      const extra = routeFor(routes, url.pathname);
      if (extra) return extra.handle(req, res, { url, body: () => readBody(req, limit) });
      return sendJson(res, 404, { error: `No route ${url.pathname}; GraphQL is served at /graphql.` });
    };
    route().catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof BodyTooLarge) {
        return graphQLError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${limit} bytes.`);
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
