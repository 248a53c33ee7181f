/**
 * Every subgraph serves its own audit trail to auditors as `auditTrail` (added by the kit to each subgraph's
 * schema, and left out of the supergraph: governance's `auditRecords` asks every subgraph and merges). Records
 * travel as NDJSON text in one field: a transport between services, read by the governance service and by
 * auditors' tools, and judged like any other field by the catalogue and the province policy.
 */
import { GraphQLError, parse } from 'graphql';
import { defineCatalogue } from '../../../auth';
import { badInput, ErrorCode } from '../errors';
import type { EntityManager } from '../orm';
import { pageSize } from '../pagination';
import type { RequestContext } from '../subgraph';
import { AuditRecord, type AuditRow } from './records';

export const AUDITOR_ROLE = 'auditor';

export const AUDIT_TRAIL_TYPEDEFS = parse(`
  extend type Query {
    "This subgraph's own audit trail, oldest first (auditors only; the graph's auditRecords merges every subgraph's)."
    auditTrail(
      "Which records; all of them when omitted."
      filter: AuditTrailFilter
      "Records per page: 0 to 500; 20 when omitted."
      first: Int
      "The endCursor of the previous page; omit for the first page."
      after: String
    ): AuditTrailPage!
  }
  "Which audit records to return; every given condition must hold."
  input AuditTrailFilter {
    "Subject (token sub) of the caller."
    sub: String
    "Department code of the caller, e.g. health."
    dept: String
    "A record key, e.g. Person:<id> or HealthRecord:<id>."
    recordKey: String
    "A type (HealthRecord) or a field (HealthRecord.chronicConditions)."
    field: String
    "The purpose (X-Purpose) the caller declared."
    purpose: String
    "read, denial, aggregate, write or policy."
    kind: String
    "ISO 8601 instants: from inclusive, to exclusive."
    from: String
    "Exclusive end of the period (ISO 8601 instant)."
    to: String
  }
  "A page of this subgraph's audit trail."
  type AuditTrailPage {
    "One JSON audit record per line."
    records: String
    "True when more records follow this page."
    hasNextPage: Boolean
    "Pass it as after for the next page; null on an empty page."
    endCursor: String
  }
`);

export const AUDIT_TRAIL_CATALOGUE = defineCatalogue('data-bureau', {
  AuditTrailPage: {
    description: "A page of a subgraph's audit trail: who used which protected data, when and why.",
    fields: {
      records: { sharing: 'CONDITIONAL', sensitivity: 'SENSITIVE', mask: 'redact' },
      hasNextPage: { sharing: 'CONDITIONAL' },
      endCursor: { sharing: 'CONDITIONAL' },
    },
  },
});

export interface AuditFilter {
  sub?: string | null;
  dept?: string | null;
  recordKey?: string | null;
  field?: string | null;
  purpose?: string | null;
  kind?: string | null;
  from?: string | null;
  to?: string | null;
}

/** A record as auditors, exports and the anomaly rules read it. */
export interface AuditJson {
  writer: string;
  seq: number;
  time: string;
  kind: string;
  sub: string;
  dept: string | null;
  roles: string[];
  region: string | null;
  client: string | null;
  purpose: string | null;
  operationName: string | null;
  documentHash: string | null;
  requestId: string;
  fields: [string, string, number][];
  recordKeys: string[];
  grantIds: string[];
  outOfRegion: number;
  prevHash: string;
  hash: string;
}

