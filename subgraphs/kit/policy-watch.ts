/**
 * Hot reload of what is in force. The governance service bumps `policy_state.seq` in the transaction of every
 * activation and grant decision; each service notices and swaps in a new snapshot, without a restart:
 * - PostgreSQL: LISTEN on one channel (the NOTIFY is sent inside that transaction, so it is delivered exactly
 *   when the change commits), with a slow poll behind it for a lost connection;
 * - SQLite (embedded mode): the file system says when the governance file or its write-ahead log is written
 *   (fs.watch: inotify, FSEvents...), and `PRAGMA data_version` on a connection of the watch's own says whether that
 *   was a commit by another connection (of any process): SQLite changes the number whenever one committed since
 *   the connection's last look, and asking costs a few microseconds and reads no table. Only then is the counter
 *   read (through the ORM, like any other read). A slow poll of data_version (every 10 s) stands behind the
 *   notifications, and a fast one (every 250 ms) replaces them where the file system sends none. An idle platform
 *   thus sends no statement and barely wakes up; a change arrives within milliseconds.
 * Requests keep the snapshot they started with (authorization.ts takes it once per request), so a request in
 * flight finishes under its version and no request sees half a change: a snapshot is replaced whole.
 */
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseConfig } from './config';
import type { Database } from './orm';
import { POLICY_CHANNEL, readPolicyState } from './policy-state';

/** What the watch reloads: the policy store (policy-store.ts), as far as the watch needs it. */
export interface Reloadable {
  current(): { seq: number };
  reload(): Promise<unknown>;
}

export interface PolicyWatchOptions {
  /** SQLite: how often `PRAGMA data_version` is asked behind the file-system notifications. @default 10000 */
  safetyPollMs?: number;
  /** SQLite without file-system notifications: how often `PRAGMA data_version` is asked. @default 250 */
  pollMs?: number;
  /** PostgreSQL safety-net poll interval, behind LISTEN. @default 2000 */
  fallbackPollMs?: number;
  log?: (line: string) => void;
}

export interface PolicyWatch {
  stop(): Promise<void>;
}

/**
 * Whether another connection has committed to a SQLite file since the last call: `PRAGMA data_version` on a
 * connection opened for this alone (commits on a connection never move its own data_version, so it must not be
 * one the process writes through). The first call answers true. Synchronous, a few microseconds; holds no lock
 * between calls.
 */
export class SqliteChangeDetector {
  private connection: BetterSqlite3.Database | null = null;
  private statement: BetterSqlite3.Statement | null = null;
  private last: number | null = null;

  constructor(private readonly file: string) {}

  changed(): boolean {
    if (!this.statement) {
      this.connection = new BetterSqlite3(this.file, { fileMustExist: true });
      this.statement = this.connection.prepare('pragma data_version').pluck();
    }
    let version: number;
    try {
      version = this.statement.get() as number;
    } catch (error) {
      this.close(); // opened again on the next call, which then answers true
      throw error;
    }
    const changed = version !== this.last;
    this.last = version;
    return changed;
  }

  close(): void {
    this.connection?.close();
    this.connection = null;
    this.statement = null;
    this.last = null;
  }
}

/** fs.watch on each of the files that exist; a watcher that fails or sees its file go is dropped. */
class FileWatch {
  private readonly watchers = new Map<string, fs.FSWatcher>();

  constructor(
    private readonly files: readonly string[],
    private readonly onEvent: () => void,
  ) {
    this.attach();
  }

  /** Watches the files not watched yet; true when at least one is watched. */
  attach(): boolean {
    for (const file of this.files) {
      if (this.watchers.has(file)) continue;
      try {
        const watcher = fs.watch(file, { persistent: false }, (event) => {
          if (event === 'rename') this.drop(file); // replaced or removed: watch it again later
          this.onEvent();
        });
        watcher.on('error', () => this.drop(file));
        this.watchers.set(file, watcher);
      } catch {
        // Not there (no write-ahead log yet), or no notifications on this file system.
      }
    }
    return this.watchers.size > 0;
  }

