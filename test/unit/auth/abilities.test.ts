import { allows, buildAbility, explainField, fieldDecision, PolicyError } from '../../../auth';
import type { FieldDecision, Grant, Principal, RolePolicy } from '../../../auth';
import { NOW, haikouPerson, principals, sampleCatalogue, sampleGrants, samplePolicies, sanyaPerson } from './fixtures';

function setup(overrides: { policies?: RolePolicy[]; grants?: Grant[]; now?: Date } = {}) {
  const catalogue = sampleCatalogue();
  const policies = overrides.policies ?? samplePolicies();
  const grants = overrides.grants ?? sampleGrants();
  const abilityFor = (principal: Principal, now: Date = overrides.now ?? NOW) => buildAbility({ principal, catalogue, policies, grants, now });
  return { catalogue, policies, grants, abilityFor };
}

type Row = [string, keyof typeof principals, string, string, 'haikou' | 'sanya' | 'none', FieldDecision];

const records = { haikou: haikouPerson, sanya: sanyaPerson, none: undefined };

// [case, principal, type, field, record, expected]
const matrix: Row[] = [
  ['public sees open credit data', 'public', 'CreditProfile', 'onDishonestList', 'none', 'FULL'],
  ['public sees no person name', 'public', 'Person', 'name', 'haikou', 'DENIED'],
  ['public sees no person id', 'public', 'Person', 'id', 'haikou', 'DENIED'],
  ['public sees no credit score', 'public', 'CreditProfile', 'score', 'none', 'DENIED'],
  ['police read their city in full', 'police', 'Person', 'idNumber', 'haikou', 'FULL'],
  ['police read NOT_SHARED data they own', 'police', 'Person', 'ethnicity', 'haikou', 'FULL'],
  ['police read nothing of another city', 'police', 'Person', 'name', 'sanya', 'DENIED'],
  ['police get no masked view of another city', 'police', 'Person', 'idNumber', 'sanya', 'DENIED'],
  ['police without a record get the answer for every record', 'police', 'Person', 'name', 'none', 'DENIED'],
  ['police read UNCONDITIONAL health data', 'police', 'HealthRecord', 'id', 'none', 'FULL'],
  ['police read no CONDITIONAL health data', 'police', 'HealthRecord', 'bloodType', 'none', 'DENIED'],
  ['police read no CONDITIONAL health link', 'police', 'Person', 'healthRecord', 'haikou', 'DENIED'],
  ['health analysts read their own records', 'healthAnalyst', 'HealthRecord', 'bloodType', 'none', 'FULL'],
  ['health analysts read their own NOT_SHARED data', 'healthAnalyst', 'HealthRecord', 'chronicConditions', 'none', 'FULL'],
  ['health analysts see names masked', 'healthAnalyst', 'Person', 'name', 'haikou', 'MASKED'],
  ['health analysts see id numbers masked', 'healthAnalyst', 'Person', 'idNumber', 'sanya', 'MASKED'],
  ['health analysts never see NOT_SHARED ethnicity', 'healthAnalyst', 'Person', 'ethnicity', 'haikou', 'DENIED'],
  ['health analysts read person ids', 'healthAnalyst', 'Person', 'id', 'haikou', 'FULL'],
  ['health analysts read the health link they own', 'healthAnalyst', 'Person', 'healthRecord', 'haikou', 'FULL'],
  ['housing officers read addresses in their city', 'housingOfficer', 'Person', 'address', 'sanya', 'FULL'],
  ['housing officers read no addresses elsewhere', 'housingOfficer', 'Person', 'address', 'haikou', 'DENIED'],
  ['housing officers read UNCONDITIONAL names', 'housingOfficer', 'Person', 'name', 'haikou', 'FULL'],
  ['housing officers read no id numbers without a purpose', 'housingOfficer', 'Person', 'idNumber', 'sanya', 'DENIED'],
  ['housing officers read id numbers of the granted region', 'housingOfficerWithPurpose', 'Person', 'idNumber', 'sanya', 'FULL'],
  ['housing officers read no id numbers outside the granted region', 'housingOfficerWithPurpose', 'Person', 'idNumber', 'haikou', 'DENIED'],
  ['a grant cannot open NOT_SHARED data', 'housingOfficerWithPurpose', 'Person', 'ethnicity', 'sanya', 'DENIED'],
  ['dashboards read no person names', 'statsDashboard', 'Person', 'name', 'haikou', 'DENIED'],
  ['dashboards read no person ids', 'statsDashboard', 'Person', 'id', 'haikou', 'DENIED'],
  ['dashboards see birth years', 'statsDashboard', 'Person', 'birthDate', 'haikou', 'MASKED'],
  ['dashboards read open data', 'statsDashboard', 'CreditProfile', 'onDishonestList', 'none', 'FULL'],
  ['security officers read UNCONDITIONAL names', 'securityOfficer', 'Person', 'name', 'haikou', 'FULL'],
  ['security officers see CONDITIONAL data masked', 'securityOfficer', 'Person', 'phone', 'haikou', 'MASKED'],
  ['security officers never see NOT_SHARED data', 'securityOfficer', 'Person', 'ethnicity', 'haikou', 'DENIED'],
  ['a masked view needs a mask strategy', 'securityOfficer', 'Person', 'healthRecord', 'haikou', 'DENIED'],
  ['security officers see health data masked', 'securityOfficer', 'HealthRecord', 'bloodType', 'none', 'MASKED'],
  ['unknown departments get only open data', 'unknownDept', 'Person', 'name', 'haikou', 'DENIED'],
  ['unknown departments still get open data', 'unknownDept', 'CreditProfile', 'onDishonestList', 'none', 'FULL'],
  ['unknown roles get nothing, not even owned data', 'unknownRole', 'HealthRecord', 'bloodType', 'none', 'DENIED'],
  ['uncatalogued fields are denied', 'securityOfficer', 'Person', 'secretNotes', 'haikou', 'DENIED'],
];

