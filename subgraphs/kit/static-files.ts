/**
 * A route serving the files of one folder under a path prefix (the gateway's web console): GET and HEAD only, a
 * fixed list of file types, never a path outside the folder (dot segments, encoded slashes and backslashes, NUL and
 * symbolic links pointing out are all refused), `index.html` for the prefix itself, and the security headers a
 * same-origin single-page app needs.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type http from 'node:http';
import type { HttpRoute, RouteRequest } from './http';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Scripts, styles, images and requests from this origin only: no inline script, no framing, no plugins. */
export const SAME_ORIGIN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': SAME_ORIGIN_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export interface StaticFilesOptions {
  /** The URL path prefix, e.g. `/console`. */
  prefix: string;
  /** The folder served (absolute). */
  dir: string;
  /** Handlers for exact paths below the prefix (e.g. `/console/dev-token`), tried before the files. */
  endpoints?: Readonly<Record<string, HttpRoute['handle']>>;
}

function notFound(res: http.ServerResponse, pathname: string): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(`Not found: ${pathname}\n`);
}

/**
 * The file under `dir` that a path below the prefix names, or null when the path is not a plain relative path of
 * ordinary segments (the URL parser already removed literal and %2e dot segments; what is left here are encoded
 * slashes, backslashes, control characters and hidden files).
 */
export function resolveStaticPath(dir: string, rest: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  if (decoded === '' || decoded === '/') decoded = 'index.html';
  decoded = decoded.replace(/^\//, '');
  if (/[\\\u0000-\u001f]/.test(decoded)) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '' || s.startsWith('.'))) return null;
  const file = path.resolve(dir, ...segments);
  return file.startsWith(dir + path.sep) ? file : null;
}

const gzip = promisify(zlib.gzip);
/** Text worth compressing: the IDE's bundle is megabytes of script, a fifth of that gzipped. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;
const MIN_COMPRESSED_BYTES = 1024;

/** Gzipped bodies by file and ETag: each changed file is compressed once, on its first request. */
class GzipCache {
  private readonly entries = new Map<string, { etag: string; body: Promise<Buffer> }>();

  get(file: string, etag: string, body: Buffer): Promise<Buffer> {
    const hit = this.entries.get(file);
    if (hit?.etag === etag) return hit.body;
    const compressed = gzip(body, { level: 9 });
    this.entries.set(file, { etag, body: compressed });
    compressed.catch(() => this.entries.delete(file));
    return compressed;
  }
}

function acceptsGzip(req: http.IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

export function staticFiles(options: StaticFilesOptions): HttpRoute {
  const dir = path.resolve(options.dir);
  const endpoints = options.endpoints ?? {};
  const gzipped = new GzipCache();
  let realDir: Promise<string> | undefined;
  return {
    prefix: options.prefix,
    async handle(req: http.IncomingMessage, res: http.ServerResponse, request: RouteRequest) {
      const pathname = request.url.pathname;
      const endpoint = endpoints[pathname.slice(options.prefix.length)];
      if (endpoint) return endpoint(req, res, request);
      const file = resolveStaticPath(dir, pathname.slice(options.prefix.length));
      const type = file ? CONTENT_TYPES[path.extname(file).toLowerCase()] : undefined;
      if (!file || !type) return notFound(res, pathname);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
        return void res.end(`Method ${req.method ?? ''} is not allowed here; use GET.\n`);
      }
      let body: Buffer;
      let etag: string;
      let real: string;
      try {
        // A symbolic link inside the folder must not lead outside it.
        realDir ??= fs.realpath(dir);
        real = await fs.realpath(file);
        if (!real.startsWith((await realDir) + path.sep)) return notFound(res, pathname);
        const stat = await fs.stat(real);
        etag = `W/"${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}"`;
        // Revalidation of an unchanged file (the IDE's bundle is megabytes): 304, nothing read or sent.
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag, 'cache-control': 'no-cache', vary: 'accept-encoding', ...SECURITY_HEADERS });
          return void res.end();
        }
        body = await fs.readFile(real);
      } catch {
        return notFound(res, pathname);
      }
      // No fingerprinted names: the browser revalidates every file, by its ETag.
      const headers: http.OutgoingHttpHeaders = { 'content-type': type, 'cache-control': 'no-cache', etag, vary: 'accept-encoding', ...SECURITY_HEADERS };
      if (body.length >= MIN_COMPRESSED_BYTES && COMPRESSIBLE.test(type) && acceptsGzip(req)) {
        body = await gzipped.get(real, etag, body);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, { ...headers, 'content-length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
  };
}
