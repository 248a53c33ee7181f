import { checkPolicies } from '../../auth';
import { PROVINCE_POLICY } from '../../auth/province-policy';
import { PLATFORM_CATALOGUE } from '../../subgraphs/governance/platform-catalogue';

describe('PROVINCE_POLICY', () => {
  it('returns no problem against the whole platform catalogue: every subject, field and action exists', () => {
    expect(checkPolicies(PROVINCE_POLICY, PLATFORM_CATALOGUE)).toEqual([]);
  });
});
