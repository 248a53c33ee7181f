/**
 * Where tests keep data: SQLite files in a temporary folder by default; PostgreSQL schemas with a unique
 * prefix when DATABASE_URL is set (CI sets it). With CI=true an unreachable PostgreSQL fails, never skips.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { dataDir, type DatabaseConfig, type DomainName } from '../../subgraphs/kit/config';

export const DRIVER: 'sqlite' | 'postgresql' = process.env.DATABASE_URL ? 'postgresql' : 'sqlite';

export interface TestDatabases {
  configFor(domain: DomainName): DatabaseConfig;
  /** Removes every file or schema these tests created. */
  cleanup(): Promise<void>;
}

export function testDatabases(label: string): TestDatabases {
  const unique = `${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  if (DRIVER === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hdg-${label}-`));
    return {
      configFor: (domain) => ({ driver: 'sqlite', file: path.join(dir, `${domain}.sqlite`) }),
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = process.env.DATABASE_URL!;
  const schemas = new Set<string>();
  return {
    configFor: (domain) => {
      const schema = `t_${unique}_${domain}`;
      schemas.add(schema);
      return { driver: 'postgresql', url, schema };
    },
    cleanup: async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        for (const schema of schemas) {
          await client.query(`drop schema if exists "${schema}" cascade`);
          // The signed audit checkpoints of a PostgreSQL schema live under DATA_DIR (audit/checkpoints.ts).
          fs.rmSync(path.join(dataDir(), 'audit-checkpoints', `${schema}.ndjson`), { force: true });
        }
      } finally {
        await client.end();
      }
    },
  };
}
