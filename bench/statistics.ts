/**
 * The decision-support dashboard's whole set of indicators for the province, through the gateway, on a seeded
 * PostgreSQL database (1,000,000 persons and about 200,000 enterprises):
 *
 *   createdb -h 127.0.0.1 -U postgres bench
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench npm run seed -- --persons 1000000 --replace
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench npm run bench:statistics
 *
 * In this one process: every subgraph on the given database (no seeding) and the gateway, each on an ephemeral
 * port. Then:
 *   1. the rollups of every domain are rebuilt once and timed (what a write costs before its numbers show);
 *   2. the same indicator tables straight from the records (plain GROUP BY, no rollup), timed in process, to show
 *      why rollups are needed;
 *   3. the dashboard query (province and its 19 cities and counties, eight indicators from six domains) as a
 *      statistics-bureau dashboard: WARMUP runs, then RUNS runs one after another; p50, p95, max.
 * Prints a Markdown report; writes it into docs/benchmarks-statistics.md unless BENCH_NO_DOC=1.
 * Knobs: BENCH_WARMUP=5 BENCH_RUNS=50.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signToken } from '../auth';
import { auditConfig, DEFAULT_AUDIENCE, DEV_ISSUER, DOMAINS, PROJECT_ROOT, databaseConfig, gatewayConfig, type AuthConfig, type DomainName } from '../subgraphs/kit/config';
import { startSubgraph, type RunningSubgraph } from '../subgraphs/kit/server';
import { refreshStatistics } from '../subgraphs/kit/statistics';
import { cellsFromRecords } from '../subgraphs/kit/statistics/sql';
import { statisticsConfig } from '../subgraphs/kit/config';
import { todayInChina } from '../subgraphs/kit/scalars';
import { SUBGRAPHS } from '../subgraphs/registry';
import { startGateway } from '../gateway';
import { postGraphQL } from '../test/support/platform';
import { DASHBOARD_QUERY } from './gateways/scenarios';

const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const DOC_FILE = path.join(PROJECT_ROOT, 'docs', 'benchmarks-statistics.md');


function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to the seeded PostgreSQL database (see the header of bench/statistics.ts).');
  const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-bench-stats-keys-'));
  const auth: AuthConfig = { jwks: { devKeysDir: keysDir }, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, clockToleranceSeconds: 30 };
  const subgraphs = {} as Record<DomainName, RunningSubgraph>;
  const peers: Partial<Record<DomainName, string>> = {};
  const log = (line: string) => process.stderr.write(`${line}\n`);
  for (const domain of DOMAINS) {
    subgraphs[domain] = await startSubgraph(SUBGRAPHS[domain], {
      domain,
      port: 0,
      host: '127.0.0.1',
      database: databaseConfig(domain),
      governanceDatabase: databaseConfig('governance'),
      audit: auditConfig({}),
      peers,
      auth,
      seed: { persons: 0, seed: 2026 },
      production: false,
    });
    peers[domain] = subgraphs[domain].url;
  }
  const urls = Object.fromEntries(DOMAINS.map((d) => [d, subgraphs[d].url])) as Record<DomainName, string>;
  const gateway = await startGateway({ ...gatewayConfig({}), auth, port: 0, subgraphUrls: urls });
  try {
    // 1. Rollup rebuild: every domain at once, as after a burst of writes everywhere; and each alone.
    log('statistics bench: building rollups...');
    // The first build started in the background at start; wait for it, then time a rebuild of its own.
    for (const d of DOMAINS) await refreshStatistics(subgraphs[d].db.orm.em);
    const rebuild: Record<string, number> = {};
    for (const d of DOMAINS) {
      const started = performance.now();
      await refreshStatistics(subgraphs[d].db.orm.em);
      if (SUBGRAPHS[d].statistics?.length) rebuild[d] = Math.round(performance.now() - started);
    }

    // 2. Plain GROUP BY over the records for the tables the dashboard needs (scope: the province).
    log('statistics bench: plain GROUP BY over the records...');
    const salt = statisticsConfig().keySalt;
    const today = todayInChina();
    const plain: { table: string; ms: number }[] = [];
    for (const d of DOMAINS) {
      for (const definition of SUBGRAPHS[d].statistics ?? []) {
        const scopeField = definition.scopeDimensions ? Object.keys(definition.scopeDimensions)[0] : 'regionCode';
        const started = performance.now();
        await cellsFromRecords(subgraphs[d].db.orm.em.fork(), definition, { groupBy: ['CITY'], filters: [['PROVINCE', '460000']], measures: [], scope: { [scopeField]: { $like: '46%' } }, today }, salt);
        plain.push({ table: `${definition.name} by CITY`, ms: Math.round(performance.now() - started) });
      }
    }

    // 3. The dashboard through the gateway.
    const token = await signToken(path.join(keysDir, 'dev-signing-key.private.jwk.json'), { sub: 'bench-dashboard', dept: 'statistics', roles: ['dashboard'], region: '460000' }, { issuer: auth.issuer, audience: auth.audience, expiresIn: '1h' });
    const headers = { authorization: `Bearer ${token}` };
    const first = await postGraphQL(gateway.url, DASHBOARD_QUERY, undefined, headers);
    if (first.errors) throw new Error(`The dashboard query failed: ${JSON.stringify(first.errors).slice(0, 500)}`);
    const cities = first.data.region.children.length;
    const withheld = JSON.stringify(first.data).split('"suppressed":true').length - 1;
    for (const r of [first.data.region, ...first.data.region.children]) {
      const out = Object.entries(r).filter(([, v]) => (v as { suppressed?: boolean })?.suppressed).map(([k, v]) => `${k}:${(v as { suppression: string }).suppression}`);
      if (out.length) log(`withheld in ${r.code} ${r.name}: ${out.join(', ')}`);
    }
    for (let i = 0; i < WARMUP; i += 1) await postGraphQL(gateway.url, DASHBOARD_QUERY, undefined, headers);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      const res = await postGraphQL(gateway.url, DASHBOARD_QUERY, undefined, headers);
      times.push(performance.now() - started);
      if (res.errors) throw new Error('A timed run failed.');
    }
    times.sort((a, b) => a - b);
    const counts = await subgraphs.population.db.orm.em.fork().getConnection().execute(`select count(*) as n from "${(databaseConfig('population') as { schema: string }).schema}".person`);
    const enterprises = await subgraphs.enterprise.db.orm.em.fork().getConnection().execute(`select count(*) as n from "${(databaseConfig('enterprise') as { schema: string }).schema}".enterprise`);
    const report = [
      '## PostgreSQL',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on this machine (${os.cpus().length} cores shared with other work, Node ${process.version}), ` +
        `${Number(counts[0].n).toLocaleString('en')} persons and ${Number(enterprises[0].n).toLocaleString('en')} enterprises, every service and the gateway in one process:`,
      '',
      '```sh',
      'DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench npm run bench:statistics',
      '```',
      '',
      `**The dashboard query** (province and its ${cities} cities and counties, 8 indicators from 6 domains, ${withheld} values withheld), ` +
        `${RUNS} runs after ${WARMUP} warm-up runs, one at a time, through the gateway:`,
      '',
      '| p50 | p95 | max |',
      '| ---: | ---: | ---: |',
      `| ${times[Math.floor(times.length / 2)].toFixed(0)} ms | ${percentile(times, 95).toFixed(0)} ms | ${times[times.length - 1].toFixed(0)} ms |`,
      '',
      '**Rollup rebuild** (all rollups of a domain, from its records; a write through the graph shows in the numbers this long after the rebuild delay):',
      '',
      '| domain | ms |',
      '| --- | ---: |',
      ...Object.entries(rebuild).map(([d, ms]) => `| ${d} | ${ms} |`),
      '',
      '**Plain GROUP BY over the records** (one indicator table by city, province scope, cell keys included), for comparison:',
      '',
      '| table | ms |',
      '| --- | ---: |',
      ...plain.map((p) => `| ${p.table} | ${p.ms} |`),
      '',
    ].join('\n');
    process.stdout.write(`${report}\n`);
    if (process.env.BENCH_NO_DOC !== '1') {
      const header = [
        '# Statistics benchmark',
        '',
        'The leaders\' dashboard asks for every indicator of the province and its cities and counties in one GraphQL',
        'query; the goal is under 1 second at p50 through the gateway on 1,000,000 persons and 200,000 enterprises.',
        'How it is measured: `bench/statistics.ts` (header comment). How the numbers are kept fast and how fresh they are:',
        '[statistics.md](statistics.md).',
        '',
      ].join('\n');
      fs.writeFileSync(DOC_FILE, `${header}\n${report}`);
    }
  } finally {
    await gateway.stop();
    for (const d of [...DOMAINS].reverse()) await subgraphs[d].stop();
    fs.rmSync(keysDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${String(error?.stack ?? error)}\n`);
  process.exit(1);
});
