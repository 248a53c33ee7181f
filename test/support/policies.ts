/** Test set-up: a new active policy version written straight into a governance database. */
import type { RolePolicy } from '../../auth';
import type { Database } from '../../subgraphs/kit/orm';
import { bumpPolicyState, hashOf, PolicyVersionRecord } from '../../subgraphs/kit/policy-store';

export async function activateForTest(db: Database, added: readonly RolePolicy[]): Promise<number> {
  return db.orm.em.fork().transactional(async (em) => {
    const active = await em.findOneOrFail(PolicyVersionRecord, { state: 'ACTIVE' });
    const [last] = await em.find(PolicyVersionRecord, {}, { orderBy: { number: 'desc' }, limit: 1 });
    const document = JSON.stringify([...(JSON.parse(active.document) as RolePolicy[]).filter((p) => !added.some((a) => a.id === p.id)), ...added]);
    const now = new Date();
    active.state = 'SUPERSEDED';
    active.stateChangedAt = now;
    em.create(PolicyVersionRecord, {
      number: last.number + 1, state: 'ACTIVE', basedOn: active.number, author: 'test-setup', authorDept: 'data-bureau',
      reason: 'test set-up', createdAt: now, document, tests: active.tests, hash: hashOf(document, active.tests), cosignatures: '[]', stateChangedAt: now,
    });
    await em.flush();
    await bumpPolicyState(em);
    return last.number + 1;
  });
}
