/**
 * Backups of every domain database and their restores (scripts/backup.ts is the command line).
 *
 * - SQLite: better-sqlite3's online backup API, every page in ONE step: a single read transaction, which in WAL mode
 *   never blocks the services' writers, so the copy is the database at one instant. (Its default, 100 pages a step,
 *   starts over whenever another connection writes between steps: under steady writes it may never finish.)
 * - PostgreSQL: pg_dump (custom format) per domain schema, all of them from ONE exported snapshot per server
 *   (`pg_export_snapshot`, `pg_dump --snapshot`), in which the manifest's row counts and chain heads are read too:
 *   the dumps and the manifest describe the same instant, across domains.
 *
 * The manifest holds per domain the file, its size and SHA-256, every table's row count, the audit chain heads, the
 * outbox head and (governance) the policy version in force; restore checks the checksums before it writes anything,
 * then verifies the restored databases against the manifest and every audit chain from base to head.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import { readHead, verifyChain } from '../subgraphs/kit/audit/chain';
import { AUDIT_ENTITIES } from '../subgraphs/kit/audit/records';
import { PROJECT_ROOT, type DatabaseConfig, type DomainName } from '../subgraphs/kit/config';
import { openDatabase } from '../subgraphs/kit/orm';

export interface DomainBackup {
  driver: 'sqlite' | 'postgresql';
  /** File name in the backup folder. */
  file: string;
  /** PostgreSQL: the schema the dump restores into. */
  schema?: string;
  bytes: number;
  sha256: string;
  tables: Record<string, number>;
  chains: { writer: string; seq: number; hash: string }[];
  outboxHead: number | null;
  policyVersion: number | null;
}

export interface Manifest {
  format: 'hainan-data-graph-backup/1';
  startedAt: string;
  finishedAt: string;
  tools: Record<string, string>;
  domains: Partial<Record<DomainName, DomainBackup>>;
  /**
   * Small files copied beside the databases, with their checksums: each domain's signed audit checkpoints (`domain`
   * set; restored where the target's checkpoints go, never over an existing file) and the public keys that verify
   * them (`keys/`, kept in the backup for AUDIT_CHECKPOINT_TRUSTED_KEYS). Never a private key: the signing key is
   * kept apart from the databases, or whoever holds a backup could sign rewritten heads.
   */
  extras: BackupExtra[];
}

export interface BackupExtra {
  file: string;
  bytes: number;
  sha256: string;
  domain?: DomainName;
}

export class BackupError extends Error {}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file).on('data', (c) => hash.update(c)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
  });
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', (e) => reject(new BackupError(`${command} could not run (${e.message}): install PostgreSQL's client tools (Debian: postgresql-client).`)));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new BackupError(`${command} ${args.filter((a) => !a.includes('://')).join(' ')} failed (${code}): ${err.trim()}`))));
  });
}

/** The PostgreSQL client tools: on PATH, else Debian's versioned folder. */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && fs.existsSync(path.join(dir, name))) return name;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(root, v, 'bin', name))) return path.join(root, v, 'bin', name);
  return name;
}

/** sqlite3_backup_step's page count for "all of them" (better-sqlite3 caps the progress callback's answer here). */
const ALL_PAGES = 0x7fffffff;

const APP_VERSION = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function sqliteVersion(): string {
  const db = new BetterSqlite3(':memory:');
  try {
    return (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface Facts {
  tables: Record<string, number>;
  chains: DomainBackup['chains'];
  outboxHead: number | null;
  policyVersion: number | null;
}

/** Row counts, chain heads, outbox head and policy version, through `query` (one consistent view). */
async function facts(tables: string[], query: (sql: string) => Promise<Record<string, unknown>[]>, table: (name: string) => string): Promise<Facts> {
  const counts: Record<string, number> = {};
  for (const t of tables.sort()) counts[t] = Number((await query(`select count(*) as n from ${table(t)}`))[0]!.n);
  const chains = tables.includes('audit_chain')
    ? (await query(`select writer, head_seq, head_hash from ${table('audit_chain')} order by writer`)).map((r) => ({ writer: String(r.writer), seq: Number(r.head_seq), hash: String(r.head_hash) }))
    : [];
  const outbox = tables.includes('outbox_head') ? await query(`select max(last_seq) as n from ${table('outbox_head')}`) : [];
  const policy = tables.includes('policy_version') ? await query(`select max(number) as n from ${table('policy_version')} where state = 'ACTIVE'`) : [];
  const num = (rows: Record<string, unknown>[]) => (rows[0]?.n === null || rows[0]?.n === undefined ? null : Number(rows[0].n));
  return { tables: counts, chains, outboxHead: num(outbox), policyVersion: num(policy) };
}

async function sqliteFacts(file: string): Promise<Facts> {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).all() as { name: string }[]).map((r) => r.name);
    return await facts(tables, async (sql) => db.prepare(sql).all() as Record<string, unknown>[], quote);
  } finally {
    db.close();
  }
}

async function pgFacts(client: Client, schema: string): Promise<Facts> {
  const tables = (await client.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'`, [schema])).rows.map((r) => r.table_name);
  return facts(tables, async (sql) => (await client.query(sql)).rows as Record<string, unknown>[], (t) => `${quote(schema)}.${quote(t)}`);
}

