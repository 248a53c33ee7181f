/**
 * The audit chain on a real database: tampering with stored records in each way (change, delete, insert, reorder)
 * is found and the first broken link named, by verifyChain and by `npm run audit:verify`; pruning keeps the chain
 * verifiable; two writers of one domain (two processes) sharing a database append without breaking it; nothing is
 * lost when many requests append at once. SQLite, or PostgreSQL with DATABASE_URL.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { appendEntries, pruneChain, verifyChain } from '../../subgraphs/kit/audit/chain';
import { AUDIT_ENTITIES, AuditRecord, recordHash, type AuditEntry, type AuditRow } from '../../subgraphs/kit/audit/records';
import { openAuditWriter } from '../../subgraphs/kit/audit/writer';
import { PROJECT_ROOT } from '../../subgraphs/kit/config';
import { openDatabase, type Database } from '../../subgraphs/kit/orm';
import { testDatabases } from '../support/database';

const WRITER = 'health';

function entry(i: number, time = new Date(Date.UTC(2026, 0, 5, 2, 0, i))): AuditEntry {
  return {
    time, kind: 'read', sub: `user-${i % 3}`, dept: 'health', roles: '["analyst"]', region: '460100', client: null, purpose: 'care',
    operationName: 'Q', documentHash: 'a'.repeat(64), requestId: `r-${i}`, fields: '[["HealthRecord.bloodType","FULL",1]]',
    recordKeys: `["HealthRecord:H${i}"]`, grantIds: '[]', outOfRegion: 0,
  };
}

async function setup(records = 10) {
  const databases = testDatabases('auditchain');
  const config = databases.configFor(WRITER);
  const db = await openDatabase(config, AUDIT_ENTITIES);
  const writer = await openAuditWriter(db, WRITER);
  for (let i = 1; i <= records; i += 1) await writer.append(entry(i));
  const em = () => db.orm.em.fork();
  const row = async (seq: number) => (await em().findOneOrFail(AuditRecord, { writer: WRITER, seq }, { disableIdentityMap: true })) as AuditRow;
  return {
    db, em, row, config,
    verify: () => verifyChain(em(), WRITER),
    async close() {
      await db.close();
      await databases.cleanup();
    },
  };
}

let ctx: Awaited<ReturnType<typeof setup>>;
afterEach(async () => {
  await ctx?.close();
});

function cli(config: { driver: string; file?: string; schema?: string; url?: string }) {
  const env = { ...process.env } as Record<string, string>;
  if (config.driver === 'sqlite') env.DATA_DIR = path.dirname(config.file!);
  else env.DATABASE_SCHEMA_PREFIX = config.schema!.slice(0, -WRITER.length);
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/audit.ts'), 'verify', '--domain', WRITER], { env, encoding: 'utf8' });
}

describe(verifyChain.name, () => {
  it('returns ok for an untouched chain, and npm run audit:verify says so', async () => {
    ctx = await setup();
    expect(await ctx.verify()).toMatchObject({ ok: true, records: 10, head: { seq: 10 } });
    const run = cli(ctx.config);
    expect(run.stdout).toMatch(/chain health ok, 10 records/);
    expect(run.status).toBe(0);
  });

  it('names a changed record, and audit:verify exits 1', async () => {
    ctx = await setup();
    await ctx.em().nativeUpdate(AuditRecord, { writer: WRITER, seq: 4 }, { purpose: 'curiosity' });
    expect((await ctx.verify()).broken).toMatchObject({ seq: 4, problem: 'changed' });
    const run = cli(ctx.config);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/BROKEN at #4 \(changed\)/);
  });

  it('names the next record when a record was changed and its hash recomputed', async () => {
    ctx = await setup();
    const r = await ctx.row(4);
    const forged = { ...r, sub: 'someone-else' };
    await ctx.em().nativeUpdate(AuditRecord, { writer: WRITER, seq: 4 }, { sub: forged.sub, hash: recordHash(forged) });
    expect((await ctx.verify()).broken).toMatchObject({ seq: 5, problem: 'changed' });
  });

  it('names a deleted record, in the middle and at the end', async () => {
    ctx = await setup();
    await ctx.em().nativeDelete(AuditRecord, { writer: WRITER, seq: 6 });
    expect((await ctx.verify()).broken).toMatchObject({ seq: 6, problem: 'deleted' });
    await ctx.em().nativeDelete(AuditRecord, { writer: WRITER, seq: { $gte: 9 } });
    expect((await ctx.verify()).broken).toMatchObject({ seq: 6, problem: 'deleted' });
    await ctx.close();
    ctx = await setup();
    await ctx.em().nativeDelete(AuditRecord, { writer: WRITER, seq: 10 });
    expect((await ctx.verify()).broken).toMatchObject({ seq: 10, problem: 'deleted' });
  });

  it('names an inserted record: forged after the head, or forged in the middle with the others renumbered', async () => {
    ctx = await setup();
    const last = await ctx.row(10);
    const forged = { ...entry(99), writer: WRITER, seq: 11, prevHash: last.hash };
    await ctx.em().insert(AuditRecord, { ...forged, hash: recordHash(forged) });
    expect((await ctx.verify()).broken).toMatchObject({ seq: 11, problem: 'inserted' });
    await ctx.close();

    ctx = await setup();
    // Make room at #5 by moving #5..#10 one up (from the top, so the primary key never collides).
    for (let seq = 10; seq >= 5; seq -= 1) await ctx.em().nativeUpdate(AuditRecord, { writer: WRITER, seq }, { seq: seq + 1 });
    const before = await ctx.row(4);
    const middle = { ...entry(98), writer: WRITER, seq: 5, prevHash: before.hash };
    await ctx.em().insert(AuditRecord, { ...middle, hash: recordHash(middle) });
    const report = await ctx.verify();
    expect(report.broken).toMatchObject({ seq: 5, problem: 'inserted' });
    expect(report.broken!.message).toMatch(/#5 was inserted/);
  });

  it('names reordered records when two are swapped', async () => {
    ctx = await setup();
    await ctx.em().nativeUpdate(AuditRecord, { writer: WRITER, seq: 3 }, { seq: 1000 });
    await ctx.em().nativeUpdate(AuditRecord, { writer: WRITER, seq: 7 }, { seq: 3 });
    await ctx.em().nativeUpdate(AuditRecord, { writer: WRITER, seq: 1000 }, { seq: 7 });
    const report = await ctx.verify();
    expect(report.broken).toMatchObject({ seq: 3, problem: 'reordered' });
    expect(report.broken!.message).toMatch(/#3 was written as #7/);
  });
});

describe(pruneChain.name, () => {
  it('deletes records older than the cut-off and keeps the chain verifiable from its new base', async () => {
    ctx = await setup();
    const pruned = await pruneChain(ctx.em(), WRITER, new Date(Date.UTC(2026, 0, 5, 2, 0, 7)));
    expect(pruned).toBe(6);
    expect(await ctx.verify()).toMatchObject({ ok: true, records: 4, base: { seq: 6 }, head: { seq: 10 } });
    const writer = await openAuditWriter(ctx.db, WRITER);
    await writer.append(entry(11));
    expect(await ctx.verify()).toMatchObject({ ok: true, records: 5, head: { seq: 11 } });
    // A pruned record put back is not part of the chain any more.
    await ctx.em().insert(AuditRecord, { ...entry(1), writer: WRITER, seq: 2, prevHash: 'b'.repeat(64), hash: 'c'.repeat(64) });
    expect((await ctx.verify()).broken).toMatchObject({ seq: 2, problem: 'inserted' });
  });
});

describe('appending', () => {
  it('loses nothing and keeps one chain when two writers of the same domain share the database and many requests append at once', async () => {
    ctx = await setup(0);
    const second: Database = await openDatabase(ctx.config, AUDIT_ENTITIES); // another process's connection
    try {
      const a = await openAuditWriter(ctx.db, WRITER, { batchMax: 7, queueMax: 20, timeoutMs: 20_000 });
      const b = await openAuditWriter(second, WRITER, { batchMax: 5, queueMax: 20, timeoutMs: 20_000 });
      await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).append(entry(i + 1))));
      await appendEntries(ctx.em(), WRITER, []);
      const report = await ctx.verify();
      expect(report).toMatchObject({ ok: true, records: 200, head: { seq: 200 } });
      const ids = (await ctx.em().find(AuditRecord, {}, { fields: ['requestId'], disableIdentityMap: true })).map((r) => r.requestId);
      expect(new Set(ids).size).toBe(200);
    } finally {
      await second.close();
    }
  });
});