describe(fieldDecision.name, () => {
  it.each(matrix)('returns the expected decision: %s', (_case, who, type, field, record, expected) => {
    const { abilityFor } = setup();
    expect(fieldDecision(abilityFor(principals[who]), type, field, records[record])).toBe(expected);
  });

  it('returns the same decision on repeated calls (cached)', () => {
    const { abilityFor } = setup();
    const ability = abilityFor(principals.housingOfficer);
    for (let i = 0; i < 3; i++) {
      expect(fieldDecision(ability, 'Person', 'address', sanyaPerson)).toBe('FULL');
      expect(fieldDecision(ability, 'Person', 'address', haikouPerson)).toBe('DENIED');
      expect(fieldDecision(ability, 'Person', 'name')).toBe('FULL');
    }
  });

  it('returns FULL for __typename', () => {
    const { abilityFor } = setup();
    expect(fieldDecision(abilityFor(principals.public), 'Person', '__typename')).toBe('FULL');
  });

  it('returns DENIED when a condition field is not loaded on the record', () => {
    const { abilityFor } = setup();
    const { cityCode: _omitted, ...partial } = sanyaPerson;
    expect(fieldDecision(abilityFor(principals.housingOfficer), 'Person', 'address', partial)).toBe('DENIED');
    // For an inverted rule, unknown means forbidden too.
    const { cityCode: _omitted2, ...partialHaikou } = haikouPerson;
    expect(fieldDecision(abilityFor(principals.police), 'Person', 'name', partialHaikou)).toBe('DENIED');
  });

  it('returns FULL only while a grant has not expired', () => {
    const healthWithPurpose: Principal = { ...principals.healthAnalyst, purpose: 'epidemic-follow-up' };
    const { abilityFor } = setup();
    expect(fieldDecision(abilityFor(healthWithPurpose, new Date('2023-06-01T00:00:00Z')), 'Person', 'phone', haikouPerson)).toBe('FULL');
    expect(fieldDecision(abilityFor(healthWithPurpose, NOW), 'Person', 'phone', haikouPerson)).toBe('MASKED');
  });

  it('returns DENIED for a grant whose purpose does not match the caller', () => {
    const { abilityFor } = setup();
    const wrongPurpose: Principal = { ...principals.housingOfficer, purpose: 'tax-audit' };
    expect(fieldDecision(abilityFor(wrongPurpose), 'Person', 'idNumber', sanyaPerson)).toBe('DENIED');
  });

  it('returns DENIED for a grant to another department', () => {
    const { abilityFor } = setup();
    const police: Principal = { ...principals.police, dept: 'education', purpose: 'housing-subsidy-review' };
    expect(fieldDecision(abilityFor(police), 'Person', 'idNumber', sanyaPerson)).toBe('DENIED');
  });
});

