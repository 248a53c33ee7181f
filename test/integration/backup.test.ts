/**
 * Backups and restores (scripts/backup-store.ts) on a running platform: a backup taken while births are being
 * registered restores into an empty target, verifies (row counts, audit chains, policy version) and holds every birth
 * acknowledged before it began; a damaged file is refused before anything is written; a target that already holds a
 * database is refused; a restored database that lost a row, or whose audit chain was cut back, is named; checkpoint
 * files go with the backup and are never overwritten; retention; and the command line's exit codes and report.
 * SQLite, or PostgreSQL with DATABASE_URL (the restore then goes into a database of its own).
 */
import { spawn } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import { BackupError, pruneBackups, readManifest, restoreBackup, takeBackup, verifyRestore, type Manifest } from '../../scripts/backup-store';
import { PROJECT_ROOT, type DatabaseConfig, type DomainName } from '../../subgraphs/kit/config';
import { DRIVER } from '../support/database';
import { startPlatform, type Platform } from '../support/platform';

const BIRTH = `mutation($input: RegisterBirthInput!, $key: String) { registerBirth(input: $input, idempotencyKey: $key) { id } }`;

let platform: Platform;
let police: Record<string, string>;
let householdId: string;
let work: string;
/** PostgreSQL: the database restores go into (created and dropped here). */
let restoreDb: string | null = null;

function sources(): Record<DomainName, DatabaseConfig> {
  return Object.fromEntries(Object.entries(platform.subgraphs).map(([d, s]) => [d, s.db.config])) as Record<DomainName, DatabaseConfig>;
}

/** Empty targets for every domain: files in a new folder, or the same schemas in the restore database. */
function targets(label: string): Record<DomainName, DatabaseConfig> {
  const dir = path.join(work, `into-${label}`);
  return Object.fromEntries(
    Object.entries(sources()).map(([d, c]) => [d, c.driver === 'sqlite' ? { driver: 'sqlite', file: path.join(dir, `${d}.sqlite`) } : { ...c, url: restoreUrl() }]),
  ) as Record<DomainName, DatabaseConfig>;
}

function restoreUrl(): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${restoreDb}`;
  return url.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function dropRestoreSchemas(): Promise<void> {
  if (!restoreDb) return;
  const client = new Client({ connectionString: restoreUrl() });
  await client.connect();
  try {
    for (const c of Object.values(sources())) if (c.driver === 'postgresql') await client.query(`drop schema if exists "${c.schema}" cascade`);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-backup-'));
  platform = await startPlatform('backup', { persons: 200, seed: 5 });
  police = await platform.as({ sub: 'clerk-1', dept: 'public-security', roles: ['officer'], region: '460000' });
  const page = await platform.query(`{ persons(first: 1, filter: { status: LIVING }) { edges { node { household { id } } } } }`, undefined, police);
  householdId = page.data.persons.edges[0].node.household.id;
  if (DRIVER === 'postgresql') {
    restoreDb = `hdg_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin((c) => c.query(`create database ${restoreDb}`));
  }
}, 300_000);

afterAll(async () => {
  await platform?.stop();
  if (restoreDb) await admin((c) => c.query(`drop database if exists ${restoreDb} with (force)`));
  fs.rmSync(work, { recursive: true, force: true });
});

async function personIds(config: DatabaseConfig): Promise<Set<string>> {
  if (config.driver === 'sqlite') {
    const db = new BetterSqlite3(config.file, { readonly: true });
    try {
      return new Set((db.prepare('select id from person').all() as { id: string }[]).map((r) => r.id));
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: config.url });
  await client.connect();
  try {
    return new Set((await client.query<{ id: string }>(`select id from "${config.schema}".person`)).rows.map((r) => r.id));
  } finally {
    await client.end();
  }
}

