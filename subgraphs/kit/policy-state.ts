/**
 * What is in force changes: a one-row counter (`policy_state.seq`) bumped in the transaction of every activation and
 * grant decision, and on PostgreSQL a NOTIFY sent in that same transaction. The store (policy-store.ts) writes it,
 * the watch (policy-watch.ts) follows it; both import it from here, so neither imports the other's module at run time.
 */
import { defineEntity, p, raw } from '@mikro-orm/core';
import type { EntityManager } from './orm';

/** One row: a counter bumped in the transaction of every change to what is in force (activation, grant decision). */
export const PolicyStateRecord = defineEntity({
  name: 'PolicyStateRow',
  tableName: 'policy_state',
  properties: {
    id: p.integer().primary().autoincrement(false),
    seq: p.integer(),
    changedAt: p.datetime(),
  },
});

/** The PostgreSQL channel on which the governance service announces a change of what is in force. */
export const POLICY_CHANNEL = 'hdg_policy_changed';

/** Sends the change notification inside the caller's transaction (PostgreSQL only; SQLite services poll). */
export async function announcePolicyChange(em: EntityManager, seq: number): Promise<void> {
  if (em.getPlatform().constructor.name !== 'PostgreSqlPlatform') return;
  const schema = String(em.config.get('schema') ?? 'public');
  // On the transaction's own connection: PostgreSQL then holds the notification until the commit. Sent on
  // another pooled connection it would go out at once, listeners would reload before the commit, read the old
  // state, and the change would wait for the safety-net poll.
  await em.getConnection().execute('select pg_notify(?, ?)', [POLICY_CHANNEL, `${schema}:${seq}`], 'all', em.getTransactionContext());
}

export async function readPolicyState(em: EntityManager): Promise<number> {
  const row = await em.findOne(PolicyStateRecord, { id: 1 }, { disableIdentityMap: true });
  return row?.seq ?? 0;
}

/** Bumps the change counter; call inside the transaction that changes what is in force. */
export async function bumpPolicyState(em: EntityManager): Promise<number> {
  const updated = await em.nativeUpdate(PolicyStateRecord, { id: 1 }, { seq: raw('seq + 1'), changedAt: new Date() } as never);
  if (updated === 0) await em.insert(PolicyStateRecord, { id: 1, seq: 1, changedAt: new Date() });
  const seq = await readPolicyState(em);
  await announcePolicyChange(em, seq);
  return seq;
}
