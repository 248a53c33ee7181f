// Edits to a policy document (auth/policy-edits.ts) judged with accessMatrix's cell code (governance's matrixDecider):
// every kind of change the policy language has, matrix cells and their co-signatures, the condition builder's
// vocabulary against the validator, and the preview's impact with the tests that cover each changed cell.
import { applyPolicyEdits, cellOptions, conditionVocabulary, matrixPolicyId, type PolicyEdit } from '../../../auth';
import { validateDocument } from '../../../auth/policy-document';
import { PROVINCE_POLICY } from '../../../auth/province-policy';
import { PROVINCE_POLICY_TESTS } from '../../../auth/province-policy-tests';
import { fieldKinds } from '../../../subgraphs/governance/explain';
import { catalogueFacts, matrixDecider, previewPolicyEdit } from '../../../subgraphs/governance/policy-editing';
import { PLATFORM_CATALOGUE } from '../../../subgraphs/platform-catalogue';

type Doc = Record<string, unknown>[];
const base = () => JSON.parse(JSON.stringify(PROVINCE_POLICY)) as Doc;
const tests = () => JSON.parse(JSON.stringify(PROVINCE_POLICY_TESTS)) as Doc;
const edit = (edits: PolicyEdit[], policies: Doc = base(), t: Doc = tests()) => applyPolicyEdits(policies, t, edits, matrixDecider, catalogueFacts);
const problemsOf = (policies: unknown, t: unknown = []) => validateDocument(JSON.stringify(policies), JSON.stringify(t), PLATFORM_CATALOGUE, fieldKinds).problems;
const decisionOf = (policies: unknown, type: string, field: string, dept: string, role: string) => matrixDecider(policies as never, { type, field, dept, role });
const phone = { type: 'Person', field: 'phone', dept: 'health', role: 'analyst' };

