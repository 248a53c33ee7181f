/**
 * Role policies as the governance service stores them (CASL rules in JSON), read by every subgraph from the
 * governance database. A database without policies gets the province's default policy, so no service ever
 * runs on catalogue defaults alone.
 */
import { createHash } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { compilePolicies, type Grant, type RolePolicy } from '../../auth';
import { PROVINCE_POLICY } from '../../auth/province-policy';
import type { DatabaseConfig } from './config';
import { openDatabase, type Database } from './orm';

export const RolePolicyRecord = defineEntity({
  // Named as the GraphQL type the governance service serves, so row scoping finds its catalogue entry.
  name: 'RolePolicy',
  tableName: 'role_policy',
  properties: {
    id: p.string().primary().length(64),
    dept: p.string().length(32),
    role: p.string().length(32),
    description: p.text().nullable(),
    /** The CASL rules, JSON. */
    rules: p.text(),
    updatedAt: p.datetime(),
  },
});
export type RolePolicyRow = InferEntity<typeof RolePolicyRecord>;

export interface PolicySnapshot {
  /** Changes whenever any policy changes: part of the ability cache key. */
  version: string;
  policies: readonly RolePolicy[];
  grants: readonly Grant[];
}

export interface PolicyStore {
  current(): PolicySnapshot;
  reload(): Promise<PolicySnapshot>;
  close(): Promise<void>;
}

export function policyRow(policy: RolePolicy): RolePolicyRow {
  return { id: policy.id, dept: policy.dept, role: policy.role, description: policy.description ?? null, rules: JSON.stringify(policy.rules), updatedAt: new Date(0) };
}

function snapshotOf(rows: RolePolicyRow[]): PolicySnapshot {
  const policies = rows
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((row) => ({ id: row.id, dept: row.dept, role: row.role, description: row.description ?? undefined, rules: JSON.parse(row.rules) as RolePolicy['rules'] }));
  // Refuse to run on a policy that does not compile: failing closed beats guessing what was meant.
  compilePolicies(policies);
  const version = createHash('sha256').update(JSON.stringify(policies)).digest('hex').slice(0, 16);
  return { version, policies, grants: [] };
}

async function installDefaults(db: Database): Promise<void> {
  const em = db.orm.em.fork();
  if ((await em.count(RolePolicyRecord, {})) > 0) return;
  try {
    await em.insertMany(RolePolicyRecord, PROVINCE_POLICY.map(policyRow));
  } catch (error) {
    // Another service installed them at the same moment; theirs are the same rows.
    if ((await em.count(RolePolicyRecord, {})) === 0) throw error;
  }
}

export async function openPolicyStore(config: DatabaseConfig): Promise<PolicyStore> {
  const db = await openDatabase(config, [RolePolicyRecord]);
  try {
    await installDefaults(db);
    const load = async () => snapshotOf(await db.orm.em.fork().find(RolePolicyRecord, {}, { disableIdentityMap: true }));
    let snapshot = await load();
    return {
      current: () => snapshot,
      async reload() {
        snapshot = await load();
        return snapshot;
      },
      close: () => db.close(),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** A fixed policy set, for tests and benchmarks that do not need a governance database. */
export function staticPolicyStore(policies: readonly RolePolicy[] = PROVINCE_POLICY): PolicyStore {
  const snapshot = snapshotOf(policies.map(policyRow));
  return { current: () => snapshot, reload: async () => snapshot, close: async () => undefined };
}
