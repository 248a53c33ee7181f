/**
 * The audit trail's anchor (audit/checkpoints.ts): chain heads signed with Ed25519 into a file outside the domain
 * database. Each kind of tampering that a hash chain alone cannot show is found and named by the checkpoints, and by
 * `npm run audit:verify`: a whole-chain rewrite including its head row, a cut at the end, an old copy of the
 * database put back, and edits to the checkpoint file itself; a rotated key keeps old checkpoints verifiable.
 * SQLite, or PostgreSQL with DATABASE_URL.
 */
import { spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pruneChain, verifyChain } from '../../subgraphs/kit/audit/chain';
import { keyIdOf, loadSigner, trustedKeys, type CheckpointSigner } from '../../subgraphs/kit/audit/checkpoint-keys';
import { checkpointFile, fileSink, readCheckpoints, takeCheckpoint, verifyCheckpoints, type VerifyCheckpointOptions } from '../../subgraphs/kit/audit/checkpoints';
import { AUDIT_ENTITIES, AuditAnchor, AuditChain, AuditRecord, GENESIS_HASH, recordHash, type AuditEntry, type AuditRow } from '../../subgraphs/kit/audit/records';
import { openAuditWriter, type AuditWriter } from '../../subgraphs/kit/audit/writer';
import { checkpointConfig, PROJECT_ROOT, type CheckpointConfig, type DatabaseConfig } from '../../subgraphs/kit/config';
import { openDatabase, type Database } from '../../subgraphs/kit/orm';
import { DRIVER, testDatabases } from '../support/database';

const DOMAIN = 'health';

function entry(i: number): AuditEntry {
  return {
    time: new Date(Date.UTC(2026, 0, 5, 2, 0, i)), kind: 'read', sub: `user-${i % 3}`, dept: 'health', roles: '["analyst"]', region: '460100', client: null,
    purpose: 'care', operationName: 'Q', documentHash: 'a'.repeat(64), requestId: `r-${i}`, fields: '[["HealthRecord.bloodType","FULL",1]]',
    recordKeys: `["HealthRecord:H${i}"]`, grantIds: '[]', outOfRegion: 0,
  };
}

interface Ctx {
  dataDir: string;
  database: DatabaseConfig;
  db: Database;
  writer: AuditWriter;
  config: CheckpointConfig;
  signer: CheckpointSigner;
  file: string;
  appended: number;
  append(n: number): Promise<void>;
  checkpoint(signer?: CheckpointSigner): Promise<number | null>;
  verify(trusted?: ReadonlyMap<string, KeyObject>, options?: VerifyCheckpointOptions): Promise<{ code: string; writer?: string; message: string }[]>;
  close(): Promise<void>;
}