export interface BackupOptions {
  databases: Partial<Record<DomainName, DatabaseConfig>>;
  /** The folder to create (must not exist). */
  out: string;
  /** Per domain, the file of its signed audit checkpoints (copied when it exists). */
  checkpoints?: Partial<Record<DomainName, string>>;
  /** Public keys (PEM) by key ID, written under keys/. */
  publicKeys?: Record<string, string>;
  log?: (line: string) => void;
}

/** Takes a backup of `databases` into `out` and writes its manifest; a failed backup leaves no folder behind. */
export async function takeBackup(options: BackupOptions): Promise<Manifest> {
  if (fs.existsSync(options.out)) throw new BackupError(`${options.out} exists already: a backup goes into a new folder.`);
  fs.mkdirSync(options.out, { recursive: true, mode: 0o700 });
  try {
    return await backupInto(options);
  } catch (error) {
    fs.rmSync(options.out, { recursive: true, force: true });
    throw error;
  }
}

async function addExtra(manifest: Manifest, out: string, file: string, write: (target: string) => void, domain?: DomainName): Promise<void> {
  const target = path.join(out, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  write(target);
  manifest.extras.push({ file, bytes: fs.statSync(target).size, sha256: await sha256(target), ...(domain ? { domain } : {}) });
}

async function backupInto(options: BackupOptions): Promise<Manifest> {
  const { out } = options;
  const log = options.log ?? (() => undefined);
  const tools: Record<string, string> = { 'hainan-data-graph': APP_VERSION, node: process.version, sqlite: sqliteVersion() };
  const manifest: Manifest = { format: 'hainan-data-graph-backup/1', startedAt: new Date().toISOString(), finishedAt: '', tools, domains: {}, extras: [] };
  // Checkpoints first: a checkpoint signed during the backup must not be newer than the databases copied after it.
  for (const [domain, file] of Object.entries(options.checkpoints ?? {}) as [DomainName, string][]) {
    if (fs.existsSync(file)) await addExtra(manifest, out, path.join('audit-checkpoints', path.basename(file)), (t) => fs.copyFileSync(file, t), domain);
  }
  for (const [id, pem] of Object.entries(options.publicKeys ?? {})) await addExtra(manifest, out, path.join('keys', `${id}.pub.pem`), (t) => fs.writeFileSync(t, pem));
  const pgByUrl = new Map<string, { domain: DomainName; schema: string }[]>();
  for (const [domain, config] of Object.entries(options.databases) as [DomainName, DatabaseConfig][]) {
    if (config.driver === 'sqlite') {
      const file = `${domain}.sqlite`;
      const started = Date.now();
      const source = new BetterSqlite3(config.file, { fileMustExist: true });
      try {
        await source.backup(path.join(out, file), { progress: () => ALL_PAGES });
      } finally {
        source.close();
      }
      const target = path.join(out, file);
      // A self-contained file: out of WAL mode, so that reading it (here, at restore) leaves no -wal/-shm beside it.
      const copy = new BetterSqlite3(target);
      copy.pragma('journal_mode = delete');
      copy.close();
      manifest.domains[domain] = { driver: 'sqlite', file, bytes: fs.statSync(target).size, sha256: await sha256(target), ...(await sqliteFacts(target)) };
      log(`${domain}: ${fs.statSync(target).size} bytes in ${Date.now() - started} ms`);
    } else {
      const list = pgByUrl.get(config.url) ?? [];
      list.push({ domain, schema: config.schema });
      pgByUrl.set(config.url, list);
    }
  }
  for (const [url, domains] of pgByUrl) {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('begin isolation level repeatable read read only');
      const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]!.id;
      manifest.tools.pg_dump = (await run(pgTool('pg_dump'), ['--version'])).trim();
      for (const { domain, schema } of domains) {
        const file = `${domain}.pgdump`;
        const started = Date.now();
        await run(pgTool('pg_dump'), ['--format=custom', `--schema=${schema}`, `--snapshot=${snapshot}`, '--no-owner', `--file=${path.join(out, file)}`, `--dbname=${url}`]);
        const target = path.join(out, file);
        manifest.domains[domain] = { driver: 'postgresql', file, schema, bytes: fs.statSync(target).size, sha256: await sha256(target), ...(await pgFacts(client, schema)) };
        log(`${domain}: ${fs.statSync(target).size} bytes in ${Date.now() - started} ms`);
      }
      await client.query('commit');
    } finally {
      await client.end();
    }
  }
  manifest.finishedAt = new Date().toISOString();
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new BackupError(`${dir} holds no manifest.json: not a backup of this platform.`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== 'hainan-data-graph-backup/1') throw new BackupError(`${file} is not a manifest this version reads (format ${JSON.stringify(manifest.format)}).`);
  return manifest;
}