export function toJson(row: AuditRow): AuditJson {
  return {
    writer: row.writer,
    seq: row.seq,
    time: new Date(row.time).toISOString(),
    kind: row.kind,
    sub: row.sub,
    dept: row.dept ?? null,
    roles: JSON.parse(row.roles) as string[],
    region: row.region ?? null,
    client: row.client ?? null,
    purpose: row.purpose ?? null,
    operationName: row.operationName ?? null,
    documentHash: row.documentHash ?? null,
    requestId: row.requestId,
    fields: JSON.parse(row.fields) as [string, string, number][],
    recordKeys: JSON.parse(row.recordKeys) as string[],
    grantIds: JSON.parse(row.grantIds) as string[],
    outOfRegion: row.outOfRegion,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** Cursor: the last record's (time, writer, seq), the trail's order across every subgraph. */
export function encodeAuditCursor(r: Pick<AuditJson, 'time' | 'writer' | 'seq'>): string {
  return Buffer.from(JSON.stringify([r.time, r.writer, r.seq])).toString('base64url');
}

export function decodeAuditCursor(cursor: string): [string, string, number] {
  try {
    const [time, writer, seq] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string, number];
    if (Number.isNaN(Date.parse(time)) || typeof writer !== 'string' || !Number.isInteger(seq)) throw new Error();
    return [time, writer, seq];
  } catch {
    throw badInput('after', 'the cursor is not one this service issued; pass an endCursor from a previous page.');
  }
}

function instant(name: string, value: string | null | undefined): Date | null {
  if (value == null) return null;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw badInput(`filter.${name}`, `"${value}" is not an ISO 8601 instant such as 2026-01-31T08:00:00Z.`);
  return new Date(t);
}

export function compareAudit(a: Pick<AuditJson, 'time' | 'writer' | 'seq'>, b: Pick<AuditJson, 'time' | 'writer' | 'seq'>): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : a.writer < b.writer ? -1 : a.writer > b.writer ? 1 : a.seq - b.seq;
}

/** One page of this database's records matching `filter`, after the cursor. */
export async function findAuditRecords(em: EntityManager, filter: AuditFilter, first: number, after: string | null): Promise<{ records: AuditJson[]; hasNextPage: boolean }> {
  const and: object[] = [];
  for (const key of ['sub', 'dept', 'purpose', 'kind'] as const) if (filter[key] != null) and.push({ [key]: filter[key] });
  if (filter.recordKey != null) and.push({ recordKeys: { $like: `%${JSON.stringify(filter.recordKey)}%` } });
  if (filter.field != null) and.push({ fields: { $like: filter.field.includes('.') ? `%${JSON.stringify(filter.field)}%` : `%"${filter.field}.%` } });
  const from = instant('from', filter.from);
  const to = instant('to', filter.to);
  if (from) and.push({ time: { $gte: from } });
  if (to) and.push({ time: { $lt: to } });
  if (after !== null) {
    const [time, writer, seq] = decodeAuditCursor(after);
    const t = new Date(time);
    and.push({ $or: [{ time: { $gt: t } }, { time: t, writer: { $gt: writer } }, { time: t, writer, seq: { $gt: seq } }] });
  }
  const rows = (await em.find(AuditRecord, and.length ? { $and: and } : {}, {
    orderBy: [{ time: 'asc' }, { writer: 'asc' }, { seq: 'asc' }],
    limit: first + 1,
    disableIdentityMap: true,
  })) as AuditRow[];
  return { records: rows.slice(0, first).map(toJson), hasNextPage: rows.length > first };
}

/** Auditors only, whatever the catalogue lets the data bureau's own staff read. */
export function assertAuditor(ctx: RequestContext<unknown>): void {
  if (ctx.auth?.principal.roles.includes(AUDITOR_ROLE)) return;
  throw new GraphQLError('The audit trail is read by accounts with the auditor role only.', { extensions: { code: ErrorCode.Forbidden } });
}

export const auditTrailResolvers = {
  Query: {
    async auditTrail(_: unknown, args: { filter?: AuditFilter | null; first?: number | null; after?: string | null }, ctx: RequestContext<unknown>) {
      assertAuditor(ctx);
      const { records, hasNextPage } = await findAuditRecords(ctx.em, args.filter ?? {}, pageSize(args.first), args.after ?? null);
      const last = records[records.length - 1];
      return { records: records.map((r) => JSON.stringify(r)).join('\n'), hasNextPage, endCursor: last ? encodeAuditCursor(last) : null };
    },
  },
};
