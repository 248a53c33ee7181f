/**
 * Operators' audit tools, reading each domain's own database (the configuration's, like the services):
 *   npm run audit:verify [-- --domain health]                 every chain from base to head, and against its latest
 *                                                             signed checkpoint; exit 1 on a broken link or a finding
 *   npm run audit:export -- [--from ISO] [--to ISO] [--domain health] > trail.ndjson
 *   npm run audit:export -- --checkpoints [--domain health] > checkpoints.ndjson   the signed checkpoints, as stored
 *   npm run audit:export -- --public-keys                     the PEM public keys that verify them (for auditors)
 *   npm run audit:anomalies -- --from ISO --to ISO             the anomaly report as NDJSON
 *   npm run audit:prune [-- --domain health]                   prune past AUDIT_RETENTION_DAYS now (services also do, daily)
 */
import { parseArgs } from 'node:util';
import { detectAnomalies } from '../subgraphs/kit/audit/anomalies';
import { pruneChain, verifyChain } from '../subgraphs/kit/audit/chain';
import { trustedKeys } from '../subgraphs/kit/audit/checkpoint-keys';
import { streamSink } from '../subgraphs/kit/audit/checkpoint-stream';
import { checkpointFile, checkpointName, fileSink, verifyCheckpoints, type CheckpointSink } from '../subgraphs/kit/audit/checkpoints';
import { connectNats, type NatsLink } from '../subgraphs/kit/jetstream';
import { AUDIT_ENTITIES, AuditChain } from '../subgraphs/kit/audit/records';
import { encodeAuditCursor, findAuditRecords, type AuditFilter, type AuditJson } from '../subgraphs/kit/audit/trail';
import { auditConfig, checkpointConfig, databaseConfig, natsConfig, DOMAINS, isDomain, type DomainName } from '../subgraphs/kit/config';
import { openDatabase, type Database } from '../subgraphs/kit/orm';
import { openPolicyStore } from '../subgraphs/kit/policy-store';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function instant(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (Number.isNaN(Date.parse(value))) fail(`--${name} "${value}" is not an ISO 8601 instant such as 2026-01-31T00:00:00+08:00.`);
  return new Date(value).toISOString();
}

async function withDatabase<T>(domain: DomainName, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseConfig(domain), AUDIT_ENTITIES);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Every record of `domain` matching `filter`, oldest first, a page at a time (memory stays flat). */
async function* records(domain: DomainName, filter: AuditFilter): AsyncGenerator<AuditJson> {
  const db = await openDatabase(databaseConfig(domain), AUDIT_ENTITIES);
  try {
    for (let after: string | null = null; ; ) {
      const page = await findAuditRecords(db.orm.em.fork(), filter, 1000, after);
      yield* page.records;
      if (!page.hasNextPage) return;
      after = encodeAuditCursor(page.records[page.records.length - 1]!);
    }
  } finally {
    await db.close();
  }
}

/** Where the services keep each domain's checkpoints: the JetStream stream with NATS_URL, else the file. */
async function withSinks<T>(fn: (sinkOf: (domain: DomainName) => CheckpointSink) => Promise<T>): Promise<T> {
  const nats = natsConfig();
  const link: NatsLink | null = nats ? connectNats(nats, { name: 'hainan-audit-verify' }) : null;
  try {
    return await fn((domain) => (link ? streamSink(link, checkpointName(databaseConfig(domain))) : fileSink(checkpointFile(checkpointConfig(), databaseConfig(domain)))));
  } finally {
    await link?.close();
  }
}

async function verify(domains: DomainName[]): Promise<number> {
  return withSinks((sinkOf) => verifyWith(domains, sinkOf));
}

