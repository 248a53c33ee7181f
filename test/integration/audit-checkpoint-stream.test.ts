/**
 * The audit checkpoints' production home (audit/checkpoint-stream.ts): a JetStream stream on a real nats-server that
 * refuses deletes and purges; a checkpoint published twice is kept once; `verifyCheckpoints` and `npm run
 * audit:verify` (with NATS_URL) hold the chains to the stream's latest checkpoint and name a truncation.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { loadSigner, trustedKeys } from '../../subgraphs/kit/audit/checkpoint-keys';
import { checkpointStreamName, streamSink } from '../../subgraphs/kit/audit/checkpoint-stream';
import { checkpointName, takeCheckpoint, verifyCheckpoints } from '../../subgraphs/kit/audit/checkpoints';
import { AUDIT_ENTITIES, AuditChain, AuditRecord, type AuditEntry, type AuditRow } from '../../subgraphs/kit/audit/records';
import { openAuditWriter, type AuditWriter } from '../../subgraphs/kit/audit/writer';
import { checkpointConfig, PROJECT_ROOT, type DatabaseConfig, type NatsConfig } from '../../subgraphs/kit/config';
import { connectNats, type NatsLink } from '../../subgraphs/kit/jetstream';
import { openDatabase, type Database } from '../../subgraphs/kit/orm';
import { DRIVER, testDatabases, type TestDatabases } from '../support/database';
import { natsServerAvailable, testNats, type TestNats } from '../support/nats';

const DOMAIN = 'credit';

function entry(i: number): AuditEntry {
  return {
    time: new Date(Date.UTC(2026, 0, 5, 2, 0, i)), kind: 'read', sub: `user-${i}`, dept: 'credit', roles: '["officer"]', region: '460000', client: null,
    purpose: 'loan', operationName: 'Q', documentHash: 'b'.repeat(64), requestId: `r-${i}`, fields: '[]', recordKeys: `["CreditProfile:C${i}"]`, grantIds: '[]', outOfRegion: 0,
  };
}

(natsServerAvailable() ? describe : describe.skip)('audit checkpoints in NATS JetStream', () => {
  let nats: TestNats;
  let link: NatsLink;
  let config: NatsConfig;
  let databases: TestDatabases;
  let dataDir: string;
  let database: DatabaseConfig;
  let db: Database;
  let writer: AuditWriter;

  beforeAll(async () => {
    nats = await testNats();
    await nats.start();
    config = { servers: [nats.url], streamPrefix: 'HAINAN', replicas: 1, maxAgeDays: 90 };
    link = connectNats(config, { name: 'checkpoint-test' });
    await link.connected();
    databases = testDatabases('auditstream');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-audit-stream-'));
    database = DRIVER === 'sqlite' ? { driver: 'sqlite', file: path.join(dataDir, `${DOMAIN}.sqlite`) } : databases.configFor(DOMAIN);
    db = await openDatabase(database, AUDIT_ENTITIES);
    writer = await openAuditWriter(db, DOMAIN);
  });

  afterAll(async () => {
    await writer?.close();
    await db?.close();
    await link?.close();
    await nats?.cleanup();
    await databases?.cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the checkpoints append-only, once each, and names a chain cut back before the latest one', async () => {
    const signer = loadSigner(checkpointConfig({ DATA_DIR: dataDir }));
    const sink = streamSink(link, checkpointName(database));
    const trusted = trustedKeys(checkpointConfig({ DATA_DIR: dataDir }));
    for (let i = 1; i <= 4; i += 1) await writer.append(entry(i));
    const first = await takeCheckpoint(db, DOMAIN, signer, sink);
    expect(first?.n).toBe(1);
    await sink.append(first!); // a retried publish: the stream keeps one
    for (let i = 5; i <= 8; i += 1) await writer.append(entry(i));
    expect((await takeCheckpoint(db, DOMAIN, signer, sink))?.n).toBe(2);
    expect((await sink.lines()).map((l) => (JSON.parse(l) as { n: number }).n)).toEqual([1, 2]);
    expect((await verifyCheckpoints(db.orm.em.fork(), DOMAIN, sink, trusted)).findings).toEqual([]);

    const jsm = await jetstreamManager(await link.connected());
    const stream = checkpointStreamName(link);
    await expect(jsm.streams.deleteMessage(stream, 1)).rejects.toThrow();
    await expect(jsm.streams.purge(stream)).rejects.toThrow();
    expect((await sink.lines()).length).toBe(2);

    // Records #6-#8 cut off, the head row moved back to #5: the chain verifies, the stream's checkpoint does not.
    const em = db.orm.em.fork();
    const five = (await em.findOneOrFail(AuditRecord, { writer: DOMAIN, seq: 5 }, { disableIdentityMap: true })) as AuditRow;
    await em.nativeDelete(AuditRecord, { writer: DOMAIN, seq: { $gt: 5 } });
    await em.nativeUpdate(AuditChain, { writer: DOMAIN }, { headSeq: 5, headHash: five.hash });
    expect((await verifyCheckpoints(db.orm.em.fork(), DOMAIN, sink, trusted)).findings.map((f) => f.code)).toEqual(['CHAIN_TRUNCATED']);

    const env = { ...process.env, DATA_DIR: dataDir, NATS_URL: nats.url } as Record<string, string>;
    if (database.driver === 'postgresql') env.DATABASE_SCHEMA_PREFIX = database.schema.slice(0, -DOMAIN.length);
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/audit.ts'), 'verify', '--domain', DOMAIN], { env, encoding: 'utf8' });
    expect(run.stdout).toMatch(/CHAIN_TRUNCATED \(chain credit\)/);
    expect(run.stdout).toMatch(/HAINAN_AUDIT/);
    expect(run.status).toBe(1);
  });
});
