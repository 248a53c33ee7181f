/**
 * The statistics rollups' interval rebuild (statistics/rollups.ts), which is there for writes the graph does not
 * see (imports, the seeder, another process): on SQLite it rebuilds only when another connection committed to the
 * domain's file since the last rebuild began, so an idle service rebuilds nothing every interval.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { DatabaseConfig } from '../../subgraphs/kit/config';
import { openDatabase, type Database } from '../../subgraphs/kit/orm';
import { SeedRun, seedDomains } from '../../subgraphs/kit/seed';
import { startRollups, type RollupRefresher } from '../../subgraphs/kit/statistics/rollups';
import type { SubgraphDefinition } from '../../subgraphs/kit/subgraph';
import { SUBGRAPHS } from '../../subgraphs/registry';

const population = SUBGRAPHS.population as SubgraphDefinition<unknown>;
let dir: string;
let config: Extract<DatabaseConfig, { driver: 'sqlite' }>;
let db: Database;
let refresher: RollupRefresher | undefined;
const rebuilds: string[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-rollup-refresh-'));
  config = { driver: 'sqlite', file: path.join(dir, 'population.sqlite') };
  db = await openDatabase(config, [...population.entities, SeedRun]);
  await seedDomains([{ definition: population, db }], { persons: 60, seed: 3 });
  refresher = await startRollups(db.orm.em.fork(), population.statistics ?? [], {
    refreshIntervalSeconds: 1,
    refreshDelaySeconds: 0,
    log: (line) => rebuilds.push(line),
  });
});

afterAll(async () => {
  refresher?.stop();
  await refresher?.refresh().catch(() => undefined);
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the interval rebuild of rollups on SQLite', () => {
  it('has rollups to rebuild at all', () => {
    expect(population.statistics?.some((d) => d.rollups?.length)).toBe(true);
    expect(rebuilds).toHaveLength(1); // the build at start
  });

  it('rebuilds nothing while nothing else writes to the file', async () => {
    const before = rebuilds.length;
    await sleep(3500);
    expect(rebuilds.length).toBe(before);
  });

  it('rebuilds after another connection committed to the file, then rests again', async () => {
    const before = rebuilds.length;
    const other = new BetterSqlite3(config.file);
    try {
      other.pragma('busy_timeout = 10000');
      // What an import in another process does: a committed write the graph never saw.
      other.prepare("update person set phone = '13800000000' where rowid = (select min(rowid) from person)").run();
    } finally {
      other.close();
    }
    const until = Date.now() + 5000;
    while (rebuilds.length === before && Date.now() < until) await sleep(50);
    expect(rebuilds.length).toBe(before + 1);
    await sleep(3000);
    expect(rebuilds.length).toBe(before + 1);
  });
});
