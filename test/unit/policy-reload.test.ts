/**
 * Hot reload at the level of one request: the authorization context a request takes at its start keeps the
 * snapshot it was built from, whatever the store holds by the time the request's fields are resolved.
 */
import { fieldDecision, type Grant, type Principal, type RolePolicy } from '../../auth';
import { PROVINCE_POLICY } from '../../auth/province-policy';
import { PLATFORM_CATALOGUE } from '../../subgraphs/platform-catalogue';
import { createAuthorizer } from '../../subgraphs/kit/authorization';
import { snapshotOf, type PolicySnapshot, type PolicyStore } from '../../subgraphs/kit/policy-store';

const healthAnalyst: Principal = Object.freeze({ kind: 'government', sub: 'health-1', dept: 'health', roles: ['analyst'], region: '460000', client: null, purpose: 'call-backs' });
const person = { id: 'P1', phone: '13812345678', hukouRegionCode: '460106', status: 'LIVING' };
const analystsReadPhones: RolePolicy = { id: 'health-analysts-phone', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person', fields: ['phone'], reason: 'call-backs' }] };
const phoneGrant: Grant = { id: 'GR-1', granteeDept: 'health', subject: 'Person', fields: ['phone'], purpose: 'call-backs', expiresAt: '2999-01-01T00:00:00Z' };

/** A store whose snapshot the test swaps, as the watcher does when a change is activated. */
function setup() {
  let snapshot: PolicySnapshot = snapshotOf(PROVINCE_POLICY, [], 1, 1);
  const store: PolicyStore = { current: () => snapshot, reload: async () => snapshot, onChange: () => () => undefined, close: async () => undefined };
  const authorizer = createAuthorizer(PLATFORM_CATALOGUE, store);
  return {
    authorizer,
    activate(policies: readonly RolePolicy[], grants: readonly Grant[] = []) {
      snapshot = snapshotOf(policies, grants, snapshot.policyVersion + 1, snapshot.seq + 1);
    },
  };
}

describe(createAuthorizer.name, () => {
  it('returns a context that keeps the snapshot the request started with after a new version is in force', () => {
    const { authorizer, activate } = setup();
    const started = authorizer.authorize(healthAnalyst);
    expect(fieldDecision(started.ability, 'Person', 'phone', person)).toBe('MASKED');
    activate([...PROVINCE_POLICY, analystsReadPhones]);
    // The request in flight: same snapshot, same decisions, for every later field it resolves.
    expect(started.policies.policyVersion).toBe(1);
    expect(fieldDecision(started.ability, 'Person', 'phone', person)).toBe('MASKED');
    // The next request is judged by the new version.
    const next = authorizer.authorize(healthAnalyst);
    expect(next.policies.policyVersion).toBe(2);
    expect(fieldDecision(next.ability, 'Person', 'phone', person)).toBe('FULL');
    expect(fieldDecision(started.ability, 'Person', 'phone', person)).toBe('MASKED');
  });

  it('returns contexts judged by a grant from the change that brought it, and not after the change that revoked it', () => {
    const { authorizer, activate } = setup();
    activate(PROVINCE_POLICY, [phoneGrant]);
    const during = authorizer.authorize(healthAnalyst);
    activate(PROVINCE_POLICY, []);
    const after = authorizer.authorize(healthAnalyst);
    expect(fieldDecision(during.ability, 'Person', 'phone', person)).toBe('FULL');
    expect(fieldDecision(after.ability, 'Person', 'phone', person)).toBe('MASKED');
    expect([during.policies.seq, after.policies.seq]).toEqual([2, 3]);
  });
});

describe(snapshotOf.name, () => {
  it('returns a frozen snapshot, so a change can only replace it whole', () => {
    const snapshot = snapshotOf([...PROVINCE_POLICY], [phoneGrant], 3, 9);
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(Object.isFrozen(snapshot.policies)).toBe(true);
    expect(Object.isFrozen(snapshot.grants)).toBe(true);
    expect(snapshotOf([...PROVINCE_POLICY], [phoneGrant], 4, 10).version).not.toBe(snapshot.version);
  });
});
