/**
 * How a service on SQLite notices a change of what is in force (policy-watch.ts): the file system says the
 * governance file was written, `PRAGMA data_version` on a connection of the watch's own says whether anyone else
 * committed to it; only then is `policy_state` read. A change committed by another connection, or another process,
 * is seen well within a second, also where the file system sends no notifications; while nothing changes, the
 * watch sends no statement at all (this was a query every 100 ms per service).
 * Always on SQLite files (the embedded default), whatever DATABASE_URL says: PostgreSQL keeps LISTEN/NOTIFY,
 * tested in policy-reload.test.ts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { DatabaseConfig } from '../../subgraphs/kit/config';
import { openDatabase, type Database } from '../../subgraphs/kit/orm';
import { bumpPolicyState, GOVERNANCE_STORE_ENTITIES, openPolicyStore, readPolicyState, type PolicyStore } from '../../subgraphs/kit/policy-store';
import { SqliteChangeDetector } from '../../subgraphs/kit/policy-watch';

let dir: string;
let config: Extract<DatabaseConfig, { driver: 'sqlite' }>;
let store: (PolicyStore & { db: Database }) | undefined;
let writer: Database | undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` holds or `timeoutMs` passed; returns how long it took (ms) or Infinity. */
async function within(timeoutMs: number, check: () => boolean): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) return Infinity;
    await sleep(10);
  }
  return Date.now() - started;
}

/** The SQL the store's own ORM sends while `fn` runs. */
async function statementsDuring(db: Database, fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const knex = db.orm.em.getConnection().getKnex();
  const listener = (q: { sql?: string }) => seen.push(q.sql ?? '');
  knex.on('query', listener);
  try {
    await fn();
  } finally {
    knex.off('query', listener);
  }
  return seen;
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-policy-watch-'));
  config = { driver: 'sqlite', file: path.join(dir, 'governance.sqlite') };
  // The slow poll behind the notifications never comes within a test: what arrives, the notifications brought.
  store = await openPolicyStore(config, { safetyPollMs: 600_000 });
  writer = await openDatabase(config, GOVERNANCE_STORE_ENTITIES);
});

afterEach(async () => {
  jest.restoreAllMocks();
  await store?.close();
  await writer?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite policy watch', () => {
  it('issues no statement while nothing changes', async () => {
    await sleep(300); // the watch's first look reads the counter once
    const before = store!.db.queries.count;
    const sql = await statementsDuring(store!.db, () => sleep(1500));
    expect(sql).toEqual([]);
    expect(store!.db.queries.count).toBe(before);
  });

  it('sees a change committed by another connection within a second, then is silent again', async () => {
    const seq = store!.current().seq;
    let took = Infinity;
    const sql = await statementsDuring(store!.db, async () => {
      await writer!.orm.em.fork().transactional((em) => bumpPolicyState(em));
      took = await within(1000, () => store!.current().seq === seq + 1);
    });
    expect(took).toBeLessThan(1000);
    // The watch's read of the counter, then the reload's (the counter, the active version, the grants).
    expect(sql.filter((s) => /policy_state/.test(s))).toHaveLength(2);
    expect(await statementsDuring(store!.db, () => sleep(1000))).toEqual([]);
  });

  it('sees a change committed by another process', async () => {
    const seq = store!.current().seq;
    const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.pragma('busy_timeout = 10000'); db.prepare('update policy_state set seq = seq + 1 where id = 1').run(); db.close();`;
    execFileSync(process.execPath, ['-e', script, config.file], { cwd: path.resolve(__dirname, '../..') });
    expect(await readPolicyState(writer!.orm.em.fork())).toBe(seq + 1);
    expect(await within(1000, () => store!.current().seq === seq + 1)).toBeLessThan(1000);
  });

  it('reads the counter again after a failed read, though the file did not change again', async () => {
    const seq = store!.current().seq;
    const db = store!.db;
    const original = db.orm.em.fork.bind(db.orm.em);
    let failures = 0;
    // The next two reads of the watch fail, as a locked or unreachable file would make them.
    db.orm.em.fork = ((...args: Parameters<typeof original>) => {
      if (failures < 2) {
        failures += 1;
        throw new Error('database is locked');
      }
      return original(...args);
    }) as typeof db.orm.em.fork;
    try {
      await writer!.orm.em.fork().transactional((em) => bumpPolicyState(em));
      expect(await within(2000, () => store!.current().seq === seq + 1)).toBeLessThan(2000);
      expect(failures).toBe(2);
    } finally {
      db.orm.em.fork = original;
    }
  });
});

describe('the SQLite policy watch without file-system notifications', () => {
  it('asks data_version every 250 ms instead, and still reads the counter only after a change', async () => {
    await store!.close();
    jest.spyOn(fs, 'watch').mockImplementation(() => {
      throw Object.assign(new Error('watch is not supported here'), { code: 'ENOSYS' });
    });
    store = await openPolicyStore(config, { safetyPollMs: 600_000 });
    await sleep(300); // the watch's first look reads the counter once
    expect(await statementsDuring(store.db, () => sleep(1000))).toEqual([]);
    const seq = store.current().seq;
    await writer!.orm.em.fork().transactional((em) => bumpPolicyState(em));
    expect(await within(1000, () => store!.current().seq === seq + 1)).toBeLessThan(1000);
  });
});

describe('SqliteChangeDetector', () => {
  it('answers true first, then only after another connection committed', () => {
    const detector = new SqliteChangeDetector(config.file);
    const other = new BetterSqlite3(config.file);
    try {
      expect(detector.changed()).toBe(true);
      expect(detector.changed()).toBe(false);
      other.prepare('select seq from policy_state').get();
      expect(detector.changed()).toBe(false); // a read is no change
      other.prepare("update policy_state set changed_at = changed_at where id = 1").run();
      expect(detector.changed()).toBe(false); // nor is an update that changes no value: SQLite writes nothing
      other.prepare('update policy_state set seq = seq + 1 where id = 1').run();
      expect(detector.changed()).toBe(true);
      expect(detector.changed()).toBe(false);
    } finally {
      detector.close();
      other.close();
    }
  });
});