describe('setCell', () => {
  it('turns health analysts’ Person.phone from MASKED to FULL with one rule in the column’s matrix policy, last', () => {
    expect(decisionOf(base(), 'Person', 'phone', 'health', 'analyst').decision).toBe('MASKED');
    const out = edit([{ kind: 'setCell', ...phone, decision: 'FULL' }]);
    expect(out.problems).toEqual([]);
    expect(problemsOf(out.policies, out.tests)).toEqual([]);
    const last = out.policies[out.policies.length - 1]!;
    expect(last).toMatchObject({ id: matrixPolicyId('health', 'analyst'), dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person', fields: ['phone'] }] });
    expect(decisionOf(out.policies, 'Person', 'phone', 'health', 'analyst').decision).toBe('FULL');
    // Other columns are untouched.
    expect(decisionOf(out.policies, 'Person', 'phone', 'health', 'officer').decision).toBe('MASKED');
  });

  it('undoes itself: setting the cell back leaves the document as it was', () => {
    const full = edit([{ kind: 'setCell', ...phone, decision: 'FULL' }]);
    const back = edit([{ kind: 'setCell', ...phone, decision: 'MASKED' }], full.policies);
    expect(back.policies).toEqual(base());
  });

  it.each([
    ['MASKED', 'Person', 'name', 'housing', 'officer'],
    ['DENIED', 'Person', 'name', 'housing', 'officer'],
    ['AGGREGATE_ONLY', 'Person', 'name', 'housing', 'officer'],
    ['DENIED', 'Person', 'phone', 'health', 'analyst'],
    ['AGGREGATE_ONLY', 'Person', 'phone', 'health', 'analyst'],
    ['FULL', 'Person', 'phone', 'statistics', 'dashboard'],
  ] as const)('gives the cell %s (%s.%s for %s %s), validated and decided as the matrix decides', (decision, type, field, dept, role) => {
    const out = edit([{ kind: 'setCell', type, field, dept, role, decision }]);
    expect(out.problems).toEqual([]);
    expect(problemsOf(out.policies, out.tests)).toEqual([]);
    expect(decisionOf(out.policies, type, field, dept, role).decision).toBe(decision);
  });

  it('limits a decision to the records where a row condition holds', () => {
    const conditions = { hukouRegionCode: { $like: '${principal.regionPrefix}%' } };
    const out = edit([{ kind: 'setCell', ...phone, decision: 'FULL', conditions }]);
    expect(problemsOf(out.policies)).toEqual([]);
    const d = decisionOf(out.policies, 'Person', 'phone', 'health', 'analyst');
    expect(d).toEqual({ decision: 'MASKED', decisionInScope: 'FULL' });
  });

  it('opens a NOT_SHARED field only with overrideNotShared, and names the owner who must co-sign', () => {
    const cell = { type: 'HealthRecord', field: 'allergies', dept: 'public-security', role: 'officer' };
    const options = cellOptions(base(), cell, matrixDecider, catalogueFacts);
    expect(options).toContainEqual({ decision: 'FULL', needsCosignatureOf: 'health' });
    expect(options).toContainEqual({ decision: 'DENIED', needsCosignatureOf: null });
    const out = edit([{ kind: 'setCell', ...cell, decision: 'FULL' }]);
    expect(out.cosignedBy).toEqual(['health']);
    const rule = (out.policies.at(-1)!.rules as Record<string, unknown>[])[0];
    expect(rule).toMatchObject({ overrideNotShared: true });
    const checked = validateDocument(JSON.stringify(out.policies), '[]', PLATFORM_CATALOGUE, fieldKinds);
    expect(checked.problems).toEqual([]);
    expect(checked.cosignaturesRequired).toEqual([{ dept: 'health', fields: ['HealthRecord.allergies'] }]);
  });

  it('offers only decisions an edit reaches: a derived field is capped by its source', () => {
    const cell = { type: 'RatingFactors', field: 'loanHistory', dept: 'health', role: 'officer' };
    const source = decisionOf(base(), 'CreditProfile', 'loans', 'health', 'officer').decision;
    expect(source).not.toBe('FULL');
    const options = cellOptions(base(), cell, matrixDecider, catalogueFacts).map((o) => o.decision);
    expect(options).not.toContain('FULL');
    expect(options).toContain('DENIED');
    const out = edit([{ kind: 'setCell', ...cell, decision: 'FULL' }]);
    expect(out.problems).toEqual([{ edit: 0, message: expect.stringMatching(/cannot get RatingFactors\.loanHistory FULL/) }]);
    expect(out.policies).toEqual(base());
  });
});

describe('applyPolicyEdits', () => {
  const id = 'health-analyst-extra';
  const start: PolicyEdit[] = [{ kind: 'addPolicy', id, dept: 'health', role: 'analyst', description: 'Extra rules.' }];

  // Every rule key of the language, each through the edits (auth/policies.ts PolicyRule).
  it.each([
    ['action and subject lists', { action: ['read', 'readMasked'], subject: ['Person', 'Household'] }],
    ['fields', { action: 'read', subject: 'Person', fields: ['phone', 'name'] }],
    ['fieldsWith', { action: 'readMasked', subject: 'Person', fieldsWith: { sharing: 'CONDITIONAL', sensitivity: ['PERSONAL'] } }],
    ['subjectsWith', { action: ['read', 'readMasked'], subject: 'all', subjectsWith: { personal: true }, fieldsWith: { open: false }, inverted: true }],
    ['conditions', { action: 'read', subject: 'Person', fields: ['name'], conditions: { $or: [{ hukouRegionCode: { $like: '${principal.regionPrefix}%' } }, { floating: true }] } }],
    ['inverted and reason', { action: 'read', subject: 'Person', fields: ['name'], inverted: true, reason: 'names stay with the police' }],
    ['overrideNotShared', { action: 'read', subject: 'HealthRecord', fields: ['allergies'], overrideNotShared: true }],
  ])('adds a rule with %s, and the result validates', (_, rule) => {
    const out = edit([...start, { kind: 'addRule', policyId: id, rule }]);
    expect(out.problems).toEqual([]);
    expect(problemsOf(out.policies)).toEqual([]);
    expect(out.policies.find((p) => p.id === id)!.rules).toEqual([rule]);
  });

  it('replaces, moves, sets and removes rule keys, and removes rules', () => {
    const r1 = { action: 'read', subject: 'Person', fields: ['name'] };
    const r2 = { action: 'readMasked', subject: 'Person', fields: ['phone'] };
    const out = edit([
      ...start,
      { kind: 'addRule', policyId: id, rule: r1 },
      { kind: 'addRule', policyId: id, rule: r2, at: 0 },
      { kind: 'moveRule', policyId: id, index: 0, to: 1 },
      { kind: 'setRuleKey', policyId: id, index: 0, key: 'reason', value: 'names for screening' },
      { kind: 'setRuleKey', policyId: id, index: 1, key: 'fields', value: ['phone', 'address'] },
      { kind: 'replaceRule', policyId: id, index: 1, rule: { ...r2, fields: ['address'] } },
      { kind: 'setRuleKey', policyId: id, index: 0, key: 'reason' },
    ]);
    expect(out.problems).toEqual([]);
    expect(out.policies.find((p) => p.id === id)!.rules).toEqual([r1, { ...r2, fields: ['address'] }]);
    const removed = edit([{ kind: 'removeRule', policyId: id, index: 0 }], out.policies);
    expect(removed.policies.find((p) => p.id === id)!.rules).toEqual([{ ...r2, fields: ['address'] }]);
    expect(problemsOf(removed.policies)).toEqual([]);
  });

  it('adds, updates, moves and removes policies', () => {
    const out = edit([...start, { kind: 'updatePolicy', policyId: id, role: 'officer', description: 'Officers instead.' }, { kind: 'movePolicy', policyId: id, to: 0 }]);
    expect(out.policies[0]).toEqual({ id, dept: 'health', role: 'officer', description: 'Officers instead.', rules: [] });
    // A policy without rules is refused until a rule is added: the validator says so beside the editor.
    expect(problemsOf(out.policies)).toEqual([expect.objectContaining({ path: 'policies[0].rules' })]);
    const ruled = edit([{ kind: 'addRule', policyId: id, rule: { action: 'read', subject: 'Person', fields: ['name'] } }], out.policies);
    expect(problemsOf(ruled.policies)).toEqual([]);
    const gone = edit([{ kind: 'removePolicy', policyId: id }], out.policies);
    expect(gone.policies).toEqual(base());
  });

  it('adds and removes tests', () => {
    const test = { name: 'Health analysts read phones in full', caller: { dept: 'health', roles: ['analyst'] }, type: 'Person', field: 'phone', expect: 'FULL' };
    const out = edit([{ kind: 'removeTest', name: 'Health analysts see phones masked' }, { kind: 'addTest', test }]);
    expect(out.tests).toContainEqual(test);
    expect(out.tests.some((t) => t.name === 'Health analysts see phones masked')).toBe(false);
    expect(problemsOf(out.policies, out.tests)).toEqual([]);
  });

  it('reports an edit that cannot apply, skips it and applies the rest', () => {
    const out = edit([
      { kind: 'removeRule', policyId: 'no-such-policy', index: 0 },
      { kind: 'removeRule', policyId: 'masked-identity-analyst', index: 9 },
      { kind: 'addPolicy', id: 'masked-identity-analyst', dept: '*', role: 'analyst' },
      { kind: 'removeTest', name: 'nope' },
      { kind: 'setCell', ...phone, decision: 'FULL' },
    ]);
    expect(out.problems.map((p) => p.edit)).toEqual([0, 1, 2, 3]);
    expect(out.problems[0]!.message).toMatch(/no policy "no-such-policy"/);
    expect(out.problems[1]!.message).toMatch(/Rule 9 is out of range/);
    expect(decisionOf(out.policies, 'Person', 'phone', 'health', 'analyst').decision).toBe('FULL');
  });
});

describe('conditionVocabulary', () => {
  const sample: Record<string, unknown> = { string: '460105', number: 1, date: '2000-01-01', boolean: true };
  const types = ['Person', 'HealthRecord', 'Enterprise', 'GrantRequest', 'CreditProfile'];

  it('offers only fields, operators and caller attributes the validator accepts', () => {
    let offered = 0;
    for (const type of types) {
      for (const f of conditionVocabulary(type, PLATFORM_CATALOGUE, fieldKinds)) {
        const value = f.kind === 'enum' ? f.values[0] : sample[f.kind];
        const conditions: Record<string, unknown>[] = [];
        for (const op of f.operators) {
          const v = op === '$like' ? '46%' : op === '$in' || op === '$nin' ? [value] : value;
          conditions.push({ [f.name]: { [op]: v } }, { [f.name]: { $not: { [op]: v } } });
        }
        for (const a of f.attributes) conditions.push({ [f.name]: `\${principal.${a}}` }, { [f.name]: { $like: `\${principal.${a}}%` } }, { [f.name]: { $in: [`\${principal.${a}}`] } });
        conditions.push({ [f.name]: null }, { [f.name]: { $ne: null } });
        for (const c of conditions) {
          offered += 1;
          expect([c, problemsOf([{ id: 'probe', dept: '*', role: 'analyst', rules: [{ action: 'read', subject: type, conditions: c }] }])]).toEqual([c, []]);
        }
      }
    }
    expect(offered).toBeGreaterThan(100);
  });

  it('leaves out what the validator refuses: composite and computed fields, $like beyond text, order on enums and booleans', () => {
    const person = conditionVocabulary('Person', PLATFORM_CATALOGUE, fieldKinds);
    const names = person.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['hukouRegionCode', 'gender', 'birthDate', 'floating']));
    expect(names).not.toContain('household');
    for (const type of types) {
      for (const name of Object.keys(PLATFORM_CATALOGUE[type]!.fields)) {
        const f = conditionVocabulary(type, PLATFORM_CATALOGUE, fieldKinds).find((x) => x.name === name);
        const probe = (c: unknown) => problemsOf([{ id: 'probe', dept: '*', role: 'analyst', rules: [{ action: 'read', subject: type, conditions: c }] }]);
        if (!f) expect(probe({ [name]: '1' })).not.toEqual([]);
        else if (!f.operators.includes('$like')) expect(probe({ [name]: { $like: '46%' } })).not.toEqual([]);
        if (f && !f.operators.includes('$lt')) expect(probe({ [name]: { $lt: f.values[0] ?? true } })).not.toEqual([]);
      }
    }
  });
});

