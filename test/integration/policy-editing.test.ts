/**
 * Editing policies as cells and conditions through the gateway (issue 18): previewPolicyEdit, policyCellOptions,
 * policyConditionVocabulary and describePolicyCondition answer security officers and auditors, store nothing, refuse
 * everyone else (FORBIDDEN) and name the argument of bad input (BAD_USER_INPUT).
 */
import { startPlatform, type Platform } from '../support/platform';

let platform: Platform;
let so: Record<string, string>;
let officer: Record<string, string>;

beforeAll(async () => {
  platform = await startPlatform('policy-editing', { persons: 20 });
  so = await platform.as({ sub: 'so-edit', dept: 'data-bureau', roles: ['security-officer'] });
  officer = await platform.as({ sub: 'off-1', dept: 'health', roles: ['officer'] });
});
afterAll(async () => {
  await platform?.stop();
});

const PREVIEW = `query($basedOn: Int!, $policies: String, $edits: [PolicyEditInput!]!, $type: String) {
  previewPolicyEdit(basedOn: $basedOn, policies: $policies, edits: $edits, type: $type) {
    policies valid editProblems { edit message } problems { path message } cosignaturesRequired { dept fields }
    impact { dept role type field before after direction coveredBy } failingTests { name expected actual }
    matrix { rows { field cells { dept role decision } } }
  }
}`;
const OPTIONS = `query($policies: String!, $type: String!, $field: String!, $dept: String!, $role: String!) {
  policyCellOptions(policies: $policies, type: $type, field: $field, dept: $dept, role: $role) { decision needsCosignatureOf }
}`;
const VOCABULARY = `query($type: String!) { policyConditionVocabulary(type: $type) { name kind values operators attributes } }`;
const DESCRIBE = `query($type: String!, $conditions: String!) { describePolicyCondition(type: $type, conditions: $conditions) { text problems { path message } } }`;
const LANGUAGE = `{ policyLanguage { departments roles actions ruleKeys fieldSelectorKeys subjectSelectorKeys sharingTypes sensitivities testExpectations testActions } }`;
const VALIDATE = `query($policies: String!, $tests: String) { validatePolicies(policies: $policies, tests: $tests) { valid problems { path message } } }`;
const ACTIVE = `{ activePolicyVersion { number document } policyVersions(first: 100) { totalCount } }`;

const phoneFull = { kind: 'SET_CELL', type: 'Person', field: 'phone', dept: 'health', role: 'analyst', decision: 'FULL' };

describe('previewPolicyEdit', () => {
  it('edits the active document, validates it, answers impact, failing tests and the matrix, and stores nothing', async () => {
    const before = (await platform.query(ACTIVE, undefined, so)).data;
    const res = await platform.query(PREVIEW, { basedOn: before.activePolicyVersion.number, edits: [phoneFull], type: 'Person' }, so);
    expect(res.errors).toBeUndefined();
    const p = res.data.previewPolicyEdit;
    expect(p.valid).toBe(true);
    expect(JSON.parse(p.policies).at(-1)).toMatchObject({ id: 'matrix-health-analyst', rules: [{ action: 'read', subject: 'Person', fields: ['phone'] }] });
    expect(p.impact).toEqual([{ dept: 'health', role: 'analyst', type: 'Person', field: 'phone', before: 'MASKED', after: 'FULL', direction: 'GAINS', coveredBy: ['Health analysts see phones masked'] }]);
    expect(p.failingTests).toEqual([{ name: 'Health analysts see phones masked', expected: 'MASKED', actual: 'FULL' }]);
    const cell = p.matrix.rows.find((r: { field: string }) => r.field === 'phone').cells.find((c: { dept: string; role: string }) => c.dept === 'health' && c.role === 'analyst');
    expect(cell.decision).toBe('FULL');
    const after = (await platform.query(ACTIVE, undefined, so)).data;
    expect(after).toEqual(before);
  });

  it('marks a NOT_SHARED opening as needing the owner’s co-signature', async () => {
    const { activePolicyVersion: v } = (await platform.query(ACTIVE, undefined, so)).data;
    const options = await platform.query(OPTIONS, { policies: v.document, type: 'HealthRecord', field: 'allergies', dept: 'public-security', role: 'officer' }, so);
    expect(options.data.policyCellOptions).toContainEqual({ decision: 'FULL', needsCosignatureOf: 'health' });
    const res = await platform.query(PREVIEW, { basedOn: v.number, edits: [{ kind: 'SET_CELL', type: 'HealthRecord', field: 'allergies', dept: 'public-security', role: 'officer', decision: 'FULL' }] }, so);
    expect(res.data.previewPolicyEdit.cosignaturesRequired).toEqual([{ dept: 'health', fields: ['HealthRecord.allergies'] }]);
  });

  it('reports an edit that cannot apply, and the validator’s problems with a hand-made rule', async () => {
    const { activePolicyVersion: v } = (await platform.query(ACTIVE, undefined, so)).data;
    const res = await platform.query(PREVIEW, {
      basedOn: v.number,
      edits: [{ kind: 'REMOVE_RULE', policyId: 'nope', index: 0 }, { kind: 'ADD_RULE', policyId: 'masked-identity-analyst', rule: JSON.stringify({ action: 'read', subject: 'Person', fields: ['phoneNumber'] }) }],
    }, so);
    const p = res.data.previewPolicyEdit;
    expect(p.editProblems).toEqual([{ edit: 0, message: 'There is no policy "nope" in the document.' }]);
    expect(p.valid).toBe(false);
    expect(p.problems[0].message).toMatch(/Person\.phoneNumber/);
    expect(p.impact).toEqual([]);
  });

  it.each([
    [{ edits: [{ kind: 'SET_CELL', type: 'Person', dept: 'health', role: 'analyst', decision: 'FULL' }] }, 'edits[0].field'],
    [{ edits: [{ ...phoneFull, type: 'Persn' }] }, 'type'],
    [{ edits: [{ kind: 'SET_RULE_KEY', policyId: 'masked-identity-analyst', index: 0, key: 'colour', value: '"red"' }] }, 'edits[0].key'],
    [{ edits: [{ kind: 'ADD_RULE', policyId: 'masked-identity-analyst', rule: '{"action": ' }] }, 'edits[0].rule'],
    [{ edits: [], policies: '{"not": "an array"}' }, 'policies'],
    [{ edits: [{ ...phoneFull, dept: 'heath' }] }, 'edits[0].dept'],
    [{ edits: [{ ...phoneFull, role: 'analysts' }] }, 'edits[0].role'],
  ])('names the bad argument: BAD_USER_INPUT (%#)', async (vars, argumentName) => {
    const res = await platform.query(PREVIEW, { basedOn: 1, ...vars }, so);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(res.data).toBeNull();
  });
});