describe('backup and restore', () => {
  it('restores a backup taken under write load, verified, with every birth acknowledged before it began', async () => {
    const acknowledged: { id: string; at: number }[] = [];
    let writing = true;
    const today = new Date().toISOString().slice(0, 10);
    const writer = (async () => {
      for (let i = 0; writing; i += 1) {
        const input = { name: '林小雨', gender: 'FEMALE', birthDate: today, ethnicityCode: '01', householdId };
        const res = await platform.query(BIRTH, { input, key: `backup-birth-${process.pid}-${i}` }, police);
        if (res.data?.registerBirth?.id) acknowledged.push({ id: res.data.registerBirth.id, at: Date.now() });
      }
    })();
    while (acknowledged.length < 5) await new Promise((r) => setTimeout(r, 20));
    const began = Date.now();
    const out = path.join(work, 'under-load');
    const manifest = await takeBackup({ databases: sources(), out });
    const during = acknowledged.length;
    while (acknowledged.length < during + 3) await new Promise((r) => setTimeout(r, 20)); // writes went on throughout
    writing = false;
    await writer;

    expect(Object.keys(manifest.domains).sort()).toEqual(Object.keys(sources()).sort());
    expect(manifest.domains.governance!.policyVersion).toBeGreaterThanOrEqual(1);
    expect(manifest.domains.population!.chains[0]!.seq).toBeGreaterThan(0);
    const into = targets('restored');
    const report = await restoreBackup({ dir: out, targets: into });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    const restored = await personIds(into.population);
    // At or before: one thread, so an acknowledgement stamped in the same millisecond was pushed before `began` was taken.
    const before = acknowledged.filter((a) => a.at <= began);
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(before.filter((a) => !restored.has(a.id))).toEqual([]);
    expect(restored.size).toBe(manifest.domains.population!.tables.person);
    await dropRestoreSchemas();
  });

  it('refuses a damaged backup before writing anything, and a target that already holds a database', async () => {
    const out = path.join(work, 'damaged');
    const manifest = await takeBackup({ databases: sources(), out });
    const into = targets('refused');
    const file = path.join(out, manifest.domains.health!.file);
    const original = fs.readFileSync(file);
    const damaged = Buffer.from(original);
    damaged[damaged.length - 100] = damaged[damaged.length - 100]! ^ 0xff;
    fs.writeFileSync(file, damaged);
    await expect(restoreBackup({ dir: out, targets: into })).rejects.toThrow(/health: .* does not match its checksum/);
    if (into.population.driver === 'sqlite') expect(fs.existsSync(into.population.file)).toBe(false);
    else {
      const client = new Client({ connectionString: restoreUrl() });
      await client.connect();
      const schemas = await client.query('select 1 from information_schema.schemata where schema_name = $1', [into.population.schema]);
      await client.end();
      expect(schemas.rowCount).toBe(0);
    }
    fs.writeFileSync(file, original);

    expect((await restoreBackup({ dir: out, targets: into })).ok).toBe(true);
    await expect(restoreBackup({ dir: out, targets: into })).rejects.toThrow(BackupError);
    await expect(restoreBackup({ dir: out, targets: into })).rejects.toThrow(/exists/);
    await dropRestoreSchemas();
  });

  it('names what a restored database lost', async () => {
    const out = path.join(work, 'tampered');
    await takeBackup({ databases: sources(), out });
    const into = targets('tampered');
    expect((await restoreBackup({ dir: out, targets: into })).ok).toBe(true);
    const population = into.population;
    if (population.driver === 'sqlite') {
      const db = new BetterSqlite3(population.file);
      db.prepare('delete from person where rowid = (select min(rowid) from person)').run();
      db.close();
    } else {
      const client = new Client({ connectionString: population.url });
      await client.connect();
      await client.query(`delete from "${population.schema}".person where id = (select min(id) from "${population.schema}".person)`);
      await client.end();
    }
    const report = await verifyRestore(readManifest(out), into);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.stringMatching(/^population: table person has \d+ rows, the backup \d+\.$/)]);
    await dropRestoreSchemas();
  });

  it('names an audit chain cut back to an earlier head, though what is left of it still links', async () => {
    const out = path.join(work, 'chain-cut');
    const manifest = await takeBackup({ databases: sources(), out });
    const { writer, seq } = manifest.domains.population!.chains[0]!;
    expect(seq).toBeGreaterThan(1);
    const into = targets('chain-cut');
    expect((await restoreBackup({ dir: out, targets: into })).ok).toBe(true);
    const population = into.population;
    // The last record goes, and the chain's head moves back to the one before: a consistent, shorter chain.
    const cut = [
      `delete from audit_record where writer = '${writer}' and seq = ${seq}`,
      `update audit_chain set head_seq = ${seq - 1}, head_hash = (select hash from audit_record where writer = '${writer}' and seq = ${seq - 1}) where writer = '${writer}'`,
    ];
    if (population.driver === 'sqlite') {
      const db = new BetterSqlite3(population.file);
      for (const sql of cut) db.prepare(sql).run();
      db.close();
    } else {
      const client = new Client({ connectionString: population.url });
      await client.connect();
      await client.query(`set search_path to "${population.schema}"`);
      for (const sql of cut) await client.query(sql);
      await client.end();
    }
    const report = await verifyRestore(manifest, into);
    expect(report.problems).toEqual([
      `population: table audit_record has ${manifest.domains.population!.tables.audit_record! - 1} rows, the backup ${manifest.domains.population!.tables.audit_record}.`,
      expect.stringMatching(new RegExp(`^population: audit chain ${writer} ends at #${seq - 1} \\(\\w{12}\\), the backup at #${seq} \\(\\w{12}\\)\\.$`)),
    ]);
    await dropRestoreSchemas();
  });

  it('keeps signed audit checkpoints with the backup and never overwrites those of the target', async () => {
    const dir = path.join(work, 'checkpoints-of-source');
    fs.mkdirSync(dir);
    const checkpoints = { population: path.join(dir, 'population.ndjson') };
    fs.writeFileSync(checkpoints.population, '{"synthetic":"checkpoint before the backup"}\n');
    const out = path.join(work, 'with-checkpoints');
    const manifest = await takeBackup({ databases: sources(), out, checkpoints, publicKeys: { k1: 'PUBLIC PEM' } });
    expect(manifest.extras.map((e) => [e.file, e.domain])).toEqual([
      [path.join('audit-checkpoints', 'population.ndjson'), 'population'],
      [path.join('keys', 'k1.pub.pem'), undefined],
    ]);
    const to = { population: path.join(work, 'checkpoints-of-target', 'population.ndjson') };
    const into = targets('checkpoints');
    expect((await restoreBackup({ dir: out, targets: into, checkpointsTo: to })).ok).toBe(true);
    expect(fs.readFileSync(to.population, 'utf8')).toBe(fs.readFileSync(checkpoints.population, 'utf8'));
    // A restore in place: the target's file holds checkpoints signed after the backup, the evidence of what it lost.
    fs.appendFileSync(to.population, '{"synthetic":"checkpoint after the backup"}\n');
    const evidence = fs.readFileSync(to.population, 'utf8');
    expect((await restoreBackup({ dir: out, targets: into, checkpointsTo: to, replace: true })).ok).toBe(true);
    expect(fs.readFileSync(to.population, 'utf8')).toBe(evidence);
    await dropRestoreSchemas();
  });

  it('keeps the newest backups', () => {
    const dir = path.join(work, 'scheduled');
    for (const name of ['2026-01-01T00-00-00-000Z', '2026-01-02T00-00-00-000Z', '2026-01-03T00-00-00-000Z']) {
      fs.mkdirSync(path.join(dir, name), { recursive: true });
      fs.writeFileSync(path.join(dir, name, 'manifest.json'), '{}');
    }
    fs.mkdirSync(path.join(dir, '2026-01-00T00-00-00-000Z')); // a backup still being written: no manifest yet
    expect(pruneBackups(dir, 2)).toEqual(['2026-01-01T00-00-00-000Z']);
    expect(fs.readdirSync(dir).sort()).toEqual(['2026-01-00T00-00-00-000Z', '2026-01-02T00-00-00-000Z', '2026-01-03T00-00-00-000Z']);
  });
});

