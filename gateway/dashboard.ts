/**
 * The statistics dashboard at /dashboard: the static single-page app under web/dashboard, which talks only to the
 * public /graphql (signing in through the console's development sign-in where that exists), and Apache ECharts'
 * browser bundle from the installed `echarts` package at one fixed path, /dashboard/vendor/echarts.min.js. No other
 * file of node_modules is reachable.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type http from 'node:http';
import { PROJECT_ROOT } from '../subgraphs/kit/config';
import type { HttpRoute } from '../subgraphs/kit/http';
import { SECURITY_HEADERS, staticFiles } from '../subgraphs/kit/static-files';

export const DASHBOARD_DIR = path.join(PROJECT_ROOT, 'web', 'dashboard');

/** The minified UMD bundle of the exact `echarts` version in package-lock.json (it defines `window.echarts`). */
export function echartsBundlePath(): string {
  return createRequire(path.join(PROJECT_ROOT, 'package.json')).resolve('echarts/dist/echarts.min.js');
}

/**
 * Serves one file read once: GET and HEAD, with an ETag so that a browser revalidates the 1 MB bundle without
 * downloading it again (its name carries no version, so it cannot be cached for long).
 */
export function vendorFile(file: string): HttpRoute['handle'] {
  let loaded: Promise<{ body: Buffer; etag: string }> | undefined;
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return void res.end(`Method ${req.method ?? ''} is not allowed here; use GET.\n`);
    }
    loaded ??= fs.readFile(file).then((body) => ({ body, etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` }));
    const { body, etag } = await loaded;
    const headers = { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache', etag, ...SECURITY_HEADERS };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      return void res.end();
    }
    res.writeHead(200, { ...headers, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** The /dashboard route: the app's files and the charting library. */
export function dashboardRoute(dir: string = DASHBOARD_DIR): HttpRoute {
  return staticFiles({ prefix: '/dashboard', dir, endpoints: { '/vendor/echarts.min.js': vendorFile(echartsBundlePath()) } });
}
