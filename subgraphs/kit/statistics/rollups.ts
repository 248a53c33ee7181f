/**
 * Keeps a domain's rollup tables fresh: built at start, rebuilt a few seconds after a write through the graph
 * (writes.ts calls statisticsWritten; writes arriving in the meantime join the same rebuild), and on an interval
 * for writes the graph does not see (file imports, the seeder). Queries read the previous numbers while a rebuild
 * runs; a rebuild commits all of a rollup at once.
 */
import { statisticsConfig, type StatisticsConfig } from '../config';
import type { EntityManager } from '../orm';
import { todayInChina } from '../scalars';
import type { StatisticDefinition } from './definition';
import { ensureRollup, refreshRollup } from './sql';

export interface RollupRefresher {
  /** Rebuilds every rollup now (at most one rebuild at a time; a request during one queues one more). */
  refresh(): Promise<void>;
  /** A write happened: rebuild after the configured delay. */
  written(): void;
  stop(): void;
}

// Keyed by the ORM configuration every fork of a database's EntityManager shares.
const refreshers = new WeakMap<object, RollupRefresher>();

export async function startRollups(em: EntityManager, definitions: readonly StatisticDefinition[], options: Partial<StatisticsConfig> & { log?: (line: string) => void; background?: boolean } = {}): Promise<RollupRefresher> {
  const config = { ...statisticsConfig(), ...options };
  const log = options.log ?? (() => undefined);
  for (const d of definitions) for (const r of d.rollups ?? []) await ensureRollup(em, d, r);
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let builtFrom: number | null = null;
  const rebuild = async () => {
    const started = Date.now();
    builtFrom = await dataVersion(em.fork()).catch(() => null);
    const today = todayInChina();
    for (const d of definitions) for (const r of d.rollups ?? []) await refreshRollup(em.fork(), d, r, today, config.keySalt);
    if (definitions.some((d) => d.rollups?.length)) log(`statistics: rollups of ${definitions.map((d) => d.name).join(', ')} rebuilt in ${Date.now() - started} ms.`);
  };
  const refresher: RollupRefresher = {
    refresh() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        try {
          do {
            again = false;
            if (!stopped) await rebuild();
          } while (again);
        } finally {
          running = null;
        }
      })();
      return running;
    },
    written() {
      if (timer || stopped) return;
      timer = setTimeout(() => {
        timer = null;
        refresher.refresh().catch((error) => log(`statistics: rollup rebuild failed: ${String(error)}`));
      }, config.refreshDelaySeconds * 1000);
      timer.unref();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (interval) clearInterval(interval);
      refreshers.delete(em.config);
    },
  };
  // The interval is for writes the graph does not see; on SQLite it rebuilds only if some other connection committed
  // to the file since the last rebuild began (an idle service rebuilds nothing). `PRAGMA data_version` on the
  // connection the rebuilds use: SQLite moves it for every other connection's commit and never for its own.
  const changedSinceBuild = async (): Promise<boolean> => {
    const version = await dataVersion(em.fork());
    return version === null || version !== builtFrom;
  };
  const interval =
    config.refreshIntervalSeconds > 0
      ? setInterval(() => {
          changedSinceBuild().then(
            (changed) => changed && refresher.written(),
            () => refresher.written(),
          );
        }, config.refreshIntervalSeconds * 1000)
      : null;
  interval?.unref();
  refreshers.set(em.config, refresher);
  if (options.background) refresher.refresh().catch((error) => log(`statistics: rollup build failed: ${String(error)}`));
  else await refresher.refresh();
  return refresher;
}

/** SQLite: the connection's `PRAGMA data_version` (moved by other connections' commits); null on PostgreSQL. */
async function dataVersion(em: EntityManager): Promise<number | null> {
  if (em.getPlatform().constructor.name === 'PostgreSqlPlatform') return null;
  const rows = await em.getConnection().execute<{ data_version: number }[]>('pragma data_version');
  return rows[0]?.data_version ?? null;
}

/** After a committed write through the graph: the domain's rollups will be rebuilt shortly. */
export function statisticsWritten(em: EntityManager): void {
  refreshers.get(em.config)?.written();
}

/** Rebuilds the domain's rollups now, if it has any (after an import, in tests). */
export async function refreshStatistics(em: EntityManager): Promise<void> {
  await refreshers.get(em.config)?.refresh();
}
