/**
 * The policies in force, as every subgraph reads them from the governance database: the active policy version
 * (a whole document of role policies, CASL rules in JSON) and the approved, unexpired sharing grants. The
 * governance service writes these tables; every service only reads them, and reloads when `policy_state.seq`
 * moves (see policy-watch.ts). A database without a policy version gets the province's default as version 1.
 */
import { createHash } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { compilePolicies, type Grant, type RolePolicy } from '../../auth';
import { PROVINCE_POLICY } from '../../auth/province-policy';
import { PROVINCE_POLICY_TESTS } from '../../auth/province-policy-tests';
import type { DatabaseConfig } from './config';
import { openDatabase, type Database, type EntityManager } from './orm';
import { PolicyStateRecord, readPolicyState } from './policy-state';
import { watchPolicies, type PolicyWatchOptions } from './policy-watch';

export { POLICY_CHANNEL, PolicyStateRecord, bumpPolicyState, readPolicyState } from './policy-state';

/** Before versioning, the policies in force were rows of this table; kept so an older database is migrated. */
export const RolePolicyRecord = defineEntity({
  name: 'RolePolicyRow',
  tableName: 'role_policy',
  properties: {
    id: p.string().primary().length(64),
    dept: p.string().length(32),
    role: p.string().length(32),
    description: p.text().nullable(),
    rules: p.text(),
    updatedAt: p.datetime(),
  },
});

/** One version of the whole policy document. Its content never changes after it is stored. */
export const PolicyVersionRecord = defineEntity({
  name: 'PolicyVersion',
  tableName: 'policy_version',
  properties: {
    number: p.integer().primary().autoincrement(false),
    state: p.string().length(16).index(),
    basedOn: p.integer().nullable(),
    author: p.string().length(128),
    authorDept: p.string().length(32),
    reason: p.text(),
    createdAt: p.datetime(),
    /** JSON array of role policies. */
    document: p.text(),
    /** JSON array of policy tests. */
    tests: p.text(),
    /** sha256 of document and tests. */
    hash: p.string().length(64),
    /** JSON array of { dept, fields, signedBy, signedAt, reason }: who must co-sign and who did. */
    cosignatures: p.text(),
    stateChangedAt: p.datetime(),
  },
});
export type PolicyVersionRow = InferEntity<typeof PolicyVersionRecord>;

/** A request for conditional sharing and, once approved, the grant itself. */
export const GrantRequestRecord = defineEntity({
  name: 'GrantRequest',
  tableName: 'grant_request',
  properties: {
    id: p.string().primary().length(40),
    state: p.string().length(16).index(),
    requesterDept: p.string().length(32).index(),
    requestedBy: p.string().length(128),
    ownerDept: p.string().length(32).index(),
    /** JSON array of { type, fields }. */
    scope: p.text(),
    region: p.string().length(6).nullable(),
    purpose: p.string().length(200),
    legalBasis: p.text(),
    /** The last day it applies (China time). */
    expiresOn: p.string().length(10),
    /** The instant it stops applying: the end of expiresOn in China time. */
    expiresAt: p.datetime().index(),
    createdAt: p.datetime(),
    decidedBy: p.string().length(128).nullable(),
    decidedAt: p.datetime().nullable(),
    decisionReason: p.text().nullable(),
  },
});
export type GrantRequestRow = InferEntity<typeof GrantRequestRecord>;

/** Every workflow step of a policy version or grant request, append-only. */
export const PolicyEventRecord = defineEntity({
  name: 'PolicyEvent',
  tableName: 'policy_event',
  properties: {
    id: p.string().primary().length(36),
    /** 'policy' or 'grant'. */
    subjectKind: p.string().length(8),
    /** The version number or the grant request id. */
    subjectId: p.string().length(40).index(),
    at: p.datetime(),
    actor: p.string().length(128),
    actorDept: p.string().length(32),
    action: p.string().length(32),
    fromState: p.string().length(16).nullable(),
    toState: p.string().length(16),
    reason: p.text().nullable(),
  },
});
export type PolicyEventRow = InferEntity<typeof PolicyEventRecord>;

export const GOVERNANCE_STORE_ENTITIES = [RolePolicyRecord, PolicyVersionRecord, GrantRequestRecord, PolicyEventRecord, PolicyStateRecord];

export interface PolicySnapshot {
  /** Changes whenever anything in force changes: part of the ability cache key. */
  version: string;
  /** The active policy version's number (0 for a fixed test policy). */
  policyVersion: number;
  /** policy_state.seq when the snapshot was read. */
  seq: number;
  policies: readonly RolePolicy[];
  grants: readonly Grant[];
}

export interface PolicyStore {
  current(): PolicySnapshot;
  /** Reads what is in force now; resolves to the new snapshot. Calls during a read share the one read after it. */
  reload(): Promise<PolicySnapshot>;
  /** Called after every reload that changed the snapshot. */
  onChange(listener: (snapshot: PolicySnapshot) => void): () => void;
  close(): Promise<void>;
}

export function hashOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

export interface GrantScopeItem {
  type: string;
  fields: string[];
}

