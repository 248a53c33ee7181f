/**
 * `npm run seed -- --persons N --seed S [--domains population,geospatial] [--replace]`: generates the synthetic
 * world into every domain's database (SQLite files, or PostgreSQL when DATABASE_URL is set), streaming in batches.
 */
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { DOMAINS, databaseConfig, isDomain, seedConfig, type DomainName } from '../subgraphs/kit/config';
import { openDatabase, type Database } from '../subgraphs/kit/orm';
import { SeedRun, seedDomains } from '../subgraphs/kit/seed';
import { SUBGRAPHS } from '../subgraphs/registry';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const defaults = seedConfig();
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: String(defaults.persons) },
      seed: { type: 'string', default: String(defaults.seed) },
      domains: { type: 'string', default: DOMAINS.join(',') },
      replace: { type: 'boolean', default: false },
    },
  });
  const persons = Number(values.persons);
  const seed = Number(values.seed);
  if (!Number.isInteger(persons) || persons < 1) fail('--persons takes a whole number of at least 1.');
  if (!Number.isInteger(seed) || seed < 0) fail('--seed takes a whole number of at least 0.');
  const domains = values.domains!.split(',').map((d) => d.trim());
  for (const d of domains) if (!isDomain(d)) fail(`Unknown domain "${d}"; known: ${DOMAINS.join(', ')}.`);

  const dbs: { definition: (typeof SUBGRAPHS)[DomainName]; db: Database }[] = [];
  for (const d of domains as DomainName[]) {
    dbs.push({ definition: SUBGRAPHS[d], db: await openDatabase(databaseConfig(d), [...SUBGRAPHS[d].entities, SeedRun]) });
  }
  const bar = process.stdout.isTTY ? new SingleBar({ format: 'seeding [{bar}] {percentage}% {value}/{total} persons, {eta}s left' }, Presets.shades_classic) : null;
  bar?.start(persons, 0);
  let peakRss = 0;
  let lastLog = 0;
  const started = Date.now();
  try {
    const seeded = await seedDomains(dbs, {
      persons,
      seed,
      replace: values.replace,
      log: (line) => process.stdout.write(`${line}\n`),
      onProgress: (done) => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        bar?.update(done);
        if (!bar && Date.now() - lastLog > 5000) {
          lastLog = Date.now();
          process.stdout.write(`seeded ${done}/${persons} persons\n`);
        }
      },
    });
    bar?.stop();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      seeded.length
        ? `Seeded ${seeded.join(', ')} with ${persons} persons (seed ${seed}) in ${seconds.toFixed(1)} s; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB.\n`
        : 'Nothing to seed (use --replace to seed again).\n',
    );
  } finally {
    bar?.stop();
    for (const { db } of dbs) await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
