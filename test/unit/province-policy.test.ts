import { buildAbility, checkPolicies, compilePolicies, defineCatalogue, field, fieldDecision, mergeCatalogues, validateDocument, type Principal } from '../../auth';
import { PROVINCE_POLICY } from '../../auth/province-policy';
import { PLATFORM_CATALOGUE } from '../../subgraphs/platform-catalogue';

describe('PROVINCE_POLICY', () => {
  it('returns no problem against the whole platform catalogue: every subject, field and action exists', () => {
    expect(checkPolicies(PROVINCE_POLICY, PLATFORM_CATALOGUE)).toEqual([]);
  });
});

/**
 * The province's restrictions are written over catalogue properties, not over lists of types or fields: a field or
 * a type catalogued tomorrow is covered the moment it is catalogued. These add a synthetic personal field to Person
 * (owned by another department, served by another subgraph) and a synthetic personal type, and show both denied to
 * the callers each restriction means, and still readable by those it does not.
 */
describe('PROVINCE_POLICY over a catalogue that grew', () => {
  const grown = mergeCatalogues(
    PLATFORM_CATALOGUE,
    defineCatalogue('housing', {
      Person: { owner: 'public-security', extension: true, fields: { tenancy: field('UNCONDITIONAL', { owner: 'housing', sensitivity: 'PERSONAL' }) } },
      Tenancy: { regionField: 'regionCode', fields: { id: field('UNCONDITIONAL'), rent: field('UNCONDITIONAL', { sensitivity: 'PERSONAL' }), regionCode: field('UNCONDITIONAL') } },
    }),
  );
  const principal = (dept: string, role: string, region: string | null): Principal => ({ kind: 'government', sub: `${dept}-${role}`, dept, roles: [role], region, client: null, purpose: null });
  const decide = (p: Principal, type: string, f: string, record?: Record<string, unknown>) =>
    fieldDecision(buildAbility({ principal: p, catalogue: grown, policies: PROVINCE_POLICY, grants: [] }), type, f, record);
  const sanyaPerson = { id: 'p1', hukouRegionCode: '460202', addressRegionCode: '460202' };
  const haikouPerson = { id: 'p2', hukouRegionCode: '460105', addressRegionCode: '460105' };

  it('denies a new Person field of another department to police outside their area, and gives it inside', () => {
    const police = principal('public-security', 'officer', '460100');
    expect(decide(police, 'Person', 'tenancy', sanyaPerson)).toBe('DENIED');
    expect(decide(police, 'Person', 'tenancy', haikouPerson)).toBe('FULL');
    // Unknown scope columns (a subgraph that did not ask the owner) never open the field.
    expect(decide(police, 'Person', 'tenancy', { id: 'p3' })).toBe('DENIED');
    expect(decide(principal('public-security', 'officer', '460000'), 'Person', 'tenancy', sanyaPerson)).toBe('FULL');
  });

  it('denies a new personal type and a new personal field to dashboard accounts, and leaves them to officers', () => {
    const dashboard = principal('statistics', 'dashboard', '460000');
    expect(decide(dashboard, 'Tenancy', 'rent')).toBe('DENIED');
    expect(decide(dashboard, 'Tenancy', 'id')).toBe('DENIED');
    expect(decide(dashboard, 'Person', 'tenancy')).toBe('DENIED');
    expect(decide(principal('health', 'officer', '460000'), 'Tenancy', 'rent')).toBe('FULL');
  });

  it('keeps open data and statistics readable by dashboard accounts', () => {
    const dashboard = principal('statistics', 'dashboard', '460000');
    expect(decide(dashboard, 'Region', 'name')).toBe('FULL');
    expect(decide(dashboard, 'Region', 'residents')).toBe('FULL');
    expect(decide(dashboard, 'StatisticsValue', 'value')).toBe('FULL');
    expect(decide(dashboard, 'Enterprise', 'name')).toBe('FULL');
    expect(decide(dashboard, 'Person', 'id')).toBe('DENIED');
    expect(decide(dashboard, 'TaxRegistration', 'taxpayerNumber')).toBe('DENIED');
  });

  it('names no field and no type of the catalogue by hand in its restrictions', () => {
    for (const id of ['dashboards-no-records', 'police-own-area']) {
      const policy = PROVINCE_POLICY.find((p) => p.id === id)!;
      for (const rule of policy.rules) expect(rule.fields).toBeUndefined();
      expect(policy.rules.every((r) => r.subject === 'all' || r.subject === 'Person')).toBe(true);
    }
  });
});

describe('catalogue selectors in policy rules', () => {
  const compile = (rule: Record<string, unknown>) => () => compilePolicies([{ id: 'p', dept: '*', role: 'officer', rules: [rule as never] }]);

  it('refuses unknown properties, unknown values, and a selector beside a fields list', () => {
    expect(compile({ action: 'read', subject: 'all', fieldsWith: { colour: 'red' } })).toThrow(/unknown catalogue property "colour"/);
    expect(compile({ action: 'read', subject: 'all', fieldsWith: { sharing: 'SOMETIMES' } })).toThrow(/sharing type/);
    expect(compile({ action: 'read', subject: 'all', fieldsWith: { open: 'yes' } })).toThrow(/true or false/);
    expect(compile({ action: 'read', subject: 'Person', fields: ['name'], fieldsWith: { open: true } })).toThrow(/not both/);
    expect(compile({ action: 'read', subject: 'all', subjectsWith: {} })).toThrow(/not an object of catalogue properties/);
  });

  it('reports selector problems with their path in a policy document', () => {
    const doc = JSON.stringify([{ id: 'p-1', dept: '*', role: 'officer', rules: [{ action: 'read', subject: 'all', fieldsWith: { sensitivity: 'SECRET' }, inverted: true }] }]);
    const { problems } = validateDocument(doc, '[]', PLATFORM_CATALOGUE, () => undefined);
    expect(problems).toEqual([expect.objectContaining({ path: 'policies[0].rules[0].fieldsWith', message: expect.stringMatching(/sensitivity/) })]);
  });
});
