/**
 * What one request did with protected data, collected while it resolves: the kit's field wrapper
 * (authorization.ts) reports every read of an audited field, and the audit plugin turns the collection into one
 * audit entry when the response is about to be sent. Only audited fields reach it, so reads of ordinary shared
 * data cost one property check.
 */
import { createHash } from 'node:crypto';
import type { GraphQLFormattedError, GraphQLResolveInfo } from 'graphql';
import { explainField, regionPrefix, type Catalogue, type FieldDecision } from '../../../auth';
import type { AuthContext } from '../authorization';
import type { AuditEntry, AuditKind } from './records';
import type { AuditWriter } from './writer';

type Path = GraphQLResolveInfo['path'];

/** Per type, worked out once when the schema is wrapped. */
export interface AuditedType {
  name: string;
  /** The field naming a record (its federation key, else `id`); null for value types. */
  keyField: string | null;
  /** Fields holding the record's administrative codes. */
  regionFields: readonly string[];
}

/** Per field, worked out once: why it is audited. */
export interface AuditedField {
  id: string;
  type: AuditedType;
  field: string;
  /** `totalCount`: an aggregate over records. */
  aggregate: boolean;
  /** CONDITIONAL: a grant may be what opens it. */
  grantable: boolean;
}

const REGION_FIELDS = ['regionCode', 'hukouRegionCode', 'addressRegionCode'];
/** Keys kept per record; a larger answer records the count of the others. */
export const MAX_KEYS = 5000;

/**
 * Fields whose every read is audited: CONDITIONAL, NOT_SHARED or SENSITIVE ones, and `totalCount` (aggregates).
 * Keyed by "Type.field"; everything else is left out so the hot path stays a single lookup at wrap time.
 */