/** An approved request as the grants the ability builder applies: one per type in its scope. */
export function grantsOf(row: GrantRequestRow): Grant[] {
  const scope = JSON.parse(row.scope) as GrantScopeItem[];
  return scope.map((item) => ({
    id: row.id,
    granteeDept: row.requesterDept,
    subject: item.type,
    fields: item.fields,
    purpose: row.purpose,
    ...(row.region ? { region: row.region } : {}),
    expiresAt: row.expiresAt.toISOString(),
  }));
}

export function snapshotOf(policies: readonly RolePolicy[], grants: readonly Grant[], policyVersion: number, seq: number): PolicySnapshot {
  // Refuse to run on a policy that does not compile: failing closed beats guessing what was meant.
  compilePolicies(policies);
  const version = hashOf(String(policyVersion), JSON.stringify(policies), JSON.stringify(grants)).slice(0, 16);
  return Object.freeze({ version, policyVersion, seq, policies: Object.freeze([...policies]), grants: Object.freeze([...grants]) });
}

/** The first version: the rows of the pre-versioning table if there are any, else the province's default. */
async function installFirstVersion(db: Database): Promise<void> {
  const em = db.orm.em.fork();
  if ((await em.count(PolicyVersionRecord, {})) > 0) return;
  const legacy = await em.find(RolePolicyRecord, {}, { orderBy: { id: 'asc' } });
  const migrated: RolePolicy[] = legacy.map((row) => ({ id: row.id, dept: row.dept, role: row.role, ...(row.description ? { description: row.description } : {}), rules: JSON.parse(row.rules) as RolePolicy['rules'] }));
  // A migrated database keeps its own policies and gains the default policies this release added.
  const policies = [...migrated, ...PROVINCE_POLICY.filter((p) => !migrated.some((m) => m.id === p.id))];
  const document = JSON.stringify(policies, null, 2);
  const tests = JSON.stringify(legacy.length ? [] : PROVINCE_POLICY_TESTS, null, 2);
  const now = new Date();
  try {
    await em.transactional(async (tx) => {
      await tx.insert(PolicyVersionRecord, {
        number: 1,
        state: 'ACTIVE',
        basedOn: null,
        author: 'system',
        authorDept: 'data-bureau',
        reason: legacy.length ? 'Migrated from the role_policy table of an earlier release.' : "The province's default policy, installed on first start.",
        createdAt: now,
        document,
        tests,
        hash: hashOf(document, tests),
        cosignatures: '[]',
        stateChangedAt: now,
      });
      await tx.insert(PolicyStateRecord, { id: 1, seq: 1, changedAt: now });
    });
  } catch (error) {
    // Another service installed it at the same moment; theirs is the same version.
    if ((await em.count(PolicyVersionRecord, {})) === 0) throw error;
  }
}

/** Reads the active version and the grants in force (approved and not yet expired). */
export async function loadInForce(em: EntityManager, now = new Date()): Promise<PolicySnapshot> {
  const seq = await readPolicyState(em);
  const active = await em.findOne(PolicyVersionRecord, { state: 'ACTIVE' }, { disableIdentityMap: true });
  if (!active) throw new Error('The governance database has no active policy version.');
  const approved = await em.find(GrantRequestRecord, { state: 'APPROVED', expiresAt: { $gt: now } }, { orderBy: { id: 'asc' }, disableIdentityMap: true });
  return snapshotOf(JSON.parse(active.document) as RolePolicy[], approved.flatMap(grantsOf), active.number, seq);
}

/** Opens the governance tables, installs the first version if there is none, and follows changes (policy-watch.ts). */
export async function openPolicyStore(config: DatabaseConfig, watch: PolicyWatchOptions | false = {}): Promise<PolicyStore & { db: Database }> {
  const db = await openDatabase(config, GOVERNANCE_STORE_ENTITIES);
  try {
    await installFirstVersion(db);
    let snapshot = await loadInForce(db.orm.em.fork());
    const listeners = new Set<(s: PolicySnapshot) => void>();
    // One read at a time. A call during a read may come from a change that committed after that read began
    // (a second NOTIFY), so it gets the read after, never the one in flight: coalescing it into the earlier
    // read would leave that change waiting for the safety-net poll.
    let running: Promise<PolicySnapshot> | null = null;
    let queued: Promise<PolicySnapshot> | null = null;
    const read = async (): Promise<PolicySnapshot> => {
      const next = await loadInForce(db.orm.em.fork());
      if (next.version !== snapshot.version || next.seq !== snapshot.seq) {
        snapshot = next;
        for (const listener of listeners) listener(next);
      }
      return snapshot;
    };
    const store: PolicyStore & { db: Database } = {
      db,
      current: () => snapshot,
      reload() {
        if (!running) {
          running = read().finally(() => {
            running = null;
          });
          return running;
        }
        queued ??= running
          .catch(() => undefined)
          .then(() => {
            queued = null;
            return store.reload();
          });
        return queued;
      },
      onChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      async close() {
        await watcher?.stop();
        await db.close();
      },
    };
    const watcher = watch === false ? null : watchPolicies(store, db, config, watch);
    return store;
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** A fixed policy set, for tests and benchmarks that do not need a governance database. */
export function staticPolicyStore(policies: readonly RolePolicy[] = PROVINCE_POLICY, grants: readonly Grant[] = []): PolicyStore {
  const snapshot = snapshotOf(policies, grants, 0, 0);
  return { current: () => snapshot, reload: async () => snapshot, onChange: () => () => undefined, close: async () => undefined };
}
