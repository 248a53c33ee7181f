/**
 * Bulk-import throughput (issue 4): writes a CSV of N synthetic persons into existing households of the configured
 * population database, then imports it twice with `scripts/import.ts` (the second run must import nothing).
 *   DATABASE_URL=postgresql://... npm run bench:import -- --rows 200000
 * The database must already be seeded (npm run seed), for the households.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databaseConfig, PROJECT_ROOT } from '../subgraphs/kit/config';
import { openDatabase } from '../subgraphs/kit/orm';
import { Household } from '../subgraphs/population/entities';
import { RESIDENCE_REGIONS } from '../subgraphs/kit/world/hainan';
import { makeIdNumber } from '../subgraphs/kit/world/id-number';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '200000' } } });
  const rows = Number(values.rows);
  const db = await openDatabase(databaseConfig('population'), [Household]);
  const households = (await db.orm.em.fork().find(Household, {}, { fields: ['id'], limit: 5000, disableIdentityMap: true })).map((h) => h.id);
  await db.close();
  if (households.length === 0) throw new Error('Seed the database first (npm run seed).');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-import-bench-')), 'persons.csv');
  const out = fs.createWriteStream(file);
  out.write('idNumber,name,gender,birthDate,ethnicityCode,householdId,relationshipToHead,phone\n');
  // Sequence numbers 901-997 are above what the seeded world assigns to one region and day, so these are new persons.
  for (let i = 0; i < rows; i++) {
    const region = RESIDENCE_REGIONS[i % RESIDENCE_REGIONS.length]!.code;
    const k = Math.floor(i / RESIDENCE_REGIONS.length);
    const day = new Date(Date.UTC(2025, 0, 1) + (k % 365) * 86_400_000).toISOString().slice(0, 10);
    const seq = 901 + 2 * (Math.floor(k / 365) % 49);
    out.write(`${makeIdNumber(region, day, seq)},李${'一二三四五六七八九十'[i % 10]}华,MALE,${day},01,${households[i % households.length]},CHILD,139${String(i).padStart(8, '0')}\n`);
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  const run = () => execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(PROJECT_ROOT, 'scripts', 'import.ts'), 'population', file, '--operator', 'bench-operator', '--batch', '1000'], { encoding: 'utf8' }).trim().split('\n').pop();
  process.stdout.write(`first run:  ${run()}\nsecond run: ${run()}\n`);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