/** `npm run backup` / `npm run restore` (scripts/backup.ts) as an operator runs them: exit codes and reports. */
describe('npm run backup and npm run restore', () => {
  function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'backup.ts'), ...args], { env: { ...process.env, ...env }, cwd: PROJECT_ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  /** The configuration that names the platform's databases, and a data directory of the test's own. */
  function sourceEnv(dataDir: string): Record<string, string> {
    const population = sources().population;
    if (population.driver === 'sqlite') return { DATA_DIR: path.dirname(population.file) };
    return { DATA_DIR: dataDir, DATABASE_SCHEMA_PREFIX: population.schema.replace(/population$/, '') };
  }

  function restoreTarget(label: string): string[] {
    return DRIVER === 'sqlite' ? ['--data-dir', path.join(work, `cli-${label}`)] : ['--database-url', restoreUrl()];
  }

  it('backs up with public keys only, restores, refuses a non-empty target (exit 2) and names a tampered backup (exit 1)', async () => {
    const keyFile = path.join(work, 'checkpoint.key');
    fs.writeFileSync(keyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const env = { ...sourceEnv(path.join(work, 'cli-data')), AUDIT_CHECKPOINT_KEY_FILE: keyFile };
    const out = path.join(work, 'cli-backup');
    const backup = await cli(['backup', '--out', out], env);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const manifest = readManifest(out);
    expect(manifest.extras.filter((e) => e.file.startsWith('keys'))).toHaveLength(1);
    for (const e of manifest.extras) expect(fs.readFileSync(path.join(out, e.file), 'utf8')).not.toMatch(/PRIVATE KEY/);

    const restored = await cli(['restore', out, ...restoreTarget('restored')], env);
    expect(restored.stdout).toMatch(/Restored and verified/);
    expect(restored.code).toBe(0);
    const again = await cli(['restore', out, ...restoreTarget('restored')], env);
    expect(again.stderr).toMatch(/exists/);
    expect(again.code).toBe(2);
    await dropRestoreSchemas();

    // A backup whose population lost a row, its checksum made to match: only the verification can tell.
    const tampered = path.join(work, 'tampered-backup');
    fs.cpSync(out, tampered, { recursive: true });
    const edited: Manifest = readManifest(tampered);
    const population = edited.domains.population!;
    if (DRIVER === 'sqlite') {
      const file = path.join(tampered, population.file);
      const db = new BetterSqlite3(file);
      db.prepare('delete from person where rowid = (select max(rowid) from person)').run();
      db.close();
      population.sha256 = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    } else {
      population.tables.person! += 1; // a custom-format dump is compressed: the manifest claims the row instead
    }
    fs.writeFileSync(path.join(tampered, 'manifest.json'), JSON.stringify(edited));
    const verified = await cli(['restore', tampered, ...restoreTarget('tampered')], env);
    expect(verified.stderr).toBe('');
    expect(verified.stdout).toMatch(/PROBLEM population: table person has \d+ rows, the backup \d+\./);
    expect(verified.code).toBe(1);
    await dropRestoreSchemas();
  }, 120_000);

  it('takes scheduled backups and keeps the newest (--every, --keep)', async () => {
    const dir = path.join(work, 'every');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'backup.ts'), 'backup', '--every', '0.0003', '--keep', '2'], {
      env: { ...process.env, ...sourceEnv(path.join(work, 'every-data')), BACKUP_DIR: dir },
      cwd: PROJECT_ROOT,
    });
    let stdout = '';
    const removed = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        const m = /Removed the backup (\S+) \(BACKUP_KEEP 2\)/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`the scheduled backups stopped (${code}): ${stdout}`)));
    });
    const exited = new Promise((r) => child.once('exit', r));
    child.kill();
    await exited;
    const kept = fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'manifest.json'))).sort();
    expect(kept).toHaveLength(2);
    expect(removed < kept[0]!).toBe(true);
    expect(readManifest(path.join(dir, kept[1]!)).domains.population!.tables.person).toBeGreaterThan(0);
  }, 120_000);
});