export function auditedFields(catalogue: Catalogue, keyFields: ReadonlyMap<string, string | null>): Map<string, AuditedField> {
  const out = new Map<string, AuditedField>();
  for (const [typeName, t] of Object.entries(catalogue)) {
    const regionFields = t.regionField ? [t.regionField] : REGION_FIELDS.filter((f) => f in t.fields);
    const type: AuditedType = { name: typeName, keyField: keyFields.get(typeName) ?? ('id' in t.fields ? 'id' : null), regionFields };
    for (const [field, entry] of Object.entries(t.fields)) {
      const aggregate = field === 'totalCount';
      if (!aggregate && entry.sharing === 'UNCONDITIONAL' && entry.sensitivity !== 'SENSITIVE') continue;
      out.set(`${typeName}.${field}`, { id: `${typeName}.${field}`, type, field, aggregate, grantable: entry.sharing === 'CONDITIONAL' });
    }
  }
  return out;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class AuditCollector {
  /** "Type.field" to [FULL, MASKED] counts. */
  readonly fields = new Map<string, [number, number]>();
  readonly keys = new Set<string>();
  /** Where protected values were put in the response: withheld if the entry cannot be written. */
  readonly paths: Path[] = [];
  readonly grants = new Set<string>();
  /** "Type.field" fed into statistics (GROUP BY, filters, measures), with how many tables used it. */
  readonly aggregated = new Map<string, number>();
  aggregate = false;
  outOfRegion = 0;
  omittedKeys = 0;
  operationName: string | null = null;
  document: string | null = null;
  private readonly seen = new WeakSet<object>();
  private readonly regionPrefix: string | null;

  constructor(
    readonly writer: AuditWriter,
    readonly auth: AuthContext,
    readonly requestId: string,
  ) {
    this.regionPrefix = auth.principal.region ? regionPrefix(auth.principal.region) : null;
  }

  /** Called by the field wrapper for an audited field, before the value is resolved. */
  field(spec: AuditedField, decision: FieldDecision, source: unknown, path: Path): void {
    if (spec.aggregate) {
      this.aggregate = true;
      return;
    }
    this.noteRecord(spec.type, source);
    if (decision === 'DENIED') return; // counted from the response's FORBIDDEN errors (plugin.ts)
    let counts = this.fields.get(spec.id);
    if (!counts) {
      counts = [0, 0];
      this.fields.set(spec.id, counts);
      // Once per field and request: which grant, if any, opened it.
      if (spec.grantable && decision === 'FULL') {
        const explained = explainField(this.auth.ability, spec.type.name, spec.field, source as Record<string, unknown>);
        if (explained.source?.kind === 'grant') this.grants.add(explained.source.id);
      }
    }
    counts[decision === 'FULL' ? 0 : 1] += 1;
    this.paths.push(path);
  }

  /** Notes the record a value came from, once per record object: its key, its person or enterprise, its region. */
  noteRecord(type: AuditedType, source: unknown): void {
    if (source === null || typeof source !== 'object' || this.seen.has(source)) return;
    this.seen.add(source);
    const row = source as Record<string, unknown>;
    if (type.keyField && row[type.keyField] != null) this.addKey(`${type.name}:${String(row[type.keyField])}`);
    if (type.name !== 'Person' && typeof row.personId === 'string') this.addKey(`Person:${row.personId}`);
    if (type.name !== 'Enterprise' && typeof row.uscc === 'string') this.addKey(`Enterprise:${row.uscc}`);
    if (this.regionPrefix !== null && type.regionFields.length > 0) {
      const codes = type.regionFields.map((f) => row[f]).filter((c): c is string => typeof c === 'string');
      if (codes.length > 0 && !codes.some((c) => c.startsWith(this.regionPrefix!))) this.outOfRegion += 1;
    }
  }

  /** A statistics table answered: the fields it counted by, and which statistic (statistics/run.ts). */
  statistic(domain: string, statistic: string, type: string, fields: readonly string[]): void {
    this.aggregate = true;
    for (const f of fields) this.aggregated.set(`${type}.${f}`, (this.aggregated.get(`${type}.${f}`) ?? 0) + 1);
    this.addKey(`Statistic:${domain}.${statistic}`);
  }

  addKey(key: string): void {
    if (this.keys.has(key)) return;
    if (this.keys.size >= MAX_KEYS) this.omittedKeys += 1;
    else this.keys.add(key);
  }

  /** The request's entry, or null when it touched nothing audited. */
  entry(errors: readonly GraphQLFormattedError[] | undefined): AuditEntry | null {
    const rows: [string, string, number][] = [];
    for (const [id, [full, masked]] of this.fields) {
      if (full) rows.push([id, 'FULL', full]);
      if (masked) rows.push([id, 'MASKED', masked]);
    }
    const denied = new Map<string, number>();
    for (const error of errors ?? []) {
      if (error.extensions?.code !== 'FORBIDDEN') continue;
      const { type, field } = error.extensions as { type?: string; field?: string };
      const id = type && field ? `${type}.${field}` : `operation:${this.operationName ?? 'anonymous'}`;
      denied.set(id, (denied.get(id) ?? 0) + 1);
    }
    for (const [id, count] of denied) rows.push([id, 'DENIED', count]);
    const kind: AuditKind | null = denied.size > 0 ? 'denial' : rows.length > 0 ? 'read' : this.aggregate ? 'aggregate' : null;
    if (kind === null) return null;
    if (this.aggregate && this.aggregated.size === 0) rows.push(['aggregate:totalCount', 'FULL', 1]);
    for (const [id, count] of this.aggregated) rows.push([id, 'AGGREGATE', count]);
    rows.sort((a, b) => (a[0] === b[0] ? a[1].localeCompare(b[1]) : a[0].localeCompare(b[0])));
    const keys = [...this.keys].sort();
    if (this.omittedKeys) keys.push(`+${this.omittedKeys} more`);
    return this.base(kind, JSON.stringify(rows), keys);
  }

  /** The entry of a committed write: what was written, the keys of the result. */
  writeEntry(kind: 'write' | 'policy', written: readonly { type: string; fields: readonly string[] }[], result: unknown): AuditEntry {
    const rows = written.flatMap((w) => w.fields.map((f) => [`${w.type}.${f}`, 'WRITTEN', 1] as [string, string, number]));
    rows.sort((a, b) => a[0].localeCompare(b[0]));
    const keys = new Set<string>();
    const main = written[0]?.type ?? 'Record';
    const r = (result ?? {}) as Record<string, unknown>;
    for (const k of ['id', 'uscc', 'code'] as const) if (typeof r[k] === 'string') keys.add(`${main}:${r[k] as string}`);
    if (typeof r.personId === 'string') keys.add(`Person:${r.personId}`);
    return this.base(kind, JSON.stringify(rows), [...keys].sort());
  }

  private base(kind: AuditKind, fields: string, keys: string[]): AuditEntry {
    const p = this.auth.principal;
    return {
      time: new Date(),
      kind,
      sub: p.sub,
      dept: p.dept,
      roles: JSON.stringify([...p.roles]),
      region: p.region,
      client: p.client,
      purpose: p.purpose,
      operationName: this.operationName?.slice(0, 256) ?? null,
      documentHash: this.document === null ? null : sha256(this.document),
      requestId: this.requestId,
      fields,
      recordKeys: JSON.stringify(keys),
      grantIds: JSON.stringify([...this.grants].sort()),
      outOfRegion: this.outOfRegion,
    };
  }
}
