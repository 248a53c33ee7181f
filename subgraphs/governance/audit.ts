/**
 * The audit trail through the graph: governance asks every subgraph for its own trail (as the caller, so each
 * subgraph judges and records the auditor's read itself), merges the pages in the trail's order (time, writer,
 * seq) with one keyset cursor, and runs the anomaly rules over a period. Auditors only.
 */
import { GraphQLError } from 'graphql';
import { detectAnomalies } from '../kit/audit/anomalies';
import { assertAuditor, compareAudit, encodeAuditCursor, findAuditRecords, type AuditFilter, type AuditJson } from '../kit/audit/trail';
import { auditConfig, DOMAINS, isDomain, type DomainName } from '../kit/config';
import { badInput, ErrorCode } from '../kit/errors';
import { pageSize } from '../kit/pagination';
import type { RequestContext } from '../kit/subgraph';

/** Records read for one anomaly report, at most: a larger period must be split. */
const MAX_REPORT_RECORDS = 200_000;

const TRAIL_QUERY = `query AuditTrail($filter: AuditTrailFilter, $first: Int, $after: String) { auditTrail(filter: $filter, first: $first, after: $after) { records hasNextPage } }`;

async function domainPage(ctx: RequestContext<unknown>, domain: DomainName, filter: AuditFilter, first: number, after: string | null): Promise<{ records: AuditJson[]; hasNextPage: boolean }> {
  const url = ctx.peers[domain];
  if (!url) {
    if (domain === 'governance') return findAuditRecords(ctx.em, filter, first, after);
    throw new GraphQLError(`The audit trail of ${domain} cannot be read: the ${domain} service is not configured.`, { extensions: { code: ErrorCode.Unavailable } });
  }
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': ctx.requestId };
  if (ctx.authorization) headers.authorization = ctx.authorization;
  if (ctx.auth?.principal.purpose) headers['x-purpose'] = ctx.auth.principal.purpose;
  let body: { data?: { auditTrail?: { records: string | null; hasNextPage: boolean | null } }; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: TRAIL_QUERY, variables: { filter, first, after } }), signal: AbortSignal.timeout(30_000) });
    body = (await res.json()) as typeof body;
  } catch {
    throw new GraphQLError(`The audit trail of ${domain} cannot be read: the ${domain} service did not answer.`, { extensions: { code: ErrorCode.Unavailable } });
  }
  const error = body.errors?.[0];
  if (error || body.data?.auditTrail?.records == null) {
    const code = error?.extensions?.code === ErrorCode.Forbidden || error?.extensions?.code === ErrorCode.BadUserInput ? error.extensions.code : ErrorCode.Unavailable;
    throw new GraphQLError(`The audit trail of ${domain} cannot be read: ${error?.message ?? 'no records were returned.'}`, { extensions: { code } });
  }
  const text = body.data.auditTrail.records;
  return { records: text === '' ? [] : text.split('\n').map((line) => JSON.parse(line) as AuditJson), hasNextPage: Boolean(body.data.auditTrail.hasNextPage) };
}

function domainsOf(filter: (AuditFilter & { domain?: string | null }) | null | undefined): DomainName[] {
  const domain = filter?.domain;
  if (domain == null) return [...DOMAINS];
  if (!isDomain(domain)) throw badInput('filter.domain', `"${domain}" is not a subgraph; use one of ${DOMAINS.join(', ')}.`);
  return [domain];
}

/** One merged page across `domains`: each gives its first `first` after the cursor; the smallest `first` win. */
async function mergedPage(ctx: RequestContext<unknown>, domains: DomainName[], filter: AuditFilter, first: number, after: string | null) {
  const pages = await Promise.all(domains.map((d) => domainPage(ctx, d, filter, first, after)));
  const merged = pages.flatMap((p) => p.records).sort(compareAudit);
  return { records: merged.slice(0, first), hasNextPage: merged.length > first || pages.some((p) => p.hasNextPage) };
}

function toNode(r: AuditJson) {
  return { ...r, id: `${r.writer}#${r.seq}`, fields: r.fields.map(([f, decision, count]) => ({ field: f, decision, count })) };
}

function instant(name: string, value: string): Date {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw badInput(name, `"${value}" is not an ISO 8601 instant such as 2026-01-31T00:00:00+08:00.`);
  return new Date(t);
}

export const auditResolvers = {
  Query: {
    async auditRecords(_: unknown, args: { filter?: (AuditFilter & { domain?: string | null }) | null; first?: number | null; after?: string | null }, ctx: RequestContext<unknown>) {
      assertAuditor(ctx);
      const { domain: _domain, ...filter } = args.filter ?? {};
      const { records, hasNextPage } = await mergedPage(ctx, domainsOf(args.filter), filter, pageSize(args.first), args.after ?? null);
      const edges = records.map((r) => ({ cursor: encodeAuditCursor(r), node: toNode(r) }));
      return {
        edges,
        pageInfo: { hasNextPage, hasPreviousPage: args.after != null, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
      };
    },
    async auditAnomalies(_: unknown, args: { from: string; to: string }, ctx: RequestContext<unknown>) {
      assertAuditor(ctx);
      const from = instant('from', args.from);
      const to = instant('to', args.to);
      if (!(from < to)) throw badInput('to', 'the period must end after it starts.');
      const thresholds = ctx.auditConfig?.anomalies ?? auditConfig({}).anomalies;
      const filter = { from: new Date(from.getTime() - thresholds.baselineDays * 24 * 3600 * 1000).toISOString(), to: to.toISOString() };
      const records: AuditJson[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await mergedPage(ctx, [...DOMAINS], filter, 500, after);
        records.push(...page.records);
        if (records.length > MAX_REPORT_RECORDS) throw badInput('from', `the period and its ${thresholds.baselineDays} baseline days hold more than ${MAX_REPORT_RECORDS} records; ask for a shorter period.`);
        if (!page.hasNextPage || page.records.length === 0) break;
        after = encodeAuditCursor(page.records[page.records.length - 1]!);
      }
      return detectAnomalies(records, { from, to }, thresholds, ctx.auth?.policies.grants ?? []);
    },
  },
};
