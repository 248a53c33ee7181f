// Policy documents as officers edit them: validation paths, co-signature needs, tests, diffs and impact.
import { buildAbility, explainField } from '../../../auth';
import { diffDocuments, MAX_DIFF_EDITS, policyImpact, runPolicyTests, testsCovering, unifiedDiff, validateDocument, type FieldKinds } from '../../../auth/policy-document';
import { PROVINCE_POLICY } from '../../../auth/province-policy';
import { PROVINCE_POLICY_TESTS } from '../../../auth/province-policy-tests';
import { fieldKinds } from '../../../subgraphs/governance/explain';
import { PLATFORM_CATALOGUE } from '../../../subgraphs/platform-catalogue';

const check = (policies: unknown, tests: unknown = [], kinds: FieldKinds = fieldKinds) => validateDocument(JSON.stringify(policies), JSON.stringify(tests), PLATFORM_CATALOGUE, kinds);

describe('validateDocument', () => {
  it('accepts the province policy and its tests', () => {
    const result = check(PROVINCE_POLICY, PROVINCE_POLICY_TESTS);
    expect(result.problems).toEqual([]);
    expect(result.cosignaturesRequired).toEqual([]);
  });

  it('names the line and column of malformed JSON', () => {
    const result = validateDocument('[\n  {"id": "a",,}\n]', '[]', PLATFORM_CATALOGUE, fieldKinds);
    expect(result.problems[0].message).toMatch(/not valid JSON \(line 2, column \d+\)/);
  });

  it.each([
    [{ id: 'p1', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Nope' }] }, 'policies[0].rules[0].subject', /Unknown subject type/],
    [{ id: 'p1', dept: 'health', role: 'analyst', rules: [{ action: ['read', 'delete'], subject: 'Person' }] }, 'policies[0].rules[0].action[1]', /Unknown action "delete"/],
    [{ id: 'p1', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person', fields: ['name', 'x'] }] }, 'policies[0].rules[0].fields[1]', /Person\.x/],
    [{ id: 'p1', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person', conditions: { gender: 'X' } }] }, 'policies[0].rules[0].conditions.gender', /one of/],
    [{ id: 'p1', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person', conditions: { birthDate: { $gte: 1990 } } }] }, 'policies[0].rules[0].conditions.birthDate', /YYYY-MM-DD/],
    [{ id: 'p1', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person', conditions: { floating: { $like: '46%' } } }] }, 'policies[0].rules[0].conditions.floating', /\$like matches text/],
    [{ id: 'p1', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person', conditions: { household: 'h' } }] }, 'policies[0].rules[0].conditions.household', /scalar fields/],
    [{ id: 'p1', dept: 'nowhere', role: 'analyst', rules: [{ action: 'read', subject: 'Person' }] }, 'policies[0].dept', /Unknown department/],
    [{ id: 'P 1', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person' }] }, 'policies[0].id', /needs an id/],
    [{ id: 'p1', dept: 'health', role: 'analyst', rules: [] }, 'policies[0].rules', /non-empty array/],
    [{ id: 'p1', dept: 'health', role: 'officer', rules: [{ action: 'update', subject: 'Person', fields: ['phone'] }] }, 'policies[0].rules[0].fields', /maintained by public-security/],
    [{ id: 'p1', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person', fields: ['name'], overrideNotShared: true }] }, 'policies[0].rules[0].fields', /not NOT_SHARED/],
    [{ id: 'p1', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'all', fields: ['name'] }] }, 'policies[0].rules[0].fields', /specific subject/],
  ])('refuses %j at %s', (policy, path, message) => {
    const result = check([policy]);
    const problem = result.problems.find((p) => p.path === path);
    expect(problem?.message).toMatch(message);
  });

  it('requires the owner to co-sign an opening of NOT_SHARED fields, per owning department', () => {
    const result = check([{ id: 'p1', dept: 'public-security', role: 'officer', rules: [{ action: 'read', subject: 'HealthRecord', fields: ['allergies', 'chronicConditions'], overrideNotShared: true }] }]);
    expect(result.problems).toEqual([]);
    expect(result.cosignaturesRequired).toEqual([{ dept: 'health', fields: ['HealthRecord.allergies', 'HealthRecord.chronicConditions'] }]);
  });

  it('checks tests: unknown caller attributes, roles, types, fields and decisions', () => {
    const result = check([], [{ name: 't', caller: { dept: 'health', roles: ['boss'], city: 'x' }, type: 'Person', field: 'salary', expect: 'MAYBE' }]);
    expect(result.problems.map((p) => p.path).sort()).toEqual(['tests[0].caller.city', 'tests[0].caller.roles[0]', 'tests[0].expect', 'tests[0].field']);
  });
});

describe('overrideNotShared in abilities', () => {
  const caller = { kind: 'government' as const, sub: 'p', dept: 'public-security', roles: ['officer'], region: '460000', client: null, purpose: null };
  it('opens a NOT_SHARED field only through an overriding rule', () => {
    const plain = [{ id: 'p1', dept: 'public-security', role: 'officer', rules: [{ action: 'read' as const, subject: 'HealthRecord', fields: ['allergies'] }] }];
    const override = [{ id: 'p1', dept: 'public-security', role: 'officer', rules: [{ action: 'read' as const, subject: 'HealthRecord', fields: ['allergies'], overrideNotShared: true }] }];
    expect(explainField(buildAbility({ principal: caller, catalogue: PLATFORM_CATALOGUE, policies: plain, grants: [] }), 'HealthRecord', 'allergies').decision).toBe('DENIED');
    expect(explainField(buildAbility({ principal: caller, catalogue: PLATFORM_CATALOGUE, policies: override, grants: [] }), 'HealthRecord', 'allergies').decision).toBe('FULL');
    expect(explainField(buildAbility({ principal: caller, catalogue: PLATFORM_CATALOGUE, policies: override, grants: [] }), 'HealthRecord', 'chronicConditions').decision).toBe('DENIED');
  });
});

describe('tests, diffs and impact', () => {
  it('runs the province tests green and reports a wrong expectation', () => {
    expect(runPolicyTests(PROVINCE_POLICY, PROVINCE_POLICY_TESTS, PLATFORM_CATALOGUE).every((r) => r.passed)).toBe(true);
    const [result] = runPolicyTests(PROVINCE_POLICY, [{ name: 'wrong', caller: { dept: null, roles: [], region: null, purpose: null }, type: 'Person', field: 'name', expect: 'FULL' }], PLATFORM_CATALOGUE);
    expect(result).toMatchObject({ passed: false, actual: 'DENIED' });
  });

  it('diffs policies rule by rule', () => {
    const before = [{ id: 'a', dept: 'health', role: 'analyst', rules: [{ action: 'read' as const, subject: 'Person' }] }];
    const after = [{ id: 'a', dept: 'health', role: 'analyst', rules: [{ action: 'read' as const, subject: 'Person', fields: ['name'] }, { action: 'readMasked' as const, subject: 'Person' }] }, { id: 'b', dept: '*', role: 'app', rules: [{ action: 'read' as const, subject: 'Region' }] }];
    expect(diffDocuments(before, after).map((c) => `${c.kind} ${c.target} ${c.policyId} ${c.rule ?? ''}`)).toEqual(['CHANGED rule a 1', 'ADDED rule a 2', 'ADDED policy b ']);
  });

  it('writes a unified diff with hunks', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].join('\n');
    const b = ['1', '2', '3', '4', 'five', '6', '7', '8', '9', '10', '11', '12', '13'].join('\n');
    expect(unifiedDiff(a, b, 'v1', 'v2')).toBe(['--- v1', '+++ v2', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8', '@@ -10,3 +10,4 @@', ' 10', ' 11', ' 12', '+13', ''].join('\n'));
    expect(unifiedDiff(a, a, 'v1', 'v2')).toBe('--- v1\n+++ v2\n');
  });

  it('diffs two large dissimilar versions in bounded memory, and says when the change is too large to show', () => {
    // 10,000 lines each, nothing in common: a table of common subsequences would take (10,001)^2 integers (400 MB).
    const a = Array.from({ length: 10_000 }, (_, i) => `  "rule-a-${i}": true,`).join('\n');
    const b = Array.from({ length: 10_000 }, (_, i) => `  "rule-b-${i}": false,`).join('\n');
    const before = process.memoryUsage();
    const text = unifiedDiff(a, b, 'v1', 'v2');
    const after = process.memoryUsage();
    expect(text).toBe(`--- v1\n+++ v2\n(more than ${MAX_DIFF_EDITS} lines changed: too many to show line by line)\n`);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(50 * 1024 * 1024);
    expect(after.rss - before.rss).toBeLessThan(200 * 1024 * 1024);
    // A large document with a small change still gets its hunk.
    const edited = a.replace('"rule-a-5000": true', '"rule-a-5000": false');
    expect(unifiedDiff(a, edited, 'v1', 'v2')).toContain('@@ -4998,7 +4998,7 @@');
  });

  it('lists exactly who gains and who loses', () => {
    const after = [...PROVINCE_POLICY, { id: 'x', dept: 'credit', role: 'analyst', rules: [{ action: 'read' as const, subject: 'Person', fields: ['phone'] }] }];
    const changes = policyImpact(PROVINCE_POLICY, after, PLATFORM_CATALOGUE);
    expect(changes).toEqual([{ dept: 'credit', role: 'analyst', type: 'Person', field: 'phone', before: 'MASKED', after: 'FULL', direction: 'GAINS' }]);
  });
});

describe(testsCovering.name, () => {
  const cell = { dept: 'health', role: 'analyst', type: 'Person', field: 'phone' };
  const test = (name: string, over: Record<string, unknown> = {}) => ({ name, caller: { dept: 'health', roles: ['analyst'], region: null, purpose: null }, type: 'Person', field: 'phone', expect: 'FULL' as const, ...over });
  it('returns the read tests of the same field for a caller of the same department and role', () => {
    expect(testsCovering(cell, [
      test('covers'),
      test('also covers, with more roles', { caller: { dept: 'health', roles: ['officer', 'analyst'], region: '460100', purpose: null } }),
      test('other department', { caller: { dept: 'housing', roles: ['analyst'], region: null, purpose: null } }),
      test('other role', { caller: { dept: 'health', roles: ['officer'], region: null, purpose: null } }),
      test('other field', { field: 'name' }),
      test('aggregate test', { action: 'aggregate' }),
    ] as never)).toEqual(['covers', 'also covers, with more roles']);
  });
  it('returns nothing for a change no test checks', () => {
    expect(testsCovering(cell, [])).toEqual([]);
  });
});
