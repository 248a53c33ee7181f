/**
 * A policy in force whose rule cannot be applied to a caller (here: a $like on the caller's sub, which has letters,
 * so the bound pattern is not a case-free prefix) fails that caller's requests closed, with code BAD_POLICY and the
 * policy's own sentence, straight from a subgraph and through the gateway alike; never as an internal error, and
 * never with the caller's attributes in the message. Other callers are not affected.
 */
import { PROVINCE_POLICY } from '../../auth/province-policy';
import type { RolePolicy } from '../../auth';
import { staticPolicyStore } from '../../subgraphs/kit/policy-store';
import { postGraphQL, startPlatform, type Platform } from '../support/platform';

const UNAPPLIABLE: RolePolicy = {
  id: 'test-like-on-sub',
  dept: 'education',
  role: 'analyst',
  rules: [{ action: 'read', subject: 'Person', conditions: { id: { $like: '${principal.sub}%' } } }],
};
const MESSAGE = 'Policy test-like-on-sub rule 1 uses a $like pattern that is not a case-free literal prefix followed by %.';
const QUERY = '{ persons(first: 1) { edges { node { id name } } } }';

let platform: Platform;
let educationAnalyst: Record<string, string>;
let healthAnalyst: Record<string, string>;

beforeAll(async () => {
  platform = await startPlatform('bad-policy', { persons: 60, seed: 5, start: { policies: staticPolicyStore([...PROVINCE_POLICY, UNAPPLIABLE]) } });
  educationAnalyst = await platform.as({ sub: 'edu-analyst-7', dept: 'education', roles: ['analyst'], region: '460100' });
  healthAnalyst = await platform.as({ sub: 'health-1', dept: 'health', roles: ['analyst'], region: '460000' });
});
afterAll(async () => {
  await platform?.stop();
});

describe('a policy rule that cannot be applied to the caller', () => {
  it('returns BAD_POLICY with the policy error message straight from the subgraph, and no data', async () => {
    const res = await postGraphQL(platform.subgraphs.population.url, QUERY, undefined, educationAnalyst);
    expect(res.errors).toEqual([{ message: MESSAGE, extensions: { code: 'BAD_POLICY' } }]);
    expect(res.data ?? null).toBeNull();
    expect(res.body).not.toContain('edu-analyst-7');
  });

  it('returns BAD_POLICY with the same message through the gateway, and no person', async () => {
    const res = await platform.query(QUERY, undefined, educationAnalyst);
    expect(res.errors?.length).toBeGreaterThan(0);
    for (const error of res.errors!) expect(error).toMatchObject({ message: MESSAGE, extensions: { code: 'BAD_POLICY' } });
    expect(res.data?.persons ?? null).toBeNull();
    expect(res.body).not.toContain('edu-analyst-7');
  });

  it('leaves callers whom the rule does not concern unaffected', async () => {
    const res = await platform.query(QUERY, undefined, healthAnalyst);
    expect(res.errors).toBeUndefined();
    expect(res.data.persons.edges).toHaveLength(1);
  });
});