async function setup(): Promise<Ctx> {
  const databases = testDatabases('auditanchor');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-audit-anchor-'));
  // SQLite: the database in the data directory, where `npm run audit:verify` looks for it beside the checkpoints.
  const database: DatabaseConfig = DRIVER === 'sqlite' ? { driver: 'sqlite', file: path.join(dataDir, `${DOMAIN}.sqlite`) } : databases.configFor(DOMAIN);
  const db = await openDatabase(database, AUDIT_ENTITIES);
  const writer = await openAuditWriter(db, DOMAIN);
  const config = checkpointConfig({ DATA_DIR: dataDir });
  const signer = loadSigner(config);
  const file = checkpointFile(config, database);
  const ctx: Ctx = {
    dataDir, database, db, writer, config, signer, file, appended: 0,
    async append(n) {
      for (let i = 0; i < n; i += 1) await ctx.writer.append(entry((ctx.appended += 1)));
    },
    async checkpoint(by = signer) {
      return (await takeCheckpoint(ctx.db, DOMAIN, by, fileSink(file)))?.n ?? null;
    },
    async verify(trusted = trustedKeys(config), options = { retentionDays: 180 }) {
      return (await verifyCheckpoints(ctx.db.orm.em.fork(), DOMAIN, fileSink(file), trusted, options)).findings;
    },
    async close() {
      await ctx.writer.close();
      await ctx.db.close();
      await databases.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return ctx;
}

/** Rewrites every record from `from` on (content changed, hashes and links recomputed) and the head row with them. */
async function rewriteChain(ctx: Ctx, from: number): Promise<void> {
  const em = ctx.db.orm.em.fork();
  const rows = (await em.find(AuditRecord, { writer: DOMAIN }, { orderBy: { seq: 'asc' }, disableIdentityMap: true })) as AuditRow[];
  let prevHash = from === 1 ? GENESIS_HASH : rows[from - 2]!.hash;
  for (const row of rows.filter((r) => r.seq >= from)) {
    const forged = { ...row, sub: 'someone-else', prevHash };
    const hash = recordHash(forged);
    await em.nativeUpdate(AuditRecord, { writer: DOMAIN, seq: row.seq }, { sub: forged.sub, prevHash, hash });
    prevHash = hash;
  }
  await em.nativeUpdate(AuditChain, { writer: DOMAIN }, { headHash: prevHash });
}

/** Cuts the chain after `seq`, moving its head row back so the chain itself still verifies. */
async function truncateAfter(ctx: Ctx, seq: number): Promise<void> {
  const em = ctx.db.orm.em.fork();
  const last = (await em.findOneOrFail(AuditRecord, { writer: DOMAIN, seq }, { disableIdentityMap: true })) as AuditRow;
  await em.nativeDelete(AuditRecord, { writer: DOMAIN, seq: { $gt: seq } });
  await em.nativeUpdate(AuditChain, { writer: DOMAIN }, { headSeq: seq, headHash: last.hash });
}

function cli(ctx: Ctx, args: string[] = ['verify'], extraEnv: Record<string, string> = {}) {
  const env = { ...process.env, DATA_DIR: ctx.dataDir, ...extraEnv } as Record<string, string>;
  if (ctx.database.driver === 'postgresql') env.DATABASE_SCHEMA_PREFIX = ctx.database.schema.slice(0, -DOMAIN.length);
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/audit.ts'), ...args, '--domain', DOMAIN], { env, encoding: 'utf8' });
}

let ctx: Ctx;
afterEach(async () => {
  await ctx?.close();
});

describe(verifyCheckpoints.name, () => {
  it('finds nothing in an untouched chain, before and after more records are appended past the checkpoint', async () => {
    ctx = await setup();
    await ctx.append(5);
    expect(await ctx.checkpoint()).toBe(1);
    expect(await ctx.checkpoint()).toBeNull(); // heads did not move: nothing signed
    await ctx.append(3);
    expect(await ctx.verify()).toEqual([]);
    expect(await ctx.checkpoint()).toBe(2);
    const lines = fs.readFileSync(ctx.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { n: number; chains: { seq: number }[]; keyId: string });
    expect(lines.map((l) => [l.n, l.chains[0]!.seq])).toEqual([[1, 5], [2, 8]]);
    expect(lines[0]!.keyId).toBe(ctx.signer.keyId);
    expect(await ctx.verify()).toEqual([]);
    const run = cli(ctx);
    expect(run.stdout).toMatch(/latest signed checkpoint #2/);
    expect(run.status).toBe(0);
  });

  it('names a rewrite of the whole chain with its head row (which the chain alone cannot show), and audit:verify exits 1', async () => {
    ctx = await setup();
    await ctx.append(6);
    await ctx.checkpoint();
    await rewriteChain(ctx, 1);
    expect((await verifyChain(ctx.db.orm.em.fork(), DOMAIN)).ok).toBe(true);
    expect(await ctx.verify()).toEqual([expect.objectContaining({ code: 'CHAIN_REWRITTEN', writer: DOMAIN })]);
    const run = cli(ctx);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/CHAIN_REWRITTEN \(chain health\)/);
  });

  it('names a chain cut back before the checkpoint, its head row moved back with it', async () => {
    ctx = await setup();
    await ctx.append(8);
    await ctx.checkpoint();
    await truncateAfter(ctx, 5);
    expect((await verifyChain(ctx.db.orm.em.fork(), DOMAIN)).ok).toBe(true);
    expect(await ctx.verify()).toEqual([expect.objectContaining({ code: 'CHAIN_TRUNCATED', writer: DOMAIN })]);
  });

  it('names an old copy of the database put back, also once it has been written to again', async () => {
    ctx = await setup();
    await ctx.append(4);
    await ctx.checkpoint();
    const copy = await snapshot(ctx);
    await ctx.append(4);
    await ctx.checkpoint();
    await copy.restore();
    expect((await verifyChain(ctx.db.orm.em.fork(), DOMAIN)).ok).toBe(true);
    expect(await ctx.verify()).toEqual([expect.objectContaining({ code: 'DATABASE_ROLLED_BACK', writer: DOMAIN })]);
    await ctx.append(6); // the restored database goes on: its #8 is not the #8 that was signed
    expect(await ctx.verify()).toEqual([expect.objectContaining({ code: 'DATABASE_ROLLED_BACK' })]);
    expect(cli(ctx).stdout).toMatch(/DATABASE_ROLLED_BACK/);
  });

  it('names records removed behind a forged chain base (a "pruning" of records younger than the retention period)', async () => {
    ctx = await setup();
    await ctx.append(6);
    await ctx.checkpoint();
    await ctx.append(2);
    // The synthetic records are dated January 2026: pruning "everything before now" moves the base past the
    // checkpoint, as a forger would, though the checkpoint itself was signed a moment ago.
    expect(await pruneChain(ctx.db.orm.em.fork(), DOMAIN, new Date())).toBe(8);
    expect((await verifyChain(ctx.db.orm.em.fork(), DOMAIN)).ok).toBe(true);
    expect(await ctx.verify()).toEqual([expect.objectContaining({ code: 'CHAIN_PRUNED_EARLY', writer: DOMAIN })]);
    const run = cli(ctx);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/CHAIN_PRUNED_EARLY \(chain health\)/);
    // Checked once the retention period has passed since the checkpoint, the same pruning is the ordinary one.
    const latest = JSON.parse(fs.readFileSync(ctx.file, 'utf8').trim()) as { at: string };
    expect(await ctx.verify(undefined, { retentionDays: 180, now: new Date(Date.parse(latest.at) + 182 * 24 * 3600 * 1000) })).toEqual([]);
  });

  it('names an edited checkpoint line, removed lines and a key nobody trusts', async () => {
    ctx = await setup();
    for (let i = 0; i < 3; i += 1) {
      await ctx.append(2);
      await ctx.checkpoint();
    }
    const original = fs.readFileSync(ctx.file, 'utf8');
    const lines = original.trim().split('\n');
    // Edited: the second checkpoint's head moved back to hide records.
    fs.writeFileSync(ctx.file, [lines[0], lines[1]!.replace('"seq":4', '"seq":3'), lines[2]].join('\n') + '\n');
    expect(await ctx.verify()).toEqual([expect.objectContaining({ code: 'CHECKPOINT_SIGNATURE_INVALID' }), expect.objectContaining({ code: 'CHECKPOINT_SEQUENCE_GAP' })]);
    // A line in the middle removed; then the last one removed too.
    fs.writeFileSync(ctx.file, [lines[0], lines[2]].join('\n') + '\n');
    expect((await ctx.verify()).map((f) => f.code)).toEqual(['CHECKPOINT_SEQUENCE_GAP']);
    fs.writeFileSync(ctx.file, [lines[0], lines[1]].join('\n') + '\n');
    expect((await ctx.verify()).map((f) => f.code)).toEqual(['CHECKPOINTS_MISSING']);
    // Signed by another key: not trusted unless listed.
    fs.writeFileSync(ctx.file, original);
    expect((await ctx.verify(new Map())).map((f) => f.code)).toEqual(['CHECKPOINT_KEY_UNTRUSTED', 'CHECKPOINT_KEY_UNTRUSTED', 'CHECKPOINT_KEY_UNTRUSTED', 'CHECKPOINTS_MISSING']);
  });

  it('keeps checkpoints of a retired key verifiable after rotation when the retired public key is listed', async () => {
    ctx = await setup();
    await ctx.append(3);
    await ctx.checkpoint(); // the old key
    const newKey = path.join(ctx.dataDir, 'new-checkpoint.key');
    fs.writeFileSync(newKey, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const retired = path.join(ctx.dataDir, 'retired.pub');
    fs.writeFileSync(retired, ctx.signer.publicKey.export({ type: 'spki', format: 'pem' }));
    const rotated = { ...ctx.config, keyFile: newKey };
    const next = loadSigner(rotated);
    expect(next.keyId).not.toBe(ctx.signer.keyId);
    await ctx.append(3);
    expect(await ctx.checkpoint(next)).toBe(2);
    expect(await ctx.verify(trustedKeys({ ...rotated, trustedKeyFiles: [retired] }))).toEqual([]);
    const without = await ctx.verify(trustedKeys(rotated));
    expect(without.map((f) => f.code)).toEqual(['CHECKPOINT_KEY_UNTRUSTED', 'CHECKPOINT_SEQUENCE_GAP']);
    expect(keyIdOf(next.publicKey)).toBe(next.keyId);
    // The same through the tools, configured as an operator would after the rotation.
    const rotatedEnv = { AUDIT_CHECKPOINT_KEY_FILE: newKey, AUDIT_CHECKPOINT_TRUSTED_KEYS: retired };
    expect(cli(ctx, ['verify'], rotatedEnv).status).toBe(0);
    const untrusted = cli(ctx, ['verify'], { AUDIT_CHECKPOINT_KEY_FILE: newKey });
    expect(untrusted.status).toBe(1);
    expect(untrusted.stdout).toMatch(/CHECKPOINT_KEY_UNTRUSTED/);
    // Auditors get the checkpoints as stored and the public keys that verify them, and need nothing else.
    expect(cli(ctx, ['export', '--checkpoints'], rotatedEnv).stdout).toBe(fs.readFileSync(ctx.file, 'utf8'));
    const pems = cli(ctx, ['export', '--public-keys'], rotatedEnv).stdout.split(/^# key \w+\n/m).filter(Boolean);
    const exported = new Map(pems.map((pem) => createPublicKey(pem)).map((key) => [keyIdOf(key), key] as const));
    expect([...exported.keys()].sort()).toEqual([ctx.signer.keyId, next.keyId].sort());
    expect(readCheckpoints(fs.readFileSync(ctx.file, 'utf8').split('\n'), 'export', DOMAIN, exported)).toMatchObject({ findings: [], valid: [{ n: 1 }, { n: 2 }] });
  });

  it('refuses to sign in production without a key of its own', () => {
    expect(() => loadSigner(checkpointConfig({ NODE_ENV: 'production', DATA_DIR: os.tmpdir() }))).toThrow(/AUDIT_CHECKPOINT_KEY_FILE/);
  });
});

/** The domain database as it is now, to be put back later (SQLite: the file itself; PostgreSQL: its audit tables). */
async function snapshot(c: Ctx): Promise<{ restore(): Promise<void> }> {
  const em = c.db.orm.em.fork();
  if (DRIVER === 'sqlite' && c.database.driver === 'sqlite') {
    const copy = `${c.database.file}.copy`;
    await c.db.orm.em.getConnection().execute(`vacuum into '${copy}'`);
    return {
      async restore() {
        await c.writer.close();
        await c.db.close();
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${(c.database as { file: string }).file}${suffix}`, { force: true });
        fs.renameSync(copy, (c.database as { file: string }).file);
        c.db = await openDatabase(c.database, AUDIT_ENTITIES);
        c.writer = await openAuditWriter(c.db, DOMAIN);
      },
    };
  }
  const records = (await em.find(AuditRecord, {}, { disableIdentityMap: true })) as AuditRow[];
  const chains = await em.find(AuditChain, {}, { disableIdentityMap: true });
  const anchors = await em.find(AuditAnchor, {}, { disableIdentityMap: true });
  return {
    async restore() {
      await c.writer.close();
      const tx = c.db.orm.em.fork();
      await tx.transactional(async (t) => {
        for (const entity of [AuditRecord, AuditChain, AuditAnchor]) await t.nativeDelete(entity as never, {});
        for (const r of records) await t.insert(AuditRecord, r);
        for (const r of chains) await t.insert(AuditChain, r);
        for (const r of anchors) await t.insert(AuditAnchor, r);
      });
      c.writer = await openAuditWriter(c.db, DOMAIN);
    },
  };
}