/** Removes the oldest complete backups (folders with a manifest) in `dir` beyond the newest `keep`; returns their names. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!fs.existsSync(dir)) return [];
  // Folder names are ISO timestamps, so their order is their age.
  const dated = fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'manifest.json'))).sort();
  const old = dated.slice(0, Math.max(0, dated.length - keep));
  for (const name of old) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  return old;
}

export interface RestoreReport {
  ok: boolean;
  problems: string[];
  lines: string[];
}

export interface RestoreOptions {
  dir: string;
  /** One DatabaseConfig per domain: SQLite files or PostgreSQL schemas that must not exist unless `replace`. */
  targets: Partial<Record<DomainName, DatabaseConfig>>;
  /** Per domain, where the target's signed audit checkpoints go (restored there only when no file is there yet). */
  checkpointsTo?: Partial<Record<DomainName, string>>;
  replace?: boolean;
}

/** Restores the backup in `dir` into `targets` after checking every checksum, then verifies it. */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const manifest = readManifest(options.dir);
  const entries = Object.entries(manifest.domains) as [DomainName, DomainBackup][];
  // Nothing is written before every file has been checked.
  for (const [domain, b] of entries) {
    const file = path.join(options.dir, b.file);
    if (!fs.existsSync(file)) throw new BackupError(`${domain}: ${b.file} is missing from the backup.`);
    if ((await sha256(file)) !== b.sha256) throw new BackupError(`${domain}: ${b.file} does not match its checksum in the manifest: the backup is damaged.`);
    if (!options.targets[domain]) throw new BackupError(`${domain}: no target database given.`);
  }
  for (const e of manifest.extras) {
    if (!fs.existsSync(path.join(options.dir, e.file))) throw new BackupError(`${e.file} is missing from the backup.`);
    if ((await sha256(path.join(options.dir, e.file))) !== e.sha256) throw new BackupError(`${e.file} does not match its checksum in the manifest: the backup is damaged.`);
  }
  for (const [domain, b] of entries) {
    const target = options.targets[domain]!;
    if (target.driver !== b.driver) throw new BackupError(`${domain}: the backup is ${b.driver}, the target ${target.driver}.`);
    if (target.driver === 'sqlite' && fs.existsSync(target.file) && !options.replace) throw new BackupError(`${domain}: ${target.file} exists: restore into an empty data directory (or --replace).`);
    if (target.driver === 'postgresql') {
      if (target.schema !== b.schema) throw new BackupError(`${domain}: the dump restores schema ${b.schema}, the target is ${target.schema} (set DATABASE_SCHEMA_PREFIX to match).`);
      const client = new Client({ connectionString: target.url });
      await client.connect();
      try {
        const exists = (await client.query('select 1 from information_schema.schemata where schema_name = $1', [target.schema])).rowCount! > 0;
        if (exists && !options.replace) throw new BackupError(`${domain}: schema ${target.schema} exists in the target database: restore into an empty database (or --replace).`);
        if (exists) await client.query(`drop schema ${quote(target.schema)} cascade`);
      } finally {
        await client.end();
      }
    }
  }
  for (const [domain, b] of entries) {
    const target = options.targets[domain]!;
    const file = path.join(options.dir, b.file);
    if (target.driver === 'sqlite') {
      fs.mkdirSync(path.dirname(target.file), { recursive: true });
      for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target.file}${suffix}`, { force: true });
      fs.copyFileSync(file, target.file);
    } else {
      await run(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target.url}`, file]);
    }
  }
  // Checkpoint files are append-only evidence: one already there (a restore in place) holds the heads signed after
  // the backup, which is how `npm run audit:verify` tells what the restore lost. Never overwritten, even with --replace.
  for (const e of manifest.extras) {
    const to = e.domain ? options.checkpointsTo?.[e.domain] : undefined;
    if (!to || fs.existsSync(to)) continue;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(options.dir, e.file), to);
  }
  return verifyRestore(manifest, options.targets);
}

