/**
 * The gateway's /dashboard route over real HTTP: the app's files with their content types and a same-origin CSP
 * without 'unsafe-inline', the charting library at its one fixed path (revalidated by ETag), and nothing else of
 * node_modules or of the project reachable.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_AUDIENCE, DEV_ISSUER, gatewayConfig, type AuthConfig } from '../../subgraphs/kit/config';
import { startGateway, type RunningGateway } from '../../gateway';
import { echartsBundlePath } from '../../gateway/dashboard';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Sends the path exactly as written (fetch would normalise dot segments before they reach the server). */
function raw(port: number, method: string, rawPath: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-dashboard-http-'));
  const auth: AuthConfig = { jwks: { devKeysDir: path.join(dir, 'keys') }, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, clockToleranceSeconds: 30 };
  return { dir, auth };
}

describe('the /dashboard route of the gateway', () => {
  let gateway: RunningGateway;
  let dir: string;
  beforeAll(async () => {
    const s = setup();
    dir = s.dir;
    // Serving files needs no subgraph: the gateway plans against the static supergraph.
    gateway = await startGateway({ ...gatewayConfig({}), auth: s.auth, port: 0 });
  });
  afterAll(async () => {
    await gateway?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('returns the app at /dashboard and /dashboard/ as HTML with a same-origin CSP and no inline styles or scripts allowed', async () => {
    for (const p of ['/dashboard', '/dashboard/', '/dashboard/index.html']) {
      const res = await raw(gateway.port, 'GET', p);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).toContain('<script defer src="/dashboard/vendor/echarts.min.js"></script>');
      expect(res.body).toContain('<script type="module" src="/dashboard/dashboard.js"></script>');
    }
  });

  it('keeps every script in a file: the HTML has no inline script, handler or style attribute', async () => {
    const html = (await raw(gateway.port, 'GET', '/dashboard/')).body;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('returns the modules and the stylesheet with their content types', async () => {
    for (const file of ['dashboard.js', 'api.js', 'map.js', 'charts.js', 'indicators.js', 'format.js', 'hatch.js', 'dom.js', 'backlog.js']) {
      const res = await raw(gateway.port, 'GET', `/dashboard/${file}`);
      expect([file, res.status, res.headers['content-type']]).toEqual([file, 200, 'text/javascript; charset=utf-8']);
    }
    const css = await raw(gateway.port, 'GET', '/dashboard/dashboard.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('returns the installed ECharts bundle at its fixed path, revalidated by ETag', async () => {
    const res = await raw(gateway.port, 'GET', '/dashboard/vendor/echarts.min.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.body).toBe(fs.readFileSync(echartsBundlePath(), 'utf8'));
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await raw(gateway.port, 'GET', '/dashboard/vendor/echarts.min.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    const head = await raw(gateway.port, 'HEAD', '/dashboard/vendor/echarts.min.js');
    expect([head.status, head.body]).toEqual([200, '']);
    expect((await raw(gateway.port, 'POST', '/dashboard/vendor/echarts.min.js')).status).toBe(405);
  });

  it('refuses every other path into node_modules or out of web/dashboard', async () => {
    for (const p of [
      '/dashboard/vendor/echarts.js',
      '/dashboard/vendor/',
      '/dashboard/node_modules/echarts/package.json',
      '/dashboard/../node_modules/echarts/package.json',
      '/dashboard/%2e%2e/%2e%2e/package.json',
      '/dashboard/..%2f..%2fpackage.json',
      '/dashboard/..%5c..%5cpackage.json',
      '/dashboard/vendor/..%2f..%2f..%2fpackage.json',
      '/dashboard/%00index.html',
      '/dashboard/.hidden',
    ]) {
      const res = await raw(gateway.port, 'GET', p);
      expect([p, res.status]).toEqual([p, 404]);
    }
  });
});
