/**
 * Seeds domain databases from the deterministic synthetic world. Every domain derives its rows from the same
 * chunks, so references across subgraphs resolve. Streaming: at most two chunks are in memory at a time.
 */
import { defineEntity, p } from '@mikro-orm/core';
import type { Database } from './orm';
import type { SubgraphDefinition } from './subgraph';
import { generateWorld } from './world/world';

/** One row per domain database: what was seeded, and whether it finished. */
export const SeedRun = defineEntity({
  name: 'SeedRun',
  tableName: 'seed_run',
  properties: {
    domain: p.string().primary(),
    seed: p.integer(),
    persons: p.integer(),
    startedAt: p.datetime(),
    completedAt: p.datetime().nullable(),
  },
});

export interface SeedTarget {
  definition: SubgraphDefinition<unknown>;
  db: Database;
}

export interface SeedOptions {
  persons: number;
  seed: number;
  /** Replace data from an earlier seeding (the `npm run seed` command); start-up never does. */
  replace?: boolean;
  onProgress?: (personsDone: number) => void;
  log?: (line: string) => void;
}

type SeedState = 'empty' | 'complete' | 'interrupted' | 'foreign';

async function seedState(target: SeedTarget): Promise<SeedState> {
  const em = target.db.orm.em.fork();
  const run = await em.findOne(SeedRun, { domain: target.definition.name });
  if (run) return run.completedAt ? 'complete' : 'interrupted';
  for (const entity of target.definition.entities) {
    if ((await em.count(entity, {})) > 0) return 'foreign';
  }
  return 'empty';
}

async function clear(target: SeedTarget): Promise<void> {
  const em = target.db.orm.em.fork();
  // Children before parents is not needed: domains keep references as plain keys, without foreign keys.
  for (const entity of target.definition.entities) await em.nativeDelete(entity, {});
  await em.nativeDelete(SeedRun, { domain: target.definition.name });
}

async function insertRows(target: SeedTarget, rows: ReturnType<NonNullable<SubgraphDefinition['seed']['fromChunk']>>): Promise<void> {
  if (rows.every(([, list]) => list.length === 0)) return;
  await target.db.orm.em.fork().transactional(async (em) => {
    for (const [entity, list] of rows) {
      // Batches keep each statement under the drivers' bound-parameter limits.
      for (let i = 0; i < list.length; i += 1000) {
        await em.insertMany(entity, list.slice(i, i + 1000) as object[]);
      }
    }
  });
}

/**
 * Seeds the targets that need it. An empty database is seeded; an interrupted seeding is cleared and redone;
 * a complete one is left alone unless `replace`; a database holding rows it did not seed is never touched.
 * Returns the names of the domains that were seeded.
 */
export async function seedDomains(targets: SeedTarget[], options: SeedOptions): Promise<string[]> {
  const log = options.log ?? (() => undefined);
  const todo: SeedTarget[] = [];
  for (const target of targets) {
    const state = await seedState(target);
    const name = target.definition.name;
    if (state === 'foreign') {
      log(`${name}: the database holds data that was not seeded; leaving it untouched.`);
    } else if (state === 'complete' && !options.replace) {
      log(`${name}: already seeded.`);
    } else {
      if (state !== 'empty') await clear(target);
      todo.push(target);
    }
  }
  if (todo.length === 0) return [];

  for (const target of todo) {
    const em = target.db.orm.em.fork();
    em.create(SeedRun, {
      domain: target.definition.name,
      seed: options.seed,
      persons: options.persons,
      startedAt: new Date(),
      completedAt: null,
    });
    await em.flush();
    const reference = target.definition.seed.reference?.();
    if (reference) await insertRows(target, reference);
  }

  const chunked = todo.filter((t) => t.definition.seed.fromChunk);
  let done = 0;
  // Generating the next chunk overlaps with the databases writing the previous one.
  let writing: Promise<unknown> = Promise.resolve();
  for (const chunk of generateWorld({ seed: options.seed, persons: options.persons })) {
    await writing;
    writing = Promise.all(chunked.map((t) => insertRows(t, t.definition.seed.fromChunk!(chunk))));
    done += chunk.persons;
    options.onProgress?.(done);
  }
  await writing;

  for (const target of todo) {
    const em = target.db.orm.em.fork();
    await em.nativeUpdate(SeedRun, { domain: target.definition.name }, { completedAt: new Date() });
  }
  return todo.map((t) => t.definition.name);
}