  private drop(file: string): void {
    this.watchers.get(file)?.close();
    this.watchers.delete(file);
  }

  close(): void {
    for (const file of [...this.watchers.keys()]) this.drop(file);
  }
}

export function watchPolicies(store: Reloadable, db: Database, config: DatabaseConfig, options: PolicyWatchOptions = {}): PolicyWatch {
  const log = options.log ?? (() => undefined);
  let stopped = false;
  let polling = false;
  // A look asked for while a read was running: taken as soon as it ends.
  let again = false;
  // SQLite: a change seen by the detector and not read successfully yet.
  let pending = false;
  let retry: NodeJS.Timeout | null = null;
  const check = async () => {
    if (stopped || polling) return;
    polling = true;
    try {
      const seq = await readPolicyState(db.orm.em.fork());
      if (seq !== store.current().seq) await store.reload();
      pending = false;
    } catch (error) {
      // Keep serving the snapshot in force; try again shortly.
      log(`policy watch: ${(error as Error).message}`);
      if (detector && !stopped) {
        retry = setTimeout(tick, options.pollMs ?? 250);
        retry.unref();
      }
    } finally {
      polling = false;
      if (again) {
        again = false;
        tick();
      }
    }
  };
  // SQLite: the counter is read only when the file changed. The detector's first answer is "changed", so a change
  // committed between the store's first read and this watch's start is read too.
  const detector = config.driver === 'sqlite' ? new SqliteChangeDetector(config.file) : null;
  function tick(): void {
    if (stopped) return;
    if (polling) {
      again = true;
      return;
    }
    if (!detector) return void check();
    try {
      if (detector.changed()) pending = true;
    } catch (error) {
      log(`policy watch: ${(error as Error).message}`);
      pending = true;
    }
    if (pending) void check();
  }
  // Notifications come in bursts (a commit writes the log, a checkpoint the file): one look per turn of the loop.
  let soon = false;
  const notified = () => {
    if (soon || stopped) return;
    soon = true;
    setImmediate(() => {
      soon = false;
      tick();
    });
  };
  const files = config.driver === 'sqlite' ? new FileWatch([config.file, `${config.file}-wal`], notified) : null;
  const notifying = files?.attach() ?? false;
  const timer = setInterval(
    () => {
      files?.attach();
      tick();
    },
    !detector ? (options.fallbackPollMs ?? 2000) : notifying ? (options.safetyPollMs ?? 10_000) : (options.pollMs ?? 250),
  );
  timer.unref();
  if (detector) tick();

  let client: pg.Client | null = null;
  let reconnect: NodeJS.Timeout | null = null;
  if (config.driver === 'postgresql') {
    // pg emits 'error' twice for one connection killed by the server (the FATAL, then "terminated unexpectedly")
    // and 'end' after them: only the first signal of the current client schedules one reconnect.
    const lost = (c: pg.Client, reason: string, delayMs: number) => {
      if (client !== c) return;
      client = null;
      log(`policy listen connection: ${reason}; reconnecting`);
      void c.end().catch(() => undefined);
      if (!stopped) reconnect = setTimeout(() => void connect(), delayMs);
    };
    const connect = async () => {
      if (stopped) return;
      // Named, so operators see in pg_stat_activity which governance schema a connection listens for.
      const c = new pg.Client({ connectionString: config.url, application_name: `hdg-policy-watch:${config.schema}`.slice(0, 63) });
      client = c;
      c.on('notification', (message) => {
        const [schema] = (message.payload ?? '').split(':');
        if (schema === config.schema) void store.reload().catch((error: Error) => log(`policy reload: ${error.message}`));
      });
      c.on('error', (error) => lost(c, error.message, 500));
      c.on('end', () => lost(c, 'closed by the server', 500));
      try {
        await c.connect();
        await c.query(`LISTEN ${POLICY_CHANNEL}`);
        // A change may have committed while we were not listening.
        await check();
      } catch (error) {
        lost(c, (error as Error).message, 1000);
      }
    };
    void connect();
  }
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (retry) clearTimeout(retry);
      if (reconnect) clearTimeout(reconnect);
      files?.close();
      detector?.close();
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
