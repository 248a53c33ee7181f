/**
 * Trusted documents: registration (validated against the supergraph), and under TRUSTED_DOCUMENTS=enforce an app's
 * token runs only its app's registered operations, by hash or documentId, while everyone else keeps arbitrary
 * operations and automatic persisted queries. A refused operation never reaches a subgraph.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../subgraphs/kit/config';
import { loadTrustedDocuments, sha256 } from '../../gateway/trusted-documents';
import { registerDocuments, supergraphApiSchema } from '../../scripts/documents';
import { startTestGateway, type TestGateway } from '../support/gateway';

const SOURCE = `query RegionName($code: ID!) { region(code: $code) { ...Named } }
fragment Named on Region { name }
query Ping { __typename }`;

const schema = supergraphApiSchema();
let dir: string;
let regionName: string;
let gw: TestGateway;

async function post(headers: Record<string, string>, body: Record<string, unknown>) {
  const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] } };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-documents-'));
  const { added } = registerDocuments(dir, 'sanya-housing', SOURCE, schema);
  regionName = added.find((o) => o.name === 'RegionName')!.id;
  registerDocuments(dir, 'haikou-health', 'query OtherApp { regions(level: CITY) { code } }', schema);
  gw = await startTestGateway({ trustedDocuments: { mode: 'enforce', dir } });
  gw.stubs.data = { region: { name: '三亚市' } };
});
afterAll(async () => {
  await gw?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  gw.stubs.requests.length = 0;
});

describe(registerDocuments.name, () => {
  it('returns each named operation with the fragments it uses, hashed, and keeps what was registered before', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'sanya-housing', 'manifest.json'), 'utf8'));
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    expect(manifest.operations.map((o: any) => o.name)).toEqual(['Ping', 'RegionName']);
    const body = manifest.operations[1].body as string;
    expect(body).toMatch(/fragment Named on Region/);
    expect(sha256(body)).toBe(regionName);
    const again = registerDocuments(dir, 'sanya-housing', SOURCE, schema);
    expect(again.added).toEqual([]);
    expect(loadTrustedDocuments(dir).get('sanya-housing')?.size).toBe(2);
  });

  it('refuses an operation the supergraph does not accept, and an anonymous one', () => {
    expect(() => registerDocuments(dir, 'sanya-housing', 'query Bad { region(code: "1") { nope } }', schema)).toThrow(/Cannot query field "nope" on type "Region"/);
    expect(() => registerDocuments(dir, 'sanya-housing', '{ __typename }', schema)).toThrow(/needs a name/);
    expect(() => registerDocuments(dir, 'Sanya Housing', 'query A { __typename }', schema)).toThrow(/App name/);
  });

  it('registers from the command line and prints the hash', async () => {
    const file = path.join(dir, 'ops.graphql');
    fs.writeFileSync(file, 'query CliPing { __typename }');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/documents.ts', 'register', 'cli-app', file], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, TRUSTED_DOCUMENTS_DIR: dir },
    });
    expect(stdout).toContain(`registered query CliPing for cli-app: sha256:${sha256('query CliPing {\n  __typename\n}')}`);
  });
});

describe('an app under TRUSTED_DOCUMENTS=enforce', () => {
  const app = () => gw.as({ sub: 'clerk-1', dept: 'housing', roles: ['app'], client: 'sanya-housing' });

  it('returns data for a registered operation sent by hash, by documentId and as its full text', async () => {
    const byHash = await post(await app(), { variables: { code: '460200' }, extensions: { persistedQuery: { version: 1, sha256Hash: regionName } } });
    expect(byHash).toEqual({ status: 200, body: { data: { region: { name: '三亚市' } } } });
    const byId = await post(await app(), { documentId: `sha256:${regionName}`, variables: { code: '460200' } });
    expect(byId.body).toEqual({ data: { region: { name: '三亚市' } } });
    const body = loadTrustedDocuments(dir).get('sanya-housing')!.get(regionName)!;
    expect((await post(await app(), { query: body, variables: { code: '460200' } })).body.data).toEqual({ region: { name: '三亚市' } });
    expect(gw.stubs.requests).toHaveLength(3);
  });

  it('returns 403 OPERATION_NOT_TRUSTED for any other operation, an unknown hash or another app\'s, before any subgraph', async () => {
    const text = await post(await app(), { query: '{ region(code: "460200") { name code } }' });
    expect(text.status).toBe(403);
    expect(text.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Only registered operations may be run by app "sanya-housing"/), extensions: { code: 'OPERATION_NOT_TRUSTED' } });
    const unknown = await post(await app(), { extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } });
    expect(unknown.body.errors?.[0]?.message).toMatch(/is not registered for app "sanya-housing"; register it with "npm run documents:register -- sanya-housing <file.graphql>"/);
    const other = loadTrustedDocuments(dir).get('haikou-health')!;
    const [otherId] = [...other.keys()];
    expect((await post(await app(), { documentId: `sha256:${otherId}` })).body.errors?.[0]?.extensions.code).toBe('OPERATION_NOT_TRUSTED');
    // Registering through APQ is no way around it.
    const q = '{ region(code: "460200") { code } }';
    expect((await post(await app(), { query: q, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(q) } } })).status).toBe(403);
    expect(gw.stubs.requests).toEqual([]);
  });

  it('refuses everything but registered operations to an app-role token without a client claim', async () => {
    const res = await post(await gw.as({ sub: 'x', dept: 'housing', roles: ['app'] }), { query: '{ __typename }' });
    expect(res.body.errors?.[0]?.message).toMatch(/a token with the app role and no client claim/);
  });
});

describe('other callers under TRUSTED_DOCUMENTS=enforce', () => {
  it('returns data for any operation, for automatic persisted queries and for a registered documentId', async () => {
    const officer = await gw.as({ sub: 'officer-1', dept: 'housing', roles: ['officer'] });
    expect((await post(officer, { query: '{ region(code: "460200") { name } }' })).body.data).toEqual({ region: { name: '三亚市' } });
    const q = 'query Mine { region(code: "460200") { name } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(q) } };
    expect((await post(officer, { extensions })).body.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(officer, { query: q, extensions })).body.data).toBeDefined();
    expect((await post(officer, { extensions })).body.data).toEqual({ region: { name: '三亚市' } });
    expect((await post(officer, { documentId: `sha256:${regionName}`, variables: { code: '460200' } })).body.data).toEqual({ region: { name: '三亚市' } });
  });
});

describe('an app with TRUSTED_DOCUMENTS=off', () => {
  it('returns data for an operation that is not registered', async () => {
    const off = await startTestGateway({ trustedDocuments: { mode: 'off', dir } });
    try {
      off.stubs.data = { region: { name: '三亚市' } };
      const headers = await off.as({ sub: 'clerk-1', dept: 'housing', roles: ['app'], client: 'sanya-housing' });
      const res = await fetch(off.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ region(code: "460200") { name } }' }) });
      expect(await res.json()).toEqual({ data: { region: { name: '三亚市' } } });
    } finally {
      await off.stop();
    }
  });
});
