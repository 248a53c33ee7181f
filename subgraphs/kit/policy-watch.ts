/**
 * Hot reload of what is in force. The governance service bumps `policy_state.seq` in the transaction of every
 * activation and grant decision; each service notices and swaps in a new snapshot, without a restart:
 * - PostgreSQL: LISTEN on one channel (the NOTIFY is sent inside that transaction, so it is delivered exactly
 *   when the change commits), with a slow poll behind it for a lost connection;
 * - SQLite (embedded mode): a poll of the one-row counter every 100 ms, a primary-key read of a few bytes.
 * Requests keep the snapshot they started with (authorization.ts takes it once per request), so a request in
 * flight finishes under its version and no request sees half a change: a snapshot is replaced whole.
 */
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
  /** SQLite poll interval. @default 100 */
  pollMs?: number;
  /** PostgreSQL safety-net poll interval, behind LISTEN. @default 2000 */
  fallbackPollMs?: number;
  log?: (line: string) => void;
}

export interface PolicyWatch {
  stop(): Promise<void>;
}

export function watchPolicies(store: Reloadable, db: Database, config: DatabaseConfig, options: PolicyWatchOptions = {}): PolicyWatch {
  const log = options.log ?? (() => undefined);
  let stopped = false;
  let polling = false;
  const check = async () => {
    if (stopped || polling) return;
    polling = true;
    try {
      const seq = await readPolicyState(db.orm.em.fork());
      if (seq !== store.current().seq) await store.reload();
    } catch (error) {
      // Keep serving the snapshot in force; the next poll tries again.
      log(`policy watch: ${(error as Error).message}`);
    } finally {
      polling = false;
    }
  };
  const timer = setInterval(() => void check(), config.driver === 'sqlite' ? (options.pollMs ?? 100) : (options.fallbackPollMs ?? 2000));
  timer.unref();

  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  if (config.driver === 'postgresql') {
    // pg emits 'error' twice for one connection killed by the server (the FATAL, then "terminated unexpectedly")
    // and 'end' after them: only the first signal of the current client schedules one reconnect.
    const lost = (c: pg.Client, reason: string, delayMs: number) => {
      if (client !== c) return;
      client = null;
      log(`policy listen connection: ${reason}; reconnecting`);
      void c.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect(), delayMs);
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
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
