/**
 * The graph IDE: GraphiQL for a browser's GET of /graphql (Accept: text/html), its bundle under /ide (built by
 * scripts/build-ide.ts into web/ide/dist), nothing from any other origin. Sign-in goes through the console's
 * development sign-in (/console/dev-token) where that exists, or a pasted token.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { PROJECT_ROOT } from '../subgraphs/kit/config';
import type { HttpRoute } from '../subgraphs/kit/http';
import { SAME_ORIGIN_CSP, SECURITY_HEADERS, staticFiles } from '../subgraphs/kit/static-files';

export const IDE_SOURCE = path.join(PROJECT_ROOT, 'web', 'ide');
export const IDE_DIST = path.join(IDE_SOURCE, 'dist');
const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * The console's policy with two deviations for monaco-editor, on this page only. <style> elements need this
 * response's nonce: monaco writes its theme and decorations into <style> elements it creates at run time
 * (web/ide/csp-nonce.ts gives them the nonce). Style *attributes* are allowed: monaco renders its lines as HTML
 * text with `style="top:…;height:…"`, which no nonce or hash can cover. An attribute cannot run script or load from
 * another origin (img-src and font-src stay 'self'); scripts, workers and connections stay same-origin only.
 */
export function ideCsp(nonce: string): string {
  return `${SAME_ORIGIN_CSP.replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'; style-src-attr 'unsafe-inline'`)}; worker-src 'self'`;
}

/** Whether a browser asks for a page rather than a GraphQL response (text/html ranked above every JSON type). */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  let html = 0;
  let json = 0;
  for (const [i, part] of accept.split(',').entries()) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    // A tie goes to the type listed first: a small rank below 0.001, the precision of q.
    const rank = (Number.isFinite(q) ? q : 0) - i * 1e-6;
    if (type.trim() === 'text/html') html = Math.max(html, rank);
    if (['application/json', 'application/graphql-response+json'].includes(type.trim())) json = Math.max(json, rank);
  }
  return html > 0 && html > json;
}

export interface GraphIde {
  /** /ide: the bundle's files. */
  route: HttpRoute;
  /** The page, with a fresh CSP nonce: for GET /graphql from a browser, and /ide itself. */
  page: HttpRoute['handle'];
}

/** Fails at start-up, with the fix, when the bundle was never built (its manifest is written last). */
export function graphIde(dir: string = IDE_DIST): GraphIde {
  const template = path.join(dir, 'index.html');
  if (!fs.existsSync(path.join(dir, 'manifest.json')) || !fs.existsSync(template)) {
    throw new Error(`The graph IDE bundle is missing from ${path.relative(PROJECT_ROOT, dir) || dir}: run \`npm run build:ide\` (npm ci and npm install run it as the prepare script).`);
  }
  const html = fs.readFileSync(template, 'utf8');
  const page: HttpRoute['handle'] = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return void res.end(`Method ${req.method ?? ''} is not allowed here; use GET.\n`);
    }
    const nonce = crypto.randomBytes(18).toString('base64');
    const body = Buffer.from(html.replaceAll(NONCE_PLACEHOLDER, nonce));
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-security-policy': ideCsp(nonce),
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      // A nonce is good for one response only.
      'cache-control': 'no-store',
      vary: 'Accept',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  return { route: staticFiles({ prefix: '/ide', dir, endpoints: { '': page, '/': page, '/index.html': page } }), page };
}