/** Holds the restored databases to the manifest: row counts, chain heads and links, outbox head, policy version. */
export async function verifyRestore(manifest: Manifest, targets: Partial<Record<DomainName, DatabaseConfig>>): Promise<RestoreReport> {
  const report: RestoreReport = { ok: true, problems: [], lines: [] };
  const problem = (text: string) => {
    report.ok = false;
    report.problems.push(text);
  };
  for (const [domain, b] of Object.entries(manifest.domains) as [DomainName, DomainBackup][]) {
    const target = targets[domain]!;
    let got: Facts;
    if (target.driver === 'sqlite') got = await sqliteFacts(target.file);
    else {
      const client = new Client({ connectionString: target.url });
      await client.connect();
      try {
        got = await pgFacts(client, target.schema);
      } finally {
        await client.end();
      }
    }
    for (const [table, rows] of Object.entries(b.tables)) {
      if (got.tables[table] !== rows) problem(`${domain}: table ${table} has ${got.tables[table] ?? 'no'} rows, the backup ${rows}.`);
    }
    const writers = (chains: DomainBackup['chains']) => chains.map((c) => c.writer).join(', ') || 'none';
    if (writers(got.chains) !== writers(b.chains)) problem(`${domain}: the audit chains are ${writers(got.chains)}, the backup's ${writers(b.chains)}.`);
    if (got.outboxHead !== b.outboxHead) problem(`${domain}: the outbox head is ${got.outboxHead}, the backup's ${b.outboxHead}.`);
    if (got.policyVersion !== b.policyVersion) problem(`${domain}: the policy version in force is ${got.policyVersion}, the backup's ${b.policyVersion}.`);
    const db = await openDatabase(target, AUDIT_ENTITIES);
    try {
      for (const c of b.chains) {
        const head = await readHead(db.orm.em.fork(), c.writer).catch(() => null);
        if (!head) continue; // a missing chain is named above
        if (head.seq !== c.seq || head.hash !== c.hash) problem(`${domain}: audit chain ${c.writer} ends at #${head.seq} (${head.hash.slice(0, 12)}), the backup at #${c.seq} (${c.hash.slice(0, 12)}).`);
        const r = await verifyChain(db.orm.em.fork(), c.writer);
        if (!r.ok) problem(`${domain}: audit chain ${c.writer} is broken at #${r.broken!.seq}: ${r.broken!.message}`);
      }
    } finally {
      await db.close();
    }
    const rows = Object.values(got.tables).reduce((a, n) => a + n, 0);
    report.lines.push(`${domain}: ${Object.keys(b.tables).length} tables, ${rows} rows, ${b.chains.map((c) => `chain ${c.writer} to #${c.seq}`).join(', ') || 'no audit chain'}${b.policyVersion !== null ? `, policy version ${b.policyVersion}` : ''}`);
  }
  return report;
}
