/**
 * The gateway's /graphql over HTTP: the GraphQL-over-HTTP audit suite of the graphql-http package (every MUST
 * passes; the SHOULDs it does not meet are listed in README "Query safety and rate limits" with the reasons),
 * CSRF prevention, CORS per origin, and the request body limit.
 */
import { serverAudits } from 'graphql-http';
import { startTestGateway, type TestGateway } from '../support/gateway';

let gw: TestGateway;
let developer: Record<string, string>;
const DASHBOARD_ORIGIN = 'https://dashboard.stats.hainan.example';

beforeAll(async () => {
  gw = await startTestGateway({ http: { bodyLimitBytes: 4096, corsOrigins: [DASHBOARD_ORIGIN] } });
  // Several audits query `__type`: introspection is answered to developers only, so the suite runs as one.
  developer = await gw.as({ sub: 'dev-1', dept: 'data-bureau', roles: ['developer'] });
});
afterAll(async () => {
  await gw?.stop();
});

/** What the suite reports for SHOULD and MAY items this gateway does not meet: documented in README, kept in step here. */
const KNOWN_NOT_MET = [
  'SHOULD use 200 status code on document parsing failure when accepting application/json',
  'SHOULD use 200 status code on document validation failure when accepting application/json',
  'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
  'MAY accept application/x-www-form-urlencoded formatted GET requests',
  'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
  'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
];

describe('GraphQL-over-HTTP audit suite (graphql-http)', () => {
  it('passes every MUST and misses only the documented SHOULD and MAY items', async () => {
    const audits = serverAudits({
      url: () => gw.url,
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...developer } }),
    });
    const failedMust: string[] = [];
    const notMet: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === 'ok') continue;
      if (audit.name.startsWith('MUST')) failedMust.push(`${audit.name}: ${result.reason}`);
      else notMet.push(audit.name);
    }
    expect(failedMust).toEqual([]);
    expect(notMet.sort()).toEqual([...KNOWN_NOT_MET].sort());
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBe(13); // graphql-http 1.23.1
  });
});

describe('CSRF prevention', () => {
  it('refuses a simple GET without a preflight-forcing header, and answers one with it', async () => {
    const refused = await fetch(`${gw.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/CSRF/);
    const ok = await fetch(`${gw.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a form POST (text/plain), which a browser sends cross-site without a preflight', async () => {
    const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(400);
  });
});

describe('CORS', () => {
  it('answers a preflight from an allowed origin with that origin, methods and headers, and no credentials', async () => {
    const res = await fetch(gw.url, { method: 'OPTIONS', headers: { origin: DASHBOARD_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(DASHBOARD_ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization.*content-type.*x-purpose/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('refuses a preflight from another origin and sends no CORS headers to it', async () => {
    const pre = await fetch(gw.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(gw.url, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends the allowed origin on the actual request, with Retry-After readable by the page', async () => {
    const res = await fetch(gw.url, { method: 'POST', headers: { origin: DASHBOARD_ORIGIN, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(DASHBOARD_ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toBe('retry-after');
  });

  it('sends no CORS headers at all when no origin is configured', async () => {
    const plain = await startTestGateway();
    try {
      const res = await fetch(plain.url, { method: 'OPTIONS', headers: { origin: DASHBOARD_ORIGIN, 'access-control-request-method': 'POST' } });
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('vary')).toBeNull();
    } finally {
      await plain.stop();
    }
  });
});

describe('request body limit', () => {
  it('returns 413 with PAYLOAD_TOO_LARGE naming the limit for a body over it, and nothing reaches a subgraph', async () => {
    gw.stubs.requests.length = 0;
    const query = `{ region(code: "460100") { name } } # ${'x'.repeat(5000)}`;
    const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/limit of 4096 bytes/), extensions: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(gw.stubs.requests).toEqual([]);
  });

  it('returns 413 for a chunked body without a length once it passes the limit', async () => {
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i += 1) controller.enqueue(new TextEncoder().encode(' '.repeat(1000)));
        controller.close();
      },
    });
    const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });
});
