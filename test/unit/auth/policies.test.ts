import { checkPolicies, compilePolicies } from '../../../auth';
import type { Grant, RolePolicy } from '../../../auth';
import { sampleCatalogue, sampleGrants, samplePolicies } from './fixtures';

function setup() {
  return { catalogue: sampleCatalogue(), policies: samplePolicies(), grants: sampleGrants() };
}

describe(compilePolicies.name, () => {
  it('returns the same compiled policies for the same array (compiled once)', () => {
    const { policies } = setup();
    expect(compilePolicies(policies)).toBe(compilePolicies(policies));
  });

  it('throws for a duplicated policy id', () => {
    const { policies } = setup();
    expect(() => compilePolicies([...policies, { ...(policies[0] as RolePolicy) }])).toThrow('Policy id v3 is used twice.');
  });
});

describe(checkPolicies.name, () => {
  it('returns no problems for the sample policies', () => {
    const { catalogue, policies, grants } = setup();
    expect(checkPolicies(policies, catalogue, grants).map((p) => p.message)).toEqual([
      'Grant G14 shares Person.ethnicity, which is NOT_SHARED; it will have no effect.',
    ]);
  });

  it('returns subjects, fields and condition fields the catalogue does not know', () => {
    const { catalogue } = setup();
    const policies: RolePolicy[] = [
      {
        id: 'typos',
        dept: '*',
        role: 'officer',
        rules: [
          { action: 'read', subject: 'Persn' },
          { action: 'read', subject: 'Person', fields: ['nam'], conditions: { cityCod: 'x' } },
        ],
      },
    ];
    const grants: Grant[] = [{ id: 'G1', granteeDept: 'health', subject: 'CreditProfile', fields: ['score'], purpose: 'p', region: '460100', expiresAt: '2030-01-01T00:00:00Z' }];
    expect(checkPolicies(policies, catalogue, grants).map((p) => p.message)).toEqual([
      'Policy typos rule 1 names type Persn, which is not catalogued.',
      'Policy typos rule 2 names Person.nam, which is not catalogued.',
      'Policy typos rule 2 names Person.cityCod, which is not catalogued.',
      'Grant G1 is limited to a region, but CreditProfile has no region field.',
    ]);
  });
});
