/**
 * The vaccination follow-up app's command line (a clinic's tool; the same library serves a web front):
 *
 *   npm run example:vaccination -- due --region 460105 [--as-of 2026-01-01] [--within-days 14] [--json]
 *   npm run example:vaccination -- record --person P0CNH564N --vaccine MMR --dose 1 --facility 460105C01 [--date 2026-12-04] [--allergy 明胶]
 *
 * Configuration (environment): GATEWAY_URL (default http://localhost:4000/graphql); HDG_TOKEN or HDG_TOKEN_FILE, a
 * token with the `app` role and the client claim `vaccination-followup` (`npm run token -- --sub nurse-01 --dept
 * health --roles app --region 460105 --client vaccination-followup`); HDG_PURPOSE (default vaccination-follow-up).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createAppClient, RequestRefused, type AppClient } from './client';
import { addAllergy, childFollowUp, dueChildren, fieldAccess, recordDose, type DueChild, type Shown } from './followup';

const todayInChina = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function token(): string {
  const file = process.env.HDG_TOKEN_FILE;
  // Read on every request: a token file rotated by the deployment is picked up without a restart.
  if (file) return fs.readFileSync(file, 'utf8').trim();
  if (process.env.HDG_TOKEN) return process.env.HDG_TOKEN.trim();
  throw new Error('Set HDG_TOKEN (or HDG_TOKEN_FILE) to a token with the client claim vaccination-followup.');
}

function show(s: Shown): string {
  if (s.access === 'DENIED') return '(not shared)';
  if (s.value === null) return '-';
  return s.access === 'MASKED' ? `${s.value} (masked)` : s.value;
}

function printChild(c: DueChild): void {
  process.stdout.write(`${c.personId}  ${show(c.name)}  born ${c.birthDate} (${c.ageMonths} months)  ID ${show(c.idNumber)}\n`);
  if (c.guardian) process.stdout.write(`  guardian ${show(c.guardian.name)}, phone ${show(c.guardian.phone)}; ${show(c.address)}\n`);
  process.stdout.write(`  school ${show(c.school)}; record ${c.record ? `${c.record.id} v${c.record.version}` : 'none yet'}${c.record?.allergies.length ? `; allergies ${c.record.allergies.join(', ')}` : ''}\n`);
  for (const d of c.due) {
    const when = d.daysOverdue >= 0 ? `${d.daysOverdue} days overdue` : `due in ${-d.daysOverdue} days`;
    process.stdout.write(`  - ${d.vaccine} dose ${d.dose} (${d.vaccineName}), due ${d.dueOn}, ${when}\n`);
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      region: { type: 'string' },
      'as-of': { type: 'string' },
      'within-days': { type: 'string' },
      json: { type: 'boolean', default: false },
      person: { type: 'string' },
      vaccine: { type: 'string' },
      dose: { type: 'string' },
      facility: { type: 'string' },
      date: { type: 'string' },
      allergy: { type: 'string' },
    },
  });
  const client: AppClient = await createAppClient({
    url: process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql',
    token,
    purpose: process.env.HDG_PURPOSE ?? 'vaccination-follow-up',
    onEvent: (e) => process.stderr.write(`rate limited on ${e.operation}: retrying in ${e.retryAfterSeconds} s (attempt ${e.attempt})\n`),
  });
  const asOf = values['as-of'] ?? todayInChina();

  if (command === 'due' && values.region) {
    const report = await dueChildren(client, { regionCode: values.region, asOf, lookaheadDays: Number(values['within-days'] ?? 0) });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    process.stdout.write(`${report.children.length} of ${report.followed} children under 7 registered in ${report.regionCode} are due for a dose on ${report.asOf}.\n\n`);
    report.children.forEach(printChild);
    for (const u of report.unknown) process.stdout.write(`\n${u.personId}: doses unknown (${u.reason}); follow up by hand.\n`);
    for (const w of report.withheld) process.stdout.write(`\nNot shown: ${w.field}. ${w.reason}\n`);
    return;
  }

  if (command === 'record' && values.person && values.vaccine && values.dose && values.facility) {
    const access = await fieldAccess(client);
    const outcome = await recordDose(client, { personId: values.person, vaccine: values.vaccine, dose: Number(values.dose), date: values.date ?? todayInChina(), facilityCode: values.facility });
    process.stdout.write(outcome.status === 'recorded' ? `Recorded ${outcome.vaccination.vaccine} dose ${outcome.vaccination.dose} on ${outcome.vaccination.date} (${outcome.vaccination.id}).\n` : `Nothing recorded: ${outcome.message}\n`);
    let child = await childFollowUp(client, values.person, asOf, access);
    if (child && values.allergy) {
      if (!child.record) throw new Error('The child has no health record to note an allergy on.');
      const updated = await addAllergy(client, child.record, values.allergy, (e) => process.stderr.write(`record ${e.recordId} changed since it was read (version ${e.expectedVersion} -> ${e.currentVersion}): read it again and retried\n`));
      process.stdout.write(`Allergies now: ${updated.allergies.join(', ')} (version ${updated.version}).\n`);
      child = await childFollowUp(client, values.person, asOf, access);
    }
    if (child) {
      process.stdout.write(child.due.length ? `Still due:\n` : 'Nothing else is due.\n');
      if (child.due.length) printChild(child);
    }
    return;
  }

  process.stderr.write(
    'Usage:\n  npm run example:vaccination -- due --region <code> [--as-of YYYY-MM-DD] [--within-days N] [--json]\n' +
      '  npm run example:vaccination -- record --person <id> --vaccine <code> --dose <n> --facility <code> [--date YYYY-MM-DD] [--allergy <allergen>]\n',
  );
  process.exit(2);
}

main().catch((error: unknown) => {
  const code = error instanceof RequestRefused ? ` (HTTP ${error.status} ${error.code ?? ''})` : '';
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}${code}\n`);
  process.exit(1);
});
