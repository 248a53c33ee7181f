/**
 * The graph IDE over real HTTP, the gateway in front of stub subgraphs: a browser's GET of /graphql gets the page
 * with its strict CSP (a fresh style nonce each time), every other request of /graphql is answered as before, the
 * bundle is served under /ide and nothing else; and introspection by callers who are neither developers nor
 * security officers answers the schema without the fields governance's `myAccess` says they may never read.
 */
import os from 'node:os';
import { graphIde } from '../../gateway/ide';
import { PLATFORM_CATALOGUE } from '../../subgraphs/platform-catalogue';
import { startTestGateway, type TestGateway } from '../support/gateway';

let gw: TestGateway;
let base: string;
let analyst: Record<string, string>;
let developer: Record<string, string>;
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

beforeAll(async () => {
  gw = await startTestGateway();
  base = `http://127.0.0.1:${gw.gateway.port}`;
  analyst = await gw.as({ sub: 'health-1', dept: 'health', roles: ['analyst'], region: '460000' });
  developer = await gw.as({ sub: 'dev-1', dept: 'data-bureau', roles: ['developer'] });
});
afterAll(async () => {
  await gw?.stop();
});

const nonceOf = (csp: string | null) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? '')?.[1];

describe('GET /graphql from a browser', () => {
  it('returns the IDE page with a strict same-origin CSP and a fresh style nonce per response', async () => {
    const first = await fetch(`${base}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(first.headers.get('cache-control')).toBe('no-store');
    const csp = first.headers.get('content-security-policy')!;
    for (const directive of ["default-src 'self'", "script-src 'self';", "connect-src 'self'", "worker-src 'self'", "img-src 'self' data:", "object-src 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
    // Only style attributes may be inline (monaco renders lines with them): <style> elements need the nonce.
    expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'; style-src-attr 'unsafe-inline'/);
    const html = await first.text();
    expect(html).toContain(`<script src="/ide/ide.js" nonce="${nonceOf(csp)}" defer></script>`);
    expect(html).not.toMatch(/https?:\/\//);
    const second = await fetch(`${base}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(nonceOf(second.headers.get('content-security-policy'))).not.toBe(nonceOf(csp));
  });

  it('refuses to start without the bundle, saying how to build it', () => {
    expect(() => graphIde(os.tmpdir())).toThrow(/run `npm run build:ide`/);
  });

  it('serves the bundle and its workers under /ide, and the page at /ide itself', async () => {
    for (const file of ['ide.js', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
      const res = await fetch(`${base}/ide/${file}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
    expect((await fetch(`${base}/ide/ide.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const page = await fetch(`${base}/ide`);
    expect(page.headers.get('content-security-policy')).toContain("'nonce-");
    expect(await page.text()).not.toContain('__CSP_NONCE__');
    expect((await fetch(`${base}/ide/%2e%2e/index.html`)).status).toBe(404);
  });
});

describe('other requests of /graphql', () => {
  it('answers a GET without text/html as before: CSRF prevention, then GraphQL', async () => {
    const blocked = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
    expect(blocked.status).toBe(400);
    expect(await blocked.text()).toMatch(/Cross-Site Request Forgery/);
    const ok = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { __typename: 'Query' } });
    // JSON ranked first wins a tie with text/html: a GraphQL client's Accept is not a browser's.
    const client = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json, text/html', 'apollo-require-preflight': 'true' } });
    expect(client.headers.get('content-type')).toMatch(/json/);
  });

  it('answers a POST as before, whatever its Accept', async () => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { accept: BROWSER_ACCEPT, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

/** A myAccess answer: every catalogued field FULL, except the given decisions. */
function myAccess(overrides: Record<string, { decision: string; dependsOnRecord?: boolean }>) {
  return Object.entries(PLATFORM_CATALOGUE).map(([type, entry]) => ({
    type,
    fields: Object.keys(entry.fields).map((field) => {
      const o = overrides[`${type}.${field}`];
      return { field, decision: o?.decision ?? 'FULL', dependsOnRecord: o?.dependsOnRecord ?? false };
    }),
  }));
}

async function personFields(headers: Record<string, string>) {
  const res = await fetch(gw.url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __type(name: "Person") { fields { name } } }' }) });
  return { status: res.status, body: (await res.json()) as { data?: { __type: { fields: { name: string }[] } | null }; errors?: { extensions: { code: string } }[] } };
}

describe('introspection by callers who are neither developers nor security officers', () => {
  it('returns the schema without the fields they may never read, keeping masked and record-dependent ones', async () => {
    gw.stubs.data = { myAccess: myAccess({ 'Person.maritalStatus': { decision: 'DENIED' }, 'Person.idNumber': { decision: 'MASKED' }, 'Person.address': { decision: 'DENIED', dependsOnRecord: true } }) };
    gw.stubs.requests.length = 0;
    const { status, body } = await personFields(analyst);
    expect(status).toBe(200);
    const names = body.data!.__type!.fields.map((f) => f.name);
    expect(names).not.toContain('maritalStatus');
    expect(names).toEqual(expect.arrayContaining(['name', 'idNumber', 'address']));
    // Their decisions came from governance, asked with their own headers.
    expect(gw.stubs.requests).toEqual([{ domain: 'governance', query: expect.stringContaining('myAccess') }]);
  });

  it('leaves out a type they may read nothing of', async () => {
    const denied = Object.fromEntries(Object.keys(PLATFORM_CATALOGUE.HealthRecord.fields).map((f) => [`HealthRecord.${f}`, { decision: 'DENIED' }]));
    gw.stubs.data = { myAccess: myAccess(denied) };
    const res = await fetch(gw.url, { method: 'POST', headers: { ...analyst, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __type(name: "HealthRecord") { name } }' }) });
    expect(await res.json()).toEqual({ data: { __type: null } });
  });

  it('refuses them (FORBIDDEN) when governance does not answer, or when the operation also reads data', async () => {
    gw.stubs.data = {};
    const { status, body } = await personFields(analyst);
    expect(status).toBe(403);
    expect(body.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    gw.stubs.data = { myAccess: myAccess({}) };
    const mixed = await fetch(gw.url, { method: 'POST', headers: { ...analyst, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { queryType { name } } regions { name } }' }) });
    expect(mixed.status).toBe(403);
  });

  it('answers developers the whole schema, without asking governance', async () => {
    gw.stubs.data = { myAccess: myAccess({ 'Person.maritalStatus': { decision: 'DENIED' } }) };
    gw.stubs.requests.length = 0;
    const { body } = await personFields(developer);
    expect(body.data!.__type!.fields.map((f) => f.name)).toContain('maritalStatus');
    expect(gw.stubs.requests).toEqual([]);
  });
});
