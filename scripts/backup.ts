/**
 * Backups and restores of every domain database (scripts/backup-store.ts does the work):
 *   npm run backup [-- --out DIR]              a dated folder under BACKUP_DIR (default DATA_DIR/backups)
 *   npm run backup -- --every 24 [--keep 7]    the same every 24 hours, keeping the newest 7 (runs until stopped)
 *   npm run restore -- <backup folder> [--data-dir DIR | --database-url URL] [--replace]
 * The databases are the configuration's (DATA_DIR, DATABASE_URL, <DOMAIN>_DATABASE_URL, DATABASE_SCHEMA_PREFIX);
 * restore writes into the given data directory or database (default: the configuration's), refuses one that already
 * holds a domain's database unless --replace, and exits 1 when the restored databases do not verify.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { trustedKeys } from '../subgraphs/kit/audit/checkpoint-keys';
import { checkpointFile } from '../subgraphs/kit/audit/checkpoints';
import { backupConfig, checkpointConfig, databaseConfig, DOMAINS, type DatabaseConfig, type DomainName } from '../subgraphs/kit/config';
import { BackupError, pruneBackups, restoreBackup, takeBackup } from './backup-store';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function databases(env: NodeJS.ProcessEnv): Record<DomainName, DatabaseConfig> {
  return Object.fromEntries(DOMAINS.map((d) => [d, databaseConfig(d, env)])) as Record<DomainName, DatabaseConfig>;
}

/** Per domain, the file of its signed audit checkpoints (subgraphs/kit/audit/checkpoints.ts decides where). */
function checkpointFiles(env: NodeJS.ProcessEnv): Record<DomainName, string> {
  const config = checkpointConfig(env);
  return Object.fromEntries(DOMAINS.map((d) => [d, checkpointFile(config, databaseConfig(d, env))])) as Record<DomainName, string>;
}

/** The public keys that verify the checkpoints (never the private key: see Manifest.extras). */
function publicKeys(): Record<string, string> {
  return Object.fromEntries([...trustedKeys(checkpointConfig())].map(([id, key]) => [id, String(key.export({ type: 'spki', format: 'pem' }))]));
}

async function backupOnce(out: string): Promise<void> {
  const started = Date.now();
  const log = (l: string) => process.stdout.write(`  ${l}\n`);
  const manifest = await takeBackup({ databases: databases(process.env), out, checkpoints: checkpointFiles(process.env), publicKeys: publicKeys(), log });
  const bytes = Object.values(manifest.domains).reduce((a, d) => a + d!.bytes, 0);
  process.stdout.write(`Backup of ${Object.keys(manifest.domains).length} databases in ${out}: ${(bytes / 1048576).toFixed(1)} MiB in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

async function backup(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, every: { type: 'string' }, keep: { type: 'string' } } });
  const config = backupConfig();
  if (!values.every) return backupOnce(path.resolve(values.out ?? path.join(config.dir, stamp())));
  const hours = Number(values.every);
  const keep = Number(values.keep ?? config.keep);
  if (!(hours > 0) || !Number.isInteger(keep) || keep < 1) fail('--every takes hours (> 0) and --keep a count (>= 1).');
  // Under `npm start` (BACKUP_INTERVAL_H): the launcher's IPC channel closes when it stops, and so does this.
  process.on('disconnect', () => process.exit(0));
  // The first one an interval after the start: a platform's first start is still seeding its databases.
  for (;;) {
    await new Promise((r) => setTimeout(r, hours * 3600_000));
    await backupOnce(path.join(config.dir, stamp())).catch((e: unknown) => process.stderr.write(`Backup failed: ${(e as Error).message}\n`));
    for (const old of pruneBackups(config.dir, keep)) process.stdout.write(`Removed the backup ${old} (BACKUP_KEEP ${keep}).\n`);
  }
}

async function restore(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, replace: { type: 'boolean' } } });
  const dir = positionals[0];
  if (!dir) fail('Usage: npm run restore -- <backup folder> [--data-dir DIR | --database-url URL] [--replace]');
  const env = { ...process.env };
  if (values['data-dir']) {
    env.DATA_DIR = path.resolve(values['data-dir']);
    delete env.DATABASE_URL;
    delete env.AUDIT_CHECKPOINT_DIR; // the checkpoints go beside the restored files
    for (const d of DOMAINS) delete env[`${d.toUpperCase()}_DATABASE_URL`];
  }
  if (values['database-url']) {
    env.DATABASE_URL = values['database-url'];
    for (const d of DOMAINS) delete env[`${d.toUpperCase()}_DATABASE_URL`]; // one target database for every domain
  }
  const started = Date.now();
  const report = await restoreBackup({ dir: path.resolve(dir), targets: databases(env), checkpointsTo: checkpointFiles(env), replace: values.replace });
  for (const line of report.lines) process.stdout.write(`${line}\n`);
  for (const p of report.problems) process.stdout.write(`PROBLEM ${p}\n`);
  process.stdout.write(report.ok ? `Restored and verified in ${((Date.now() - started) / 1000).toFixed(1)} s.\n` : `${report.problems.length} problem(s): the restore does not match its backup.\n`);
  if (!report.ok) process.exit(1);
}

const [command, ...rest] = process.argv.slice(2);
(command === 'backup' ? backup(rest) : command === 'restore' ? restore(rest) : Promise.resolve(fail('Usage: tsx scripts/backup.ts <backup|restore> ...'))).catch((error: unknown) => {
  if (error instanceof BackupError) fail(error.message);
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
