/**
 * The SQL floor target of the gateway benchmarks: for every POST /<scenario>, runs the data statements today's
 * subgraphs ran for one request of that scenario (recorded by bench/gateways/sql-plan.ts; the exact SQL and
 * parameters), each on its own domain's database through the subgraphs' own drivers, and answers the rows as JSON
 * (`[<rows of statement 1>, <rows of statement 2>, ...]`, each `JSON.stringify`d as a subgraph would shape them):
 * the least work that answers the scenario's data, with no GraphQL, ORM, authorization or audit at all.
 *   - PostgreSQL (DATABASE_URL or <DOMAIN>_DATABASE_URL, schema per domain as the subgraphs have it): node-postgres
 *     named prepared statements (`{ name, text, values }`: parsed and planned once per connection), one pool per
 *     database (the recorded SQL names each domain's schema), the statements of one request sent together;
 *   - SQLite (the embedded default, <DATA_DIR>/<domain>.sqlite): better-sqlite3, each statement `prepare`d once.
 * `PORT=... SQL_FLOOR_FILE=plan.json node dist/bench/peers/sql-floor.js`; the database settings as the subgraphs'.
 */
import fs from 'node:fs';
import http from 'node:http';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { databaseConfig, isDomain, type DomainName } from '../../subgraphs/kit/config';
import { reviveParams } from '../../subgraphs/kit/sql-record';
import { recordKey } from '../../subgraphs/kit/statistics/cell-key';

interface Statement {
  domain: string;
  sql: string;
  params: unknown[];
}

type Run = () => Promise<string> | string;

/** Connections of the one pool per database (the server's max_connections is shared with two subgraph sets). */
const POOL_SIZE = Number(process.env.SQL_FLOOR_POOL ?? 4);

async function main(): Promise<void> {
  const plans = JSON.parse(fs.readFileSync(process.env.SQL_FLOOR_FILE!, 'utf8')) as Record<string, Statement[]>;
  const pools = new Map<string, pg.Pool>();
  const sqlite = new Map<string, Sqlite.Database>();
  const prepared = new Map<string, Sqlite.Statement>();
  const names = new Map<string, string>();

  // Every schema the plans touch, for the search path of the one pool per database URL.
  const schemas = new Map<string, Set<string>>();
  for (const s of Object.values(plans).flat()) {
    if (!isDomain(s.domain)) throw new Error(`unknown domain ${s.domain}`);
    const config = databaseConfig(s.domain);
    if (config.driver === 'postgresql') schemas.set(config.url, (schemas.get(config.url) ?? new Set()).add(config.schema));
  }

  const runnerOf = (s: Statement): Run => {
    // The database is the subgraphs' own: the floor reads, and never changes it.
    if (!/^\s*(select|with|values)\b/i.test(s.sql) || /^\s*with\b[\s\S]*\b(insert|update|delete)\b/i.test(s.sql)) throw new Error(`not a read, refused: ${s.sql.slice(0, 200)}`);
    const config = databaseConfig(s.domain as DomainName);
    const values = reviveParams(s.params);
    if (config.driver === 'postgresql') {
      let pool = pools.get(config.url);
      if (!pool) {
        // The recorded SQL names its schema; the search path covers any statement that does not.
        const path = [...schemas.get(config.url)!].map((schema) => `"${schema}"`).join(',');
        pool = new pg.Pool({ connectionString: config.url, max: POOL_SIZE, options: `-c search_path=${path}` });
        pools.set(config.url, pool);
      }
      const p = pool;
      let name = names.get(s.sql);
      if (!name) names.set(s.sql, (name = `floor_${names.size}`));
      const query = { name, text: s.sql, values };
      return async () => JSON.stringify((await p.query(query)).rows);
    }
    let db = sqlite.get(config.file);
    if (!db) {
      db = new Sqlite(config.file, { fileMustExist: true });
      db.pragma('busy_timeout = 10000');
      // As orm.ts registers it for statistics' record keys.
      db.function('stat_key', { deterministic: true }, (salt: unknown, id: unknown) => recordKey(String(salt), String(id)));
      sqlite.set(config.file, db);
    }
    const cacheKey = `${config.file}\n${s.sql}`;
    let statement = prepared.get(cacheKey);
    if (!statement) prepared.set(cacheKey, (statement = db.prepare(s.sql)));
    const st = statement;
    return () => (st.reader ? JSON.stringify(st.all(...values)) : JSON.stringify(st.run(...values)));
  };

  const runners = new Map(Object.entries(plans).map(([scenario, statements]) => [scenario, statements.map(runnerOf)] as const));

  let failures = 0;
  const server = http.createServer((req, res) => {
    const plan = runners.get((req.url ?? '/').slice(1));
    req.resume();
    req.on('end', () => {
      if (!plan) {
        res.writeHead(404).end();
        return;
      }
      // SQLite runs synchronously: a failing statement throws, and must answer 502 like a rejected one.
      void Promise.resolve()
        .then(() => Promise.all(plan.map((run) => run())))
        .then(
        (parts) => res.writeHead(200, { 'content-type': 'application/json' }).end(`[${parts.join(',')}]`),
        (error: unknown) => {
          if (failures++ < 5) process.stderr.write(`sql-floor: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
          res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT), '127.0.0.1', resolve));
  process.stdout.write(`sql-floor listening on ${process.env.PORT}: ${[...runners].map(([s, r]) => `${s} ${r.length} statements`).join(', ')}\n`);
  const stop = () => {
    server.close();
    for (const db of sqlite.values()) db.close();
    void Promise.all([...pools.values()].map((p) => p.end())).finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
