/**
 * `npm run policy:test [-- --all]`: runs the policy tests stored with the policy versions in the governance
 * database (SQLite under DATA_DIR, or PostgreSQL when DATABASE_URL / GOVERNANCE_DATABASE_URL is set): the active
 * version, every version in review or approved, and with --all every draft too. Exits 1 when the active version
 * or one on its way to activation fails a test, so CI and operators notice before a change takes effect.
 * A database without policies gets the province's default version first, so a fresh checkout tests that.
 */
import { parseArgs } from 'node:util';
import { runPolicyTests, type PolicyTest, type RolePolicy } from '../auth';
import { databaseConfig } from '../subgraphs/kit/config';
import { openPolicyStore, PolicyVersionRecord } from '../subgraphs/kit/policy-store';
import { PLATFORM_CATALOGUE } from '../subgraphs/platform-catalogue';

const GATED = ['ACTIVE', 'IN_REVIEW', 'APPROVED'];

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { all: { type: 'boolean', default: false } } });
  const store = await openPolicyStore(databaseConfig('governance'), false);
  try {
    const states = values.all ? [...GATED, 'DRAFT'] : GATED;
    const versions = await store.db.orm.em.fork().find(PolicyVersionRecord, { state: { $in: states } }, { orderBy: { number: 'asc' } });
    let failedGated = 0;
    let total = 0;
    for (const version of versions) {
      const results = runPolicyTests(JSON.parse(version.document) as RolePolicy[], JSON.parse(version.tests) as PolicyTest[], PLATFORM_CATALOGUE);
      const failed = results.filter((r) => !r.passed);
      total += results.length;
      process.stdout.write(`version ${version.number} (${version.state}): ${results.length - failed.length} passed, ${failed.length} failed\n`);
      for (const r of results) {
        process.stdout.write(`  ${r.passed ? 'ok  ' : 'FAIL'} ${r.name}${r.passed ? '' : `: expected ${r.expected}, got ${r.actual} (${r.reason})`}\n`);
      }
      if (GATED.includes(version.state)) failedGated += failed.length;
    }
    if (total === 0) {
      process.stdout.write('No policy tests are stored with the versions checked: a policy without tests is not checked at all.\n');
      return 1;
    }
    process.stdout.write(failedGated ? `${failedGated} policy test(s) fail in versions that are active or on their way.\n` : 'All policy tests pass.\n');
    return failedGated ? 1 : 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`policy:test: ${error.message}\n`);
    process.exit(2);
  },
);