async function verifyWith(domains: DomainName[], sinkOf: (domain: DomainName) => CheckpointSink): Promise<number> {
  let broken = 0;
  const trusted = trustedKeys(checkpointConfig());
  const { retentionDays } = auditConfig();
  for (const domain of domains) {
    await withDatabase(domain, async (db) => {
      const em = db.orm.em.fork();
      const anchored = await verifyCheckpoints(em, domain, sinkOf(domain), trusted, { retentionDays });
      if (anchored.latest) process.stdout.write(`${domain}: latest signed checkpoint #${anchored.latest.n} of ${anchored.latest.at} (key ${anchored.latest.keyId}), ${anchored.checkpoints} valid in ${anchored.where}\n`);
      else process.stdout.write(`${domain}: no signed checkpoint yet in ${anchored.where}\n`);
      for (const f of anchored.findings) process.stdout.write(`${domain}: ${f.code}${f.writer ? ` (chain ${f.writer})` : ''}: ${f.message}\n`);
      broken += anchored.findings.length;
      const writers = (await em.find(AuditChain, {}, { disableIdentityMap: true })).map((c) => c.writer);
      if (writers.length === 0) process.stdout.write(`${domain}: no audit chain yet\n`);
      for (const writer of writers) {
        const r = await verifyChain(em, writer);
        if (r.ok) process.stdout.write(`${domain}: chain ${writer} ok, ${r.records} records from #${r.base.seq + 1} to #${r.head.seq}, head ${r.head.hash}\n`);
        else {
          broken += 1;
          process.stdout.write(`${domain}: chain ${writer} BROKEN at #${r.broken!.seq} (${r.broken!.problem}): ${r.broken!.message}\n`);
        }
      }
    });
  }
  return broken;
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { from: { type: 'string' }, to: { type: 'string' }, domain: { type: 'string' }, checkpoints: { type: 'boolean' }, 'public-keys': { type: 'boolean' } },
  });
  if (values.domain !== undefined && !isDomain(values.domain)) fail(`--domain must be one of ${DOMAINS.join(', ')}.`);
  const domains: DomainName[] = values.domain ? [values.domain as DomainName] : [...DOMAINS];
  const filter: AuditFilter = { from: instant('from', values.from), to: instant('to', values.to) };
  switch (command) {
    case 'verify': {
      const broken = await verify(domains);
      if (broken > 0) {
        process.stdout.write(`${broken} broken chain(s) or checkpoint finding(s).\n`);
        process.exit(1);
      }
      return;
    }
    case 'export':
      if (values['public-keys']) {
        for (const [id, key] of trustedKeys(checkpointConfig())) process.stdout.write(`# key ${id}\n${String(key.export({ type: 'spki', format: 'pem' }))}`);
        return;
      }
      if (values.checkpoints) {
        await withSinks(async (sinkOf) => {
          for (const domain of domains) for (const line of await sinkOf(domain).lines()) if (line.trim()) process.stdout.write(`${line}\n`);
        });
        return;
      }
      for (const domain of domains) for await (const r of records(domain, filter)) process.stdout.write(`${JSON.stringify(r)}\n`);
      return;
    case 'anomalies': {
      if (!filter.from || !filter.to) fail('Usage: npm run audit:anomalies -- --from <ISO instant> --to <ISO instant>');
      const thresholds = auditConfig().anomalies;
      const all: AuditJson[] = [];
      const since = new Date(Date.parse(filter.from) - thresholds.baselineDays * 24 * 3600 * 1000).toISOString();
      for (const domain of domains) for await (const r of records(domain, { from: since, to: filter.to })) all.push(r);
      const policies = await openPolicyStore(databaseConfig('governance'));
      const grants = policies.current().grants;
      await policies.close();
      for (const a of detectAnomalies(all, { from: new Date(filter.from), to: new Date(filter.to) }, thresholds, grants)) process.stdout.write(`${JSON.stringify(a)}\n`);
      return;
    }
    case 'prune': {
      const before = new Date(Date.now() - auditConfig().retentionDays * 24 * 3600 * 1000);
      for (const domain of domains) {
        const pruned = await withDatabase(domain, (db) => pruneChain(db.orm.em.fork(), domain, before));
        process.stdout.write(`${domain}: pruned ${pruned} records older than ${before.toISOString()}\n`);
      }
      return;
    }
    default:
      fail('Usage: tsx scripts/audit.ts <verify|export|anomalies|prune> [--from ISO] [--to ISO] [--domain name]');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
