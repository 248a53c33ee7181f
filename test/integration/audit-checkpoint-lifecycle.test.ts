/**
 * The anchor in a running service (kit/server.ts): every subgraph, governance included, signs its own domain's
 * chain heads into its checkpoint file soon after it starts and when it stops, and only when they moved; a later start goes on with the
 * next number, and the result verifies. Real subgraph servers; SQLite, or PostgreSQL with DATABASE_URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { trustedKeys } from '../../subgraphs/kit/audit/checkpoint-keys';
import { checkpointFile, fileSink, verifyCheckpoints, type Checkpoint } from '../../subgraphs/kit/audit/checkpoints';
import { AUDIT_ENTITIES, type AuditEntry } from '../../subgraphs/kit/audit/records';
import { auditConfig, DEFAULT_AUDIENCE, DEV_ISSUER, type DomainName, type SubgraphConfig } from '../../subgraphs/kit/config';
import { openDatabase } from '../../subgraphs/kit/orm';
import { startSubgraph } from '../../subgraphs/kit/server';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { testDatabases } from '../support/database';

const DOMAINS_UNDER_TEST: DomainName[] = ['governance', 'health'];

function entry(domain: string, i: number): AuditEntry {
  return {
    time: new Date(), kind: 'read', sub: `user-${i}`, dept: domain, roles: '["analyst"]', region: null, client: null, purpose: null,
    operationName: 'Q', documentHash: null, requestId: `r-${i}`, fields: '[]', recordKeys: '[]', grantIds: '[]', outOfRegion: 0,
  };
}

function setup() {
  const databases = testDatabases('auditlife');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-audit-life-'));
  const audit = auditConfig({ DATA_DIR: dataDir });
  const configOf = (domain: DomainName): SubgraphConfig => ({
    domain, port: 0, host: '127.0.0.1', database: databases.configFor(domain), governanceDatabase: databases.configFor('governance'), peers: {},
    auth: { jwks: { devKeysDir: path.join(dataDir, 'jwks') }, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, clockToleranceSeconds: 30 },
    seed: { persons: 0, seed: 0 }, production: false, audit,
  });
  /** Starts the domain's service, appends `records` audit records through its writer, and stops it. */
  const run = async (domain: DomainName, records: number): Promise<void> => {
    const service = await startSubgraph(SUBGRAPHS[domain], configOf(domain));
    try {
      for (let i = 0; i < records; i += 1) await service.audit!.append(entry(domain, i));
    } finally {
      await service.stop();
    }
  };
  const file = (domain: DomainName) => checkpointFile(audit.checkpoints!, configOf(domain).database);
  const checkpoints = (domain: DomainName): Checkpoint[] =>
    fs.existsSync(file(domain)) ? fs.readFileSync(file(domain), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Checkpoint) : [];
  const verify = async (domain: DomainName) => {
    const db = await openDatabase(configOf(domain).database, AUDIT_ENTITIES);
    try {
      return await verifyCheckpoints(db.orm.em.fork(), domain, fileSink(file(domain)), trustedKeys(audit.checkpoints!), { retentionDays: audit.retentionDays });
    } finally {
      await db.close();
    }
  };
  const cleanup = async () => {
    await databases.cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const start = (domain: DomainName) => startSubgraph(SUBGRAPHS[domain], configOf(domain));
  return { run, start, file, checkpoints, verify, cleanup, dataDir };
}

let env: ReturnType<typeof setup>;
beforeEach(() => {
  env = setup();
});
afterEach(async () => {
  await env.cleanup();
});

describe(startSubgraph.name, () => {
  it.each(DOMAINS_UNDER_TEST)('signs the %s chain heads at a clean stop, outside the database, only when they moved', async (domain) => {
    await env.run('governance', 0); // the shared governance database and its policies first
    await env.run(domain, 3);
    const first = env.checkpoints(domain);
    expect(first.at(-1)).toMatchObject({ domain, chains: expect.arrayContaining([expect.objectContaining({ writer: domain, seq: 3 })]) });
    expect(path.dirname(env.file(domain))).toMatch(/audit-checkpoints$/);
    expect(fs.statSync(path.join(env.dataDir, 'keys', 'audit-checkpoint.key')).mode & 0o777).toBe(0o600);
    await env.run(domain, 0); // heads did not move: nothing signed
    expect(env.checkpoints(domain)).toHaveLength(first.length);
    await env.run(domain, 2);
    const after = env.checkpoints(domain);
    expect(after).toHaveLength(first.length + 1);
    expect(after.at(-1)).toMatchObject({ n: first.at(-1)!.n + 1, chains: expect.arrayContaining([expect.objectContaining({ writer: domain, seq: 5 })]) });
    const report = await env.verify(domain);
    expect(report.findings).toEqual([]);
    expect(report.latest?.n).toBe(after.at(-1)!.n);
  });

  it('signs soon after a start, without waiting for the interval or a stop', async () => {
    await env.run('governance', 0);
    const service = await env.start('health');
    try {
      await service.audit!.append(entry('health', 1));
      // The first round runs about a second after the start; the interval is a minute.
      for (let i = 0; i < 50 && env.checkpoints('health').length === 0; i += 1) await new Promise((r) => setTimeout(r, 100));
      expect(env.checkpoints('health')).toEqual([expect.objectContaining({ n: 1, chains: expect.arrayContaining([expect.objectContaining({ writer: 'health', seq: 1 })]) })]);
    } finally {
      await service.stop();
    }
  });
});
