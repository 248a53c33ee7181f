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

/** Sends one GraphQL operation as a caller; returns the JSON answer. */
export type SendAs = (caller: 'author' | 'approver', query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: { message: string }[] }>;

export interface ActivatedVersion {
  number: number;
  /** performance.now() just before the activate mutation was sent and when its answer arrived. */
  sentAt: number;
  answeredAt: number;
}

async function ok(step: string, answer: Promise<{ data?: any; errors?: { message: string }[] }>): Promise<any> {
  const res = await answer;
  if (res.errors?.length || !res.data) throw new Error(`${step} failed: ${JSON.stringify(res.errors ?? res)}`);
  return res.data;
}

/**
 * A new active policy version through the officers' workflow on the graph, as the security officers do it:
 * the author drafts (the active document edited by `edit`, its tests by `editTests`) and submits, a second
 * security officer approves, the author activates.
 */
export async function activateThroughWorkflow(
  send: SendAs,
  edit: (policies: RolePolicy[]) => RolePolicy[],
  options: { editTests?: (tests: any[]) => any[]; reason?: string; /** Called just before the activate mutation is sent. */ beforeActivate?: () => void } = {},
): Promise<ActivatedVersion> {
  const { activePolicyVersion: active } = await ok('reading the active version', send('author', '{ activePolicyVersion { number document testsDocument } }'));
  const policies = edit(JSON.parse(active.document) as RolePolicy[]);
  const tests = options.editTests ? JSON.stringify(options.editTests(JSON.parse(active.testsDocument))) : null;
  const drafted = await ok(
    'draftPolicyVersion',
    send('author', 'mutation($input: DraftPolicyInput!) { draftPolicyVersion(input: $input) { number } }', {
      input: { basedOn: active.number, policies: JSON.stringify(policies), tests, reason: options.reason ?? 'hot reload test' },
    }),
  );
  const number = drafted.draftPolicyVersion.number as number;
  const step = (caller: 'author' | 'approver', mutation: string) => ok(mutation, send(caller, `mutation($n: Int!) { ${mutation}(number: $n, reason: "hot reload test") { state } }`, { n: number }));
  await step('author', 'submitPolicyVersion');
  await step('approver', 'approvePolicyVersion');
  options.beforeActivate?.();
  const sentAt = performance.now();
  await step('author', 'activatePolicyVersion');
  return { number, sentAt, answeredAt: performance.now() };
}