describe('previewPolicyEdit', () => {
  const input = (extraTests: Doc = []) => ({
    basedOn: 1,
    policies: JSON.stringify(PROVINCE_POLICY),
    tests: JSON.stringify([...PROVINCE_POLICY_TESTS.filter((t) => t.name !== 'Health analysts see phones masked'), ...extraTests]),
    edits: [{ kind: 'SET_CELL' as const, type: 'Person', field: 'phone', dept: 'health', role: 'analyst', decision: 'FULL' as const }],
    type: 'Person',
    active: [...PROVINCE_POLICY],
  });

  it('returns the edited document, valid, its impact and the matrix under it; an uncovered change has no test', () => {
    const out = previewPolicyEdit(input() as never);
    expect(out.valid).toBe(true);
    expect(JSON.parse(out.policies).at(-1).id).toBe('matrix-health-analyst');
    expect(out.impact).toEqual([{ dept: 'health', role: 'analyst', type: 'Person', field: 'phone', before: 'MASKED', after: 'FULL', direction: 'GAINS', coveredBy: [] }]);
    const row = out.matrix!.rows.find((r) => r.field === 'phone')!;
    expect(row.cells.find((c) => c.dept === 'health' && c.role === 'analyst')!.decision).toBe('FULL');
  });

  it('names the test that covers the changed cell', () => {
    const covering = { name: 'Health analysts read phones in full', caller: { dept: 'health', roles: ['analyst'], region: '460000', purpose: null }, type: 'Person', field: 'phone', expect: 'FULL' };
    const out = previewPolicyEdit(input([covering]) as never);
    expect(out.impact[0]!.coveredBy).toEqual(['Health analysts read phones in full']);
    expect(out.failingTests).toEqual([]);
  });

  it('lists the stored tests the edit makes fail', () => {
    const out = previewPolicyEdit({ ...input(), tests: JSON.stringify(PROVINCE_POLICY_TESTS) } as never);
    expect(out.failingTests).toEqual([expect.objectContaining({ name: 'Health analysts see phones masked', expected: 'MASKED', actual: 'FULL' })]);
  });

  it('lists validation problems and no impact while the document is invalid', () => {
    const bad = { ...input(), edits: [{ kind: 'ADD_RULE' as const, policyId: 'masked-identity-analyst', rule: JSON.stringify({ action: 'read', subject: 'Person', fields: ['phoneNumber'] }) }] };
    const out = previewPolicyEdit(bad as never);
    expect(out.valid).toBe(false);
    expect(out.problems[0]!.message).toMatch(/Person\.phoneNumber/);
    expect(out.impact).toEqual([]);
    expect(out.matrix).toBeNull();
  });
});
