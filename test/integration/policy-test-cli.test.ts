/** `npm run policy:test` on a governance database: green on the default, red when a version on its way fails. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../subgraphs/kit/config';
import { hashOf, openPolicyStore, PolicyVersionRecord } from '../../subgraphs/kit/policy-store';

const run = promisify(execFile);
let dataDir: string;

async function policyTest(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'policy-test.ts')], { cwd: PROJECT_ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', GOVERNANCE_DATABASE_URL: '' } });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-policy-test-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

it('passes on a fresh database (the province policy and its tests)', async () => {
  const result = await policyTest();
  expect(result.out).toMatch(/version 1 \(ACTIVE\): \d+ passed, 0 failed/);
  expect(result.code).toBe(0);
});

it('fails, naming the test, when a version in review fails one', async () => {
  const store = await openPolicyStore({ driver: 'sqlite', file: path.join(dataDir, 'governance.sqlite') }, false);
  try {
    const em = store.db.orm.em.fork();
    const active = await em.findOneOrFail(PolicyVersionRecord, { number: 1 });
    const tests = JSON.stringify([{ name: 'the public reads names', caller: { dept: null, roles: [], region: null, purpose: null }, type: 'Person', field: 'name', expect: 'FULL' }]);
    const now = new Date();
    await em.insert(PolicyVersionRecord, { ...active, number: 2, state: 'IN_REVIEW', basedOn: 1, author: 'so', tests, hash: hashOf(active.document, tests), createdAt: now, stateChangedAt: now });
  } finally {
    await store.close();
  }
  const result = await policyTest();
  expect(result.out).toMatch(/FAIL the public reads names: expected FULL, got DENIED/);
  expect(result.code).toBe(1);
});