describe(buildAbility.name, () => {
  it('returns an ability valid until the earliest applied grant expires', () => {
    const { abilityFor } = setup();
    expect(abilityFor(principals.housingOfficerWithPurpose).validUntil?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(abilityFor(principals.housingOfficer).validUntil).toBeNull();
  });

  it('returns policies of unknown roles ignored for callers with a known role too', () => {
    const { abilityFor } = setup();
    const mixed: Principal = { ...principals.healthAnalyst, roles: ['analyst', 'wizard'] };
    expect(fieldDecision(abilityFor(mixed), 'Person', 'name', haikouPerson)).toBe('MASKED');
  });

  it('returns a permission dropped and a restriction widened when the caller lacks the attribute', () => {
    const { abilityFor } = setup();
    const noRegionHousing: Principal = { ...principals.housingOfficer, region: null };
    expect(fieldDecision(abilityFor(noRegionHousing), 'Person', 'address', { ...sanyaPerson, cityCode: null })).toBe('DENIED');
    const noRegionPolice: Principal = { ...principals.police, region: null };
    const ability = abilityFor(noRegionPolice);
    expect(fieldDecision(ability, 'Person', 'name', haikouPerson)).toBe('DENIED');
    expect(explainField(ability, 'Person', 'name', haikouPerson).reason).toContain('the caller has no region');
  });

  it('throws a PolicyError naming an unknown placeholder', () => {
    const policies: RolePolicy[] = [
      { id: 'p-bad', dept: 'housing', role: 'officer', rules: [{ action: 'read', subject: 'Person', conditions: { cityCode: '${principal.phone}' } }] },
    ];
    const { abilityFor } = setup({ policies });
    expect(() => abilityFor(principals.housingOfficer)).toThrow(PolicyError);
    expect(() => abilityFor(principals.housingOfficer)).toThrow(/\$\{principal\.phone\}/);
  });

  it('throws a PolicyError for unknown departments, roles and actions in policies', () => {
    const bad = (policy: Partial<RolePolicy>) => () =>
      setup({ policies: [{ id: 'x', dept: 'housing', role: 'officer', rules: [], ...policy } as RolePolicy] }).abilityFor(principals.public);
    expect(bad({ dept: 'tourism' })).toThrow(/unknown department/);
    expect(bad({ role: 'wizard' })).toThrow(/unknown role/);
    expect(bad({ rules: [{ action: 'manage' as never, subject: 'Person' }] })).toThrow(/unknown action/);
  });

  it('throws a PolicyError for a malformed grant', () => {
    const grants: Grant[] = [{ id: 'G99', granteeDept: 'housing', subject: 'Person', fields: ['idNumber'], purpose: 'x', expiresAt: 'soon' }];
    const housing: Principal = { ...principals.housingOfficer, purpose: 'x' };
    expect(() => setup({ grants }).abilityFor(housing)).toThrow(/G99 has an expiry/);
    expect(() => setup({ grants }).abilityFor(principals.healthAnalyst)).not.toThrow(); // not their grant
  });

  it('throws a PolicyError for a region-limited grant on a type without a region field', () => {
    const grants: Grant[] = [
      { id: 'G20', granteeDept: 'housing', subject: 'CreditProfile', fields: ['score'], purpose: 'p', region: '460200', expiresAt: '2030-01-01T00:00:00Z' },
    ];
    const housing: Principal = { ...principals.housingOfficer, purpose: 'p' };
    expect(() => setup({ grants }).abilityFor(housing)).toThrow(/CreditProfile has no region field/);
  });

  it('returns DENIED everywhere, open data included, under an inverted rule on all subjects', () => {
    const policies: RolePolicy[] = [{ id: 'no-dev-data', dept: '*', role: 'developer', rules: [{ inverted: true, action: ['read', 'readMasked'], subject: 'all' }] }];
    const developer: Principal = { ...principals.healthAnalyst, roles: ['developer'] };
    const ability = setup({ policies }).abilityFor(developer);
    expect(fieldDecision(ability, 'HealthRecord', 'bloodType')).toBe('DENIED');
    expect(fieldDecision(ability, 'CreditProfile', 'onDishonestList')).toBe('DENIED');
    expect(explainField(ability, 'CreditProfile', 'onDishonestList').reason).toBe('policy no-dev-data: rule 1');
  });
});

describe(allows.name, () => {
  it('returns aggregate permissions separately from read', () => {
    const { abilityFor } = setup();
    const ability = abilityFor(principals.statsDashboard);
    expect(allows(ability, 'aggregate', 'Person', 'cityCode')).toBe(true);
    expect(allows(ability, 'aggregate', 'Person', 'name')).toBe(false);
    expect(allows(ability, 'read', 'Person', 'cityCode')).toBe(false);
  });

  it('returns writes allowed only by policy and only on fields the caller owns', () => {
    const policies: RolePolicy[] = [
      ...samplePolicies(),
      { id: 'updates', dept: '*', role: 'officer', rules: [{ action: 'update', subject: 'Person', fields: ['address', 'phone'] }] },
    ];
    const { abilityFor } = setup({ policies });
    expect(allows(abilityFor(principals.police), 'update', 'Person', 'address', haikouPerson)).toBe(true);
    expect(allows(abilityFor(principals.housingOfficer), 'update', 'Person', 'address', sanyaPerson)).toBe(false);
    expect(allows(abilityFor(principals.healthAnalyst), 'update', 'Person', 'address', sanyaPerson)).toBe(false);
  });
});
