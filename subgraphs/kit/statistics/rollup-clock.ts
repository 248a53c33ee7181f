/**
 * When each rollup of a database was last rebuilt, as a service knows it without asking on every request: its own
 * rebuilds it learns when they commit (sql.ts refreshRollup calls noteRollupRefreshed), rebuilds by another replica
 * of the same database from one read of `stat_refresh` at most every `checkMs`. The statistics cache puts these times
 * in its keys, so a new rollup makes every table computed from the previous one unreachable.
 */
import type { EntityManager } from '../orm';

type Listener = (table: string, refreshedAt: string) => void;

// Keyed by the ORM configuration every fork of a database's EntityManager shares (as rollups.ts keys its refreshers).
const listeners = new WeakMap<object, Set<Listener>>();

/** A rebuild of `table` committed in this process. */
export function noteRollupRefreshed(em: EntityManager, table: string, refreshedAt: string): void {
  for (const listener of listeners.get(em.config) ?? []) listener(table, refreshedAt);
}

/** Follows this process's rebuilds of the database's rollups; returns the unsubscribe function. */
export function onRollupRefreshed(em: EntityManager, listener: Listener): () => void {
  let set = listeners.get(em.config);
  if (!set) {
    set = new Set();
    listeners.set(em.config, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

export class RollupClock {
  private readonly known = new Map<string, string>();
  private checkedAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | null = null;

  constructor(
    /** Every rollup's last rebuild, read from the database (one statement). */
    private readonly read: () => Promise<ReadonlyMap<string, string>>,
    private readonly checkMs: number,
    /** Called whenever a rollup is known to have been rebuilt. */
    private readonly changed: () => void,
  ) {}

  /** The last rebuild of each table (null: never built), read again first when the last read is older than checkMs. */
  async asOf(tables: readonly string[]): Promise<(string | null)[]> {
    if (Date.now() - this.checkedAt >= this.checkMs || tables.some((t) => !this.known.has(t))) await this.check();
    return tables.map((t) => this.known.get(t) ?? null);
  }

  /** A rebuild seen: by this service (it committed), or by a computation that read a newer time than the clock had. */
  note(table: string, refreshedAt: string): void {
    const previous = this.known.get(table);
    // ISO times compare as text; a read that began before a rebuild committed never takes the clock back.
    if (previous !== undefined && previous >= refreshedAt) return;
    this.known.set(table, refreshedAt);
    if (previous !== undefined) this.changed();
  }

  private check(): Promise<void> {
    this.reading ??= (async () => {
      const started = Date.now();
      try {
        for (const [table, at] of await this.read()) this.note(table, at);
        this.checkedAt = started;
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }
}