describe('the condition builder’s queries', () => {
  it('offers the validator’s vocabulary and puts a condition in words with its problems', async () => {
    const v = (await platform.query(VOCABULARY, { type: 'Person' }, so)).data.policyConditionVocabulary;
    expect(v.find((f: { name: string }) => f.name === 'hukouRegionCode')).toMatchObject({ kind: 'string', attributes: ['region', 'regionPrefix', 'dept', 'sub'] });
    expect(v.find((f: { name: string }) => f.name === 'gender').operators).toEqual(['$eq', '$ne', '$in', '$nin']);
    const ok = (await platform.query(DESCRIBE, { type: 'Person', conditions: JSON.stringify({ hukouRegionCode: { $like: '${principal.regionPrefix}%' } }) }, so)).data.describePolicyCondition;
    expect(ok).toEqual({ text: "hukouRegionCode is in the caller's own region", problems: [] });
    const bad = (await platform.query(DESCRIBE, { type: 'Person', conditions: JSON.stringify({ gender: { $like: 'M%' } }) }, so)).data.describePolicyCondition;
    expect(bad.problems[0].message).toMatch(/\$like/);
  });
});

describe('the policy forms’ vocabulary (policyLanguage)', () => {
  it('offers exactly what the validator accepts: every value offered passes, a value beside the lists is refused', async () => {
    const res = await platform.query(LANGUAGE, undefined, so);
    expect(res.errors).toBeUndefined();
    const l = res.data.policyLanguage;
    expect(l.actions).toEqual(['read', 'readMasked', 'aggregate', 'create', 'update']);
    expect(l.departments).toContain('public-security');
    expect(l.roles).toContain('security-officer');
    expect(l.fieldSelectorKeys).toEqual(['owner', 'sharing', 'sensitivity', 'open', 'personal']);
    expect(l.subjectSelectorKeys).toEqual(['owner', 'personal']);
    expect(l.testExpectations).toEqual(['FULL', 'MASKED', 'DENIED']);
    expect(l.testActions).toEqual(['read', 'aggregate']);
    // One policy per department and role, with a rule per action and a field selector per catalogue value.
    const policies = l.departments.flatMap((dept: string) => l.roles.map((role: string) => ({
      id: `p-${dept}-${role}`, dept, role,
      rules: [
        ...l.actions.filter((a: string) => a === 'read' || a === 'readMasked' || a === 'aggregate').map((action: string) => ({ action, subject: 'Person', fields: ['gender'] })),
        ...l.sensitivities.map((sensitivity: string) => ({ action: 'aggregate', subject: 'Person', fieldsWith: { sensitivity, owner: l.departments, sharing: l.sharingTypes } })),
        ...l.actions.map((action: string) => ({ action, subject: 'all', subjectsWith: { owner: dept, personal: false } })),
      ],
    })));
    const tests = l.testExpectations.map((expect: string, i: number) => ({ name: `t${i}`, caller: { dept: 'health', roles: l.roles, region: '460100', purpose: null }, type: 'Person', field: 'gender', ...(i === 0 ? { action: l.testActions[1] } : {}), expect }));
    const ok = (await platform.query(VALIDATE, { policies: JSON.stringify(policies), tests: JSON.stringify(tests) }, so)).data.validatePolicies;
    expect(ok.problems).toEqual([]);
    const beside = [{ id: 'p', dept: 'health', role: 'analyst', rules: [{ action: 'manage', subject: 'Person' }, { action: 'read', subject: 'Person', fieldsWith: { colour: 'red' } }] }];
    const bad = (await platform.query(VALIDATE, { policies: JSON.stringify(beside) }, so)).data.validatePolicies;
    expect(bad.problems.map((p: { path: string }) => p.path)).toEqual(expect.arrayContaining([expect.stringMatching(/rules\[0\]\.action/), expect.stringMatching(/rules\[1\]\.fieldsWith/)]));
  });
});

describe('who may ask', () => {
  it('refuses plain officers: FORBIDDEN', async () => {
    const queries: [string, Record<string, unknown>][] = [
      [PREVIEW, { basedOn: 1, edits: [phoneFull] }],
      [OPTIONS, { policies: '[]', type: 'Person', field: 'phone', dept: 'health', role: 'analyst' }],
      [VOCABULARY, { type: 'Person' }],
      [LANGUAGE, {}],
      [DESCRIBE, { type: 'Person', conditions: '{"floating": true}' }],
    ];
    for (const [query, vars] of queries) {
      const res = await platform.query(query, vars, officer);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});
