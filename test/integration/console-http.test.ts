/**
 * The gateway's /console route over real HTTP: the app's files with their content types and security headers, no
 * way out of web/console, and development sign-in only where the gateway holds the development key.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createTokenVerifier, ensureDevKeys } from '../../auth';
import { DEFAULT_AUDIENCE, DEV_ISSUER, gatewayConfig, type AuthConfig } from '../../subgraphs/kit/config';
import { resolveStaticPath } from '../../subgraphs/kit/static-files';
import { startGateway, type RunningGateway } from '../../gateway';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Sends the path exactly as written (fetch would normalise dot segments before they reach the server). */
function raw(port: number, method: string, rawPath: string, body?: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const postJson = (port: number, rawPath: string, value: unknown) => raw(port, 'POST', rawPath, JSON.stringify(value), { 'content-type': 'application/json' });

function setup(label: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hdg-console-${label}-`));
  const dev: AuthConfig = { jwks: { devKeysDir: path.join(dir, 'keys') }, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, clockToleranceSeconds: 30 };
  return { dir, dev };
}

describe('the /console route of the gateway (development key)', () => {
  let gateway: RunningGateway;
  let dev: AuthConfig;
  let dir: string;
  beforeAll(async () => {
    ({ dev, dir } = setup('dev'));
    // The gateway plans against the static supergraph; serving files and minting tokens needs no subgraph.
    gateway = await startGateway({ ...gatewayConfig({}), auth: dev, port: 0 });
  });
  afterAll(async () => {
    await gateway?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('returns the app at /console and /console/ as HTML that is revalidated, with a same-origin CSP', async () => {
    for (const p of ['/console', '/console/', '/console/index.html']) {
      const res = await raw(gateway.port, 'GET', p);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).toContain('<script type="module" src="/console/console.js"></script>');
    }
  });

  it('keeps every script in a file: the HTML has no inline script or handler', async () => {
    const html = (await raw(gateway.port, 'GET', '/console/')).body;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });

  it('returns scripts and styles with their content types', async () => {
    const js = await raw(gateway.port, 'GET', '/console/console.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const page = await raw(gateway.port, 'GET', '/console/pages/policies.js');
    expect(page.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await raw(gateway.port, 'GET', '/console/console.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await raw(gateway.port, 'HEAD', '/console/console.css');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('answers 304 without a body to a revalidation of an unchanged file, and the file again for another ETag', async () => {
    const first = await raw(gateway.port, 'GET', '/console/console.js');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[0-9a-z]+-[0-9a-z]+"$/);
    const again = await raw(gateway.port, 'GET', '/console/console.js', undefined, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['content-security-policy']).toBeDefined();
    const other = await raw(gateway.port, 'GET', '/console/console.js', undefined, { 'if-none-match': 'W/"0-0"' });
    expect(other.status).toBe(200);
    expect(other.body).toBe(first.body);
  });

  it('returns a file gzipped to a browser that accepts it, the same bytes once inflated, and a small file as it is', async () => {
    const plain = await raw(gateway.port, 'GET', '/console/console.js');
    const zipped = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: gateway.port, path: '/console/console.js', headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.body.length).toBeLessThan(Buffer.byteLength(plain.body));
    expect(zlib.gunzipSync(zipped.body).toString('utf8')).toBe(plain.body);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('returns the modules the web apps share at /shared, with the same CSP, and nothing outside web/shared', async () => {
    const js = await raw(gateway.port, 'GET', '/shared/graphql.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-security-policy']).toContain("script-src 'self'");
    expect(js.body).toContain('export function graphqlClient');
    for (const p of ['/shared/../package.json', '/shared/%2e%2e/%2e%2e/package.json', '/shared/..%2fgraphql.js', '/shared/nothing.js']) {
      expect({ p, status: (await raw(gateway.port, 'GET', p)).status }).toEqual({ p, status: 404 });
    }
  });

  it('refuses every path out of web/console, literal or encoded', async () => {
    const attempts = [
      '/console/../package.json',
      '/console/%2e%2e/package.json',
      '/console/%2E%2E/%2E%2E/package.json',
      '/console/..%2fpackage.json',
      '/console/..%2F..%2Fpackage.json',
      '/console/%2e%2e%2fpackage.json',
      '/console/..%5cpackage.json',
      '/console/..\\package.json',
      '/console/pages/../../../package.json',
      '/console/%252e%252e/package.json',
      '/console/.%2e/package.json',
      '/console/%00../package.json',
      '/console//etc/passwd',
      '/console/%2fetc%2fpasswd',
      '/console/.git/config',
      '/consolex',
    ];
    for (const p of attempts) {
      const res = await raw(gateway.port, 'GET', p);
      expect({ p, status: res.status }).toEqual({ p, status: 404 });
      expect(res.body).not.toContain('"name": "hainan-data-graph"');
    }
  });

  it('resolves only plain relative paths inside the folder', () => {
    const root = path.resolve('/srv/console');
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/pages/grants.js')).toBe(path.join(root, 'pages', 'grants.js'));
    for (const bad of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e', '/a/../../b', '/%5c..', '/%E0%A4%A', '/a//b', '/.env']) {
      expect(resolveStaticPath(root, bad)).toBeNull();
    }
  });

  it('answers 404 for an unknown file and 405 for a write to a file', async () => {
    expect((await raw(gateway.port, 'GET', '/console/nothing.js')).status).toBe(404);
    expect((await raw(gateway.port, 'GET', '/console/pages')).status).toBe(404);
    expect((await raw(gateway.port, 'POST', '/console/console.js', 'x')).status).toBe(405);
  });

  it('serves the catalogue document read-only: as a page with no script, and as the Markdown file itself', async () => {
    const markdown = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'catalogue.md'), 'utf8');
    const page = await raw(gateway.port, 'GET', '/console/catalogue');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).toContain('<h3 id="person">Person</h3>');
    expect(page.body).toContain('<a href="#health-commission-health">Health Commission</a>');
    expect(page.body).toContain('<link rel="stylesheet" href="/console/console.css">');
    expect(page.body).not.toMatch(/<script/);
    const md = await raw(gateway.port, 'GET', '/console/catalogue.md');
    expect(md.status).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toBe(markdown);
    expect((await raw(gateway.port, 'HEAD', '/console/catalogue')).body).toBe('');
    expect((await raw(gateway.port, 'POST', '/console/catalogue.md', '')).status).toBe(405);
    // The console links to it.
    expect((await raw(gateway.port, 'GET', '/console/')).body).toContain('<a href="/console/catalogue">');
  });

  it('mints a development token that the gateway accepts, for a valid sign-in', async () => {
    const info = await raw(gateway.port, 'GET', '/console/dev-token');
    expect(JSON.parse(info.body)).toMatchObject({ available: true, departments: expect.arrayContaining(['data-bureau']), roles: expect.arrayContaining(['security-officer']) });
    const res = await postJson(gateway.port, '/console/dev-token', { sub: 'officer-a', dept: 'data-bureau', roles: ['security-officer'], region: '460000' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { token, expiresInSeconds } = JSON.parse(res.body) as { token: string; expiresInSeconds: number };
    expect(expiresInSeconds).toBeLessThanOrEqual(3600);
    const verifier = createTokenVerifier({ jwks: { file: path.join(dir, 'keys', 'dev-jwks.json') }, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({ sub: 'officer-a', dept: 'data-bureau', roles: ['security-officer'], region: '460000' });
    const graph = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"query":"{ __typename }"}' });
    expect(graph.status).toBe(200);
  });

  it('refuses a sign-in outside the vocabulary, naming each problem', async () => {
    const res = await postJson(gateway.port, '/console/dev-token', { sub: 'a b', dept: 'police', roles: ['root', 'officer'], region: '46', admin: true });
    expect(res.status).toBe(400);
    const { problems } = JSON.parse(res.body) as { problems: string[] };
    expect(problems).toEqual([
      expect.stringContaining('"sub"'),
      expect.stringContaining('"dept" must be one of public-security'),
      expect.stringContaining('"roles" must be a non-empty list'),
      expect.stringContaining('"region"'),
      'Unknown field(s) "admin".',
    ]);
    expect((await postJson(gateway.port, '/console/dev-token', { sub: 'a', dept: 'health', roles: [] })).status).toBe(400);
    expect((await postJson(gateway.port, '/console/dev-token', [])).status).toBe(400);
    expect((await raw(gateway.port, 'POST', '/console/dev-token', '{not json', { 'content-type': 'application/json' })).status).toBe(400);
    // A form post cannot mint a token: only JSON, which a cross-site page cannot send without a preflight.
    expect((await raw(gateway.port, 'POST', '/console/dev-token', 'sub=a&dept=health&roles=officer', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
  });
});

describe('the /console route of the gateway (identity provider keys)', () => {
  const started: RunningGateway[] = [];
  afterAll(async () => {
    for (const g of started) await g.stop();
  });

  it('has no development sign-in in production', async () => {
    const auth: AuthConfig = { jwks: { url: 'https://identity.example.invalid/jwks.json' }, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, clockToleranceSeconds: 30 };
    const gateway = await startGateway({ ...gatewayConfig({}), auth, port: 0, production: true });
    started.push(gateway);
    expect((await raw(gateway.port, 'GET', '/console/dev-token')).status).toBe(404);
    expect((await postJson(gateway.port, '/console/dev-token', { sub: 'a', dept: 'health', roles: ['officer'] })).status).toBe(404);
    // The console itself is served: officers sign in with the identity provider's token.
    expect((await raw(gateway.port, 'GET', '/console/')).status).toBe(200);
  });

  it('has no development sign-in where tokens come from a JWKS, even outside production', async () => {
    const { dir, dev } = setup('jwks');
    const { jwksFile } = await ensureDevKeys((dev.jwks as { devKeysDir: string }).devKeysDir);
    const gateway = await startGateway({ ...gatewayConfig({}), auth: { ...dev, jwks: { file: jwksFile } }, port: 0 });
    started.push(gateway);
    expect((await postJson(gateway.port, '/console/dev-token', { sub: 'a', dept: 'health', roles: ['officer'] })).status).toBe(404);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
