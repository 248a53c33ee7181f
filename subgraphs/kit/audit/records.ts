/**
 * The audit trail's storage, in every domain's own database: one row per audited request or write, chained by
 * hash to the previous row of the same writer (the domain), and one row per writer holding the chain's head and
 * its base (where pruning cut it). A record's hash covers every stored column but itself, so a changed, deleted,
 * inserted or reordered row breaks the chain where it happened (see chain.ts).
 */
import { createHash } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const AUDIT_KINDS = ['read', 'denial', 'aggregate', 'write', 'policy'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** The hash a chain starts from (and `prevHash` of its first record). */
export const GENESIS_HASH = '0'.repeat(64);

export const AuditRecord = defineEntity({
  name: 'AuditRecord',
  tableName: 'audit_record',
  properties: {
    /** The domain that served the data; one chain per writer. */
    writer: p.string().primary().length(32),
    /** 1, 2, 3, ... within the writer, without gaps. */
    seq: p.integer().primary(),
    time: p.datetime().index(),
    kind: p.string().length(16),
    sub: p.string().length(128).index(),
    dept: p.string().length(64).nullable().index(),
    /** JSON array of the caller's roles. */
    roles: p.text(),
    region: p.string().length(6).nullable(),
    client: p.string().length(128).nullable(),
    purpose: p.string().length(128).nullable(),
    operationName: p.string().length(256).nullable(),
    /** sha256 of the GraphQL document as received. */
    documentHash: p.string().length(64).nullable(),
    requestId: p.string().length(128),
    /** JSON: [["Type.field", "FULL" | "MASKED" | "DENIED", count], ...], sorted. */
    fields: p.text(),
    /** JSON: ["Person:<id>", "HealthRecord:<id>", ...], sorted: the records returned, written or refused. */
    recordKeys: p.text(),
    /** JSON: grant IDs that opened any field read. */
    grantIds: p.text(),
    /** Records read whose region is outside the caller's region (0 when the caller has none). */
    outOfRegion: p.integer(),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
  },
});
export type AuditRow = InferEntity<typeof AuditRecord>;

/** Each writer's chain: its head (last appended record) and its base (the last pruned record, or genesis). */
export const AuditChain = defineEntity({
  name: 'AuditChain',
  tableName: 'audit_chain',
  properties: {
    writer: p.string().primary().length(32),
    headSeq: p.integer(),
    headHash: p.string().length(64),
    baseSeq: p.integer(),
    baseHash: p.string().length(64),
    /** Touched by every append first, so that appends of several processes queue on this row's lock. */
    lockedAt: p.datetime(),
  },
});
export type AuditChainRow = InferEntity<typeof AuditChain>;

/**
 * The domain database's own note of the last signed checkpoint it took part in (audit/checkpoints.ts), written
 * after the checkpoint is durable outside the database: a database restored from an old copy holds an older number
 * than the checkpoints outside it, which is how verification tells a restore from a truncation.
 */
export const AuditAnchor = defineEntity({
  name: 'AuditAnchor',
  tableName: 'audit_anchor',
  properties: {
    domain: p.string().primary().length(32),
    checkpoint: p.integer(),
    /** JSON of the chain heads that checkpoint signed: a round whose heads did not move signs nothing. */
    heads: p.text(),
    at: p.datetime(),
  },
});
export type AuditAnchorRow = InferEntity<typeof AuditAnchor>;

/** What a request or a write contributes; the chain adds writer, seq, prevHash and hash. */
export type AuditEntry = Omit<AuditRow, 'writer' | 'seq' | 'prevHash' | 'hash'>;

/**
 * The canonical text a record's hash is computed over: every column but `hash`, in a fixed order, JSON-encoded
 * (JSON columns as their stored text), so the hash does not depend on the driver or on key order.
 */
export function canonicalRecord(row: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([
    row.writer, row.seq, new Date(row.time).toISOString(), row.kind, row.sub, row.dept, row.roles, row.region, row.client, row.purpose,
    row.operationName, row.documentHash, row.requestId, row.fields, row.recordKeys, row.grantIds, row.outOfRegion, row.prevHash,
  ]);
}

export function recordHash(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(canonicalRecord(row)).digest('hex');
}

export const AUDIT_ENTITIES = [AuditRecord, AuditChain, AuditAnchor];
