/**
 * Governance through the gateway: policy versions and their workflow (four eyes, tests, co-signatures, stale
 * drafts), validation, diff, explain, impact, conditional-sharing requests, and changes reaching every subgraph
 * without a restart. Every refused step must change nothing.
 */
import { startPlatform, type Platform } from '../support/platform';
import { GrantRequestRecord } from '../../subgraphs/governance/entities';
import { todayInChina } from '../../subgraphs/kit/scalars';

let platform: Platform;
const callers: Record<string, Record<string, string>> = {};

const PRINCIPALS = {
  officerA: { sub: 'so-alice', dept: 'data-bureau', roles: ['security-officer'] },
  officerB: { sub: 'so-bob', dept: 'data-bureau', roles: ['security-officer'] },
  healthSO: { sub: 'so-health', dept: 'health', roles: ['security-officer'] },
  policeSO: { sub: 'so-police', dept: 'public-security', roles: ['security-officer'] },
  auditor: { sub: 'aud-1', dept: 'data-bureau', roles: ['auditor'] },
  healthAnalyst: { sub: 'health-1', dept: 'health', roles: ['analyst'], region: '460000' },
  healthOfficer: { sub: 'health-2', dept: 'health', roles: ['officer'], region: '460000' },
  policeProvince: { sub: 'police-hq', dept: 'public-security', roles: ['officer'], region: '460000' },
  educationOfficer: { sub: 'edu-1', dept: 'education', roles: ['officer'], region: '460000' },
};
type Who = keyof typeof PRINCIPALS | 'public';

const as = (who: Who, query: string, variables?: Record<string, unknown>, purpose?: string) =>
  platform.query(query, variables, { ...(who === 'public' ? {} : callers[who]), ...(purpose ? { 'x-purpose': purpose } : {}) });

const VERSION_FIELDS = 'number state basedOn author reason document testsDocument cosignatures { dept fields signedBy } history { action actor fromState toState reason }';

async function active(): Promise<{ number: number; document: string; testsDocument: string }> {
  const res = await as('auditor', `{ activePolicyVersion { number document testsDocument } }`);
  expect(res.errors).toBeUndefined();
  return res.data.activePolicyVersion;
}

async function versionCount(): Promise<number> {
  const res = await as('auditor', `{ policyVersions(first: 1) { totalCount } }`);
  return res.data.policyVersions.totalCount;
}

async function draft(who: Who, policies: unknown, options: { tests?: unknown; basedOn?: number; reason?: string } = {}) {
  return as(who, `mutation($input: DraftPolicyInput!) { draftPolicyVersion(input: $input) { ${VERSION_FIELDS} } }`, {
    input: {
      policies: typeof policies === 'string' ? policies : JSON.stringify(policies),
      tests: options.tests === undefined ? null : JSON.stringify(options.tests),
      basedOn: options.basedOn ?? null,
      reason: options.reason ?? 'test change',
    },
  });
}

const step = (who: Who, mutation: string, number: number, reason: string | null = 'reviewed') =>
  as(who, `mutation($n: Int!, $r: String${mutation === 'rejectPolicyVersion' || mutation === 'cosignPolicyVersion' ? '!' : ''}) { ${mutation}(number: $n, reason: $r) { ${VERSION_FIELDS} } }`, { n: number, r: reason });

/** Polls until `check` passes: changes reach subgraphs asynchronously (hot reload), never by restart. */
async function eventually<T>(fn: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await fn();
  while (!check(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await fn();
  }
  return value;
}

const phoneOf = async (who: Who, purpose?: string) => {
  const res = await as(who, `{ persons(first: 1, filter: { status: LIVING }) { edges { node { id phone } } } }`, undefined, purpose);
  return res;
};

beforeAll(async () => {
  platform = await startPlatform('governance', { persons: 200, seed: 5 });
  for (const [name, claims] of Object.entries(PRINCIPALS)) callers[name] = await platform.as(claims);
});
afterAll(async () => {
  await platform?.stop();
});

describe('the first version', () => {
  it('is the province policy, active, with tests that pass', async () => {
    const res = await as('auditor', `{ activePolicyVersion { number state author tests { name } } runPolicyTests { version passed failed results { name passed actual } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.activePolicyVersion).toMatchObject({ number: 1, state: 'ACTIVE', author: 'system' });
    expect(res.data.runPolicyTests.failed).toBe(0);
    expect(res.data.runPolicyTests.passed).toBeGreaterThan(10);
  });

  it('is readable by government callers but not by the public', async () => {
    const pub = await as('public', `{ activePolicyVersion { number } }`);
    expect(pub.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const officer = await as('educationOfficer', `{ policies { id } }`);
    expect(officer.data.policies.map((p: any) => p.id)).toContain('police-own-area');
  });
});

describe('validation: precise errors, nothing stored', () => {
  const cases: [string, unknown, RegExp][] = [
    ['malformed JSON', '[{"id": "x",', /not valid JSON/],
    ['an unknown subject type', [{ id: 'bad-type', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Persn' }] }], /Unknown subject type "Persn"/],
    ['an unknown field', [{ id: 'bad-field', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person', fields: ['phoneNumber'] }] }], /Unknown field Person\.phoneNumber/],
    ['an unknown action', [{ id: 'bad-action', dept: 'health', role: 'analyst', rules: [{ action: 'manage', subject: 'Person' }] }], /Unknown action "manage"/],
    ['an unknown caller attribute', [{ id: 'bad-attr', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person', conditions: { hukouRegionCode: '${principal.city}' } }] }], /unknown placeholder/],
    ['a condition on an unknown field', [{ id: 'bad-cond', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person', conditions: { town: '460100' } }] }], /Person\.town/],
    ['a condition of the wrong type', [{ id: 'bad-cond-type', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person', conditions: { floating: 'yes' } }] }], /takes true or false/],
    ['a condition on a computed field', [{ id: 'bad-cond-computed', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person', conditions: { age: { $gte: 18 } } }] }], /computed, not a stored column/],
    ['an unknown role', [{ id: 'bad-role', dept: 'health', role: 'superuser', rules: [{ action: 'read', subject: 'Person' }] }], /Unknown role "superuser"/],
    ['an unknown key (a typo)', [{ id: 'typo', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person', feilds: ['name'] }] }], /unknown key "feilds"/],
    ['NOT_SHARED fields opened without co-signature', [{ id: 'open-health', dept: 'public-security', role: 'officer', rules: [{ action: 'read', subject: 'HealthRecord', fields: ['allergies'] }] }], /NOT_SHARED data of health.*co-sign/],
  ];
  it.each(cases)('refuses %s', async (_name, doc, message) => {
    const before = await versionCount();
    const current = await active();
    const policies = typeof doc === 'string' ? doc : JSON.stringify([...JSON.parse(current.document), ...(doc as unknown[])]);
    const res = await draft('officerA', policies);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(message);
    const problems = res.errors?.[0].extensions?.problems as { path: string; message: string }[];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => message.test(p.message))).toBe(true);
    expect(await versionCount()).toBe(before);
  });

  it('validatePolicies reports the same problems with paths, storing nothing', async () => {
    const res = await as('officerA', `query($p: String!) { validatePolicies(policies: $p) { valid problems { path policyId rule message } } }`, {
      p: JSON.stringify([{ id: 'x1', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Person' }, { action: 'read', subject: 'Person', fields: ['nope'] }] }]),
    });
    expect(res.data.validatePolicies.valid).toBe(false);
    expect(res.data.validatePolicies.problems).toEqual([expect.objectContaining({ path: 'policies[0].rules[1].fields[0]', policyId: 'x1', rule: 2 })]);
  });

  it('only security officers edit; auditors read but change nothing', async () => {
    const current = await active();
    for (const who of ['auditor', 'healthAnalyst', 'public'] as Who[]) {
      const res = await draft(who, current.document);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const res = await as('auditor', `{ policyVersions { edges { node { number state history { action } } } } }`);
    expect(res.errors).toBeUndefined();
  });
});

describe('policy versions page newest first', () => {
  it('returns each version once across pages of one, newest first, and refuses a cursor it did not issue', async () => {
    const all = await as('auditor', `{ policyVersions(first: 100) { edges { node { number } } } }`);
    const expected = all.data.policyVersions.edges.map((e: { node: { number: number } }) => e.node.number);
    expect(expected.length).toBeGreaterThan(0);
    expect([...expected].sort((a, b) => b - a)).toEqual(expected);
    const seen: number[] = [];
    let after: string | null = null;
    for (let i = 0; i <= expected.length; i++) {
      const page: any = await as('auditor', `query ($after: String) { policyVersions(first: 1, after: $after) { edges { node { number } } pageInfo { hasNextPage endCursor } } }`, { after });
      seen.push(...page.data.policyVersions.edges.map((e: { node: { number: number } }) => e.node.number));
      if (!page.data.policyVersions.pageInfo.hasNextPage) break;
      after = page.data.policyVersions.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    const forged = Buffer.from('k:abc', 'utf8').toString('base64url');
    const bad = await as('auditor', `{ policyVersions(first: 1, after: "${forged}") { totalCount } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the workflow: draft, review, approval by a second officer, activation', () => {
  let number: number;
  const analystPhone = { id: 'health-analysts-phone', dept: 'health', role: 'analyst', description: 'Test: health analysts call patients back.', rules: [{ action: 'read', subject: 'Person', fields: ['phone'], reason: 'call-backs' }] };

  it('a health analyst sees phones masked before the change', async () => {
    const res = await phoneOf('healthAnalyst');
    expect(res.data.persons.edges[0].node.phone).toMatch(/\*/);
  });

  it('stores a draft with author, time and reason, and shows its impact', async () => {
    const current = await active();
    // The stored tests pin down today's behaviour, so the change updates the test it changes.
    const tests = JSON.parse(current.testsDocument).map((t: any) => (t.name === 'Health analysts see phones masked' ? { ...t, name: 'Health analysts read phones', expect: 'FULL' } : t));
    const res = await draft('officerA', [...JSON.parse(current.document), analystPhone], { tests, reason: 'call-backs for the vaccination campaign' });
    expect(res.errors).toBeUndefined();
    number = res.data.draftPolicyVersion.number;
    expect(res.data.draftPolicyVersion).toMatchObject({ state: 'DRAFT', basedOn: current.number, author: 'so-alice', reason: 'call-backs for the vaccination campaign' });
    const impact = await as('officerB', `query($n: Int!) { policyImpact(number: $n) { comparedWith changes { dept role type field before after direction coveredBy } } }`, { n: number });
    // Review as cells: the changed cell with the draft's test that checks it.
    expect(impact.data.policyImpact.changes).toContainEqual({ dept: 'health', role: 'analyst', type: 'Person', field: 'phone', before: 'MASKED', after: 'FULL', direction: 'GAINS', coveredBy: ['Health analysts read phones'] });
    expect(impact.data.policyImpact.changes.every((c: any) => c.dept === 'health' && c.role === 'analyst')).toBe(true);
  });

  it('diffs the draft against the active version', async () => {
    const current = await active();
    const res = await as('auditor', `query($a: Int!, $b: Int!) { policyDiff(from: $a, to: $b) { changes { kind target policyId } text } }`, { a: current.number, b: number });
    expect(res.data.policyDiff.changes).toEqual([
      { kind: 'ADDED', target: 'policy', policyId: 'health-analysts-phone' },
      { kind: 'REMOVED', target: 'test', policyId: null },
      { kind: 'ADDED', target: 'test', policyId: null },
    ]);
    expect(res.data.policyDiff.text).toMatch(/^\+.*"health-analysts-phone"/m);
  });

  it('cannot be approved before review, nor by its author', async () => {
    const early = await step('officerB', 'approvePolicyVersion', number);
    expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await step('officerA', 'submitPolicyVersion', number)).data.submitPolicyVersion.state).toBe('IN_REVIEW');
    const own = await step('officerA', 'approvePolicyVersion', number);
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(own.errors?.[0].message).toMatch(/Four eyes/);
    const auditor = await step('auditor', 'approvePolicyVersion', number);
    expect(auditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const state = await as('auditor', `query($n: Int!) { policyVersion(number: $n) { state } }`, { n: number });
    expect(state.data.policyVersion.state).toBe('IN_REVIEW');
  });

  it('is approved by a second officer, activated, and reaches the subgraphs without a restart', async () => {
    const approved = await step('officerB', 'approvePolicyVersion', number, 'checked with the health commission');
    expect(approved.errors).toBeUndefined();
    expect(approved.data.approvePolicyVersion.state).toBe('APPROVED');
    const activated = await step('officerA', 'activatePolicyVersion', number);
    expect(activated.data.activatePolicyVersion.state).toBe('ACTIVE');
    expect(activated.data.activatePolicyVersion.history.map((h: any) => h.action)).toEqual(['draft', 'submit', 'approve', 'activate']);
    const res = await eventually(() => phoneOf('healthAnalyst'), (r) => r.data?.persons.edges[0].node.phone && !/\*/.test(r.data.persons.edges[0].node.phone));
    expect(res.data.persons.edges[0].node.phone).toMatch(/^1\d{10}$/);
    const old = await as('auditor', `{ policyVersion(number: 1) { state history { action toState } } }`);
    expect(old.data.policyVersion.state).toBe('SUPERSEDED');
  });

  it('records every step in the audit trail too, as a policy change of its version', async () => {
    const res = await as('auditor', `query($f: AuditFilter) { auditRecords(filter: $f, first: 100) { edges { node { writer kind sub recordKeys fields { field decision } } } } }`, {
      f: { domain: 'governance', kind: 'policy', recordKey: `PolicyVersion:${number}` },
    });
    expect(res.errors).toBeUndefined();
    const steps = res.data.auditRecords.edges.map((e: any) => e.node);
    expect(steps.map((s: any) => s.sub)).toEqual(['so-alice', 'so-alice', 'so-bob', 'so-alice']);
    expect(steps.every((s: any) => s.writer === 'governance' && s.fields.some((f: any) => f.field === 'PolicyVersion.state' && f.decision === 'WRITTEN'))).toBe(true);
  });

  it('restores an earlier version as a new draft, and refuses one that does not exist', async () => {
    const res = await as('officerB', `mutation { restorePolicyVersion(number: 1, reason: "campaign over") { number state basedOn reason document } }`);
    expect(res.errors).toBeUndefined();
    const v1 = await as('auditor', `{ policyVersion(number: 1) { document } }`);
    expect(res.data.restorePolicyVersion).toMatchObject({ state: 'DRAFT', basedOn: number, reason: 'Restores version 1: campaign over', document: v1.data.policyVersion.document });
    const before = await versionCount();
    const missing = await as('officerB', `mutation { restorePolicyVersion(number: 999, reason: "x") { number } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await versionCount()).toBe(before);
    // Reject it, so it does not linger.
    expect((await step('officerB', 'rejectPolicyVersion', res.data.restorePolicyVersion.number, 'not now')).data.rejectPolicyVersion.state).toBe('REJECTED');
  });
});

describe('safeguards', () => {
  it('a draft whose tests fail cannot be approved', async () => {
    const current = await active();
    const tests = [...JSON.parse(current.testsDocument), { name: 'the public reads names (wrong on purpose)', caller: { dept: null, roles: [] }, type: 'Person', field: 'name', expect: 'FULL' }];
    const d = await draft('officerA', current.document, { tests });
    const n = d.data.draftPolicyVersion.number;
    await step('officerA', 'submitPolicyVersion', n);
    const res = await step('officerB', 'approvePolicyVersion', n);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/fails 1 of its \d+ tests.*the public reads names/);
    const run = await as('officerB', `query($n: Int!) { runPolicyTests(number: $n) { failed results { name passed expected actual } } }`, { n });
    expect(run.data.runPolicyTests.failed).toBe(1);
    const state = await as('auditor', `query($n: Int!) { policyVersion(number: $n) { state } }`, { n });
    expect(state.data.policyVersion.state).toBe('IN_REVIEW');
    await step('officerB', 'rejectPolicyVersion', n, 'tests fail');
  });

  it('opening NOT_SHARED fields needs the owning department to co-sign', async () => {
    const current = await active();
    const rule = { id: 'police-allergies', dept: 'public-security', role: 'officer', rules: [{ action: 'read', subject: 'HealthRecord', fields: ['allergies'], overrideNotShared: true, reason: 'test: custody medical safety' }] };
    const tests = JSON.parse(current.testsDocument).map((t: any) => (t.name === 'Police never read allergies (NOT_SHARED health data)' ? { ...t, name: 'Police read allergies (co-signed by health)', expect: 'FULL' } : t));
    const d = await draft('officerA', [...JSON.parse(current.document), rule], { tests });
    expect(d.errors).toBeUndefined();
    const n = d.data.draftPolicyVersion.number;
    expect(d.data.draftPolicyVersion.cosignatures).toEqual([{ dept: 'health', fields: ['HealthRecord.allergies'], signedBy: null }]);
    await step('officerA', 'submitPolicyVersion', n);
    const unsigned = await step('officerB', 'approvePolicyVersion', n);
    expect(unsigned.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(unsigned.errors?.[0].message).toMatch(/security officer of health must co-sign/);
    const wrongDept = await step('policeSO', 'cosignPolicyVersion', n, 'we want it');
    expect(wrongDept.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const signed = await step('healthSO', 'cosignPolicyVersion', n, 'agreed for custody safety');
    expect(signed.data.cosignPolicyVersion.cosignatures[0].signedBy).toBe('so-health');
    expect((await step('officerB', 'approvePolicyVersion', n)).errors).toBeUndefined();
    expect((await step('officerB', 'activatePolicyVersion', n)).errors).toBeUndefined();
    const read = await eventually(
      () => as('policeProvince', `{ persons(first: 30) { edges { node { healthRecord { allergies } } } } }`),
      (r) => !r.errors && r.data.persons.edges.some((e: any) => e.node.healthRecord),
    );
    expect(read.errors).toBeUndefined();
  });

  it('a draft edited from a version that is no longer active is refused at approval', async () => {
    const current = await active();
    const a = await draft('officerA', current.document, { reason: 'first' });
    const b = await draft('officerA', current.document, { reason: 'second' });
    const na = a.data.draftPolicyVersion.number;
    const nb = b.data.draftPolicyVersion.number;
    for (const n of [na, nb]) await step('officerA', 'submitPolicyVersion', n);
    await step('officerB', 'approvePolicyVersion', na);
    await step('officerB', 'activatePolicyVersion', na);
    const stale = await step('officerB', 'approvePolicyVersion', nb);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0].message).toMatch(new RegExp(`version ${na} is active now`));
  });
});

describe('explain', () => {
  const query = `query Look { persons(first: 5) { edges { node { name idNumber ...More healthRecord { allergies bloodType } } } } }
    fragment More on Person { addr: address hukouRegion { name } }`;

  it('says per requested field what is decided and why, without touching data', async () => {
    const res = await platform.countQueries(() =>
      as('officerA', `query($q: String!) { explain(caller: { dept: "education", roles: ["officer"], region: "460100" }, query: $q) { version operationName fields { path type field decision reason source sourceId } } }`, { q: query }),
    );
    expect(res.population + res.health + res.geospatial).toBe(0);
    const explained = await as('officerA', `query($q: String!) { explain(caller: { dept: "education", roles: ["officer"], region: "460100" }, query: $q) { operationName fields { path type field decision reason source sourceId } } }`, { q: query });
    expect(explained.errors).toBeUndefined();
    const byPath = Object.fromEntries(explained.data.explain.fields.map((f: any) => [f.path, f]));
    expect(explained.data.explain.operationName).toBe('Look');
    expect(byPath['persons']).toMatchObject({ source: 'entry' });
    expect(byPath['persons.edges.node.name']).toMatchObject({ decision: 'FULL', source: 'catalogue', sourceId: 'Person.name' });
    expect(byPath['persons.edges.node.idNumber']).toMatchObject({ decision: 'MASKED', source: 'policy', sourceId: 'masked-identity-officer' });
    expect(byPath['persons.edges.node.addr']).toMatchObject({ field: 'address', decision: 'MASKED' });
    expect(byPath['persons.edges.node.hukouRegion.name']).toMatchObject({ decision: 'FULL' });
    expect(byPath['persons.edges.node.healthRecord.allergies']).toMatchObject({ decision: 'DENIED', source: 'catalogue' });
    expect(byPath['persons.edges.node.healthRecord.allergies'].reason).toMatch(/NOT_SHARED/);
  });

  it('refuses a bad query, an unknown role, and callers who do not govern', async () => {
    const bad = await as('officerA', `{ explain(caller: { dept: "health", roles: ["officer"] }, query: "{ persons { nope } }") { version } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/nope/);
    const role = await as('officerA', `{ explain(caller: { dept: "health", roles: ["boss"] }, query: "{ regions { name } }") { version } }`);
    expect(role.errors?.[0].message).toMatch(/unknown role "boss"/);
    const analyst = await as('healthAnalyst', `{ explain(caller: { dept: "health", roles: ["officer"] }, query: "{ regions { name } }") { version } }`);
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers any government caller about themselves, under the version in force only', async () => {
    const self = `{ explain(caller: { dept: "health", roles: ["analyst"], region: "460000" }, query: "{ persons(first: 1) { edges { node { phone } } } }") { fields { path decision } } }`;
    const own = await as('healthAnalyst', self);
    expect(own.errors).toBeUndefined();
    expect(own.data.explain.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'persons.edges.node.phone' })]));
    const otherRegion = await as('healthAnalyst', self.replace('460000', '460100'));
    expect(otherRegion.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const version = await as('healthAnalyst', self.replace('query: "{', 'version: 1, query: "{'));
    expect(version.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('conditional sharing', () => {
  const request = `mutation($input: GrantRequestInput!) { requestGrant(input: $input) { id state requesterDept ownerDept scope { type fields } purpose ageSeconds expiresOn history { action } } }`;
  const inDays = (days: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const input = (overrides: Record<string, unknown> = {}) => ({ scope: [{ type: 'Person', fields: ['phone'] }], purpose: 'epidemic-tracing', legalBasis: 'Law on the Prevention and Control of Infectious Diseases, art. 12', expiresOn: inDays(30), ...overrides });
  let id: string;

  it.each([
    ['an UNCONDITIONAL field', { scope: [{ type: 'Person', fields: ['name'] }] }, /UNCONDITIONALLY/],
    ["the caller's own data", { scope: [{ type: 'HealthRecord', fields: ['bloodType'] }] }, /your own department/],
    ['fields of two owners', { scope: [{ type: 'Person', fields: ['phone'] }, { type: 'Property', fields: ['address'] }] }, /send one request per owner|UNCONDITIONALLY|NOT_SHARED|not in the resource/],
    ['a past date', { expiresOn: inDays(-1) }, /has passed/],
    ['a date over a year ahead', { expiresOn: inDays(400) }, /at most 366 days/],
    ['no legal basis', { legalBasis: ' ' }, /legal basis|law/],
    ['an unknown field', { scope: [{ type: 'Person', fields: ['salary'] }] }, /not in the resource catalogue/],
  ])('refuses a request for %s', async (_n, overrides, message) => {
    const res = await as('healthOfficer', request, { input: input(overrides) });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(message);
  });

  it('refuses a request for NOT_SHARED fields: they are not shared on request', async () => {
    const res = await as('educationOfficer', request, { input: input({ scope: [{ type: 'HealthRecord', fields: ['allergies'] }] }) });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/NOT_SHARED data of health/);
  });

  it('a department requests; the request shows its age and who must answer', async () => {
    const res = await as('healthOfficer', request, { input: input() });
    expect(res.errors).toBeUndefined();
    id = res.data.requestGrant.id;
    expect(res.data.requestGrant).toMatchObject({ state: 'PENDING', requesterDept: 'health', ownerDept: 'public-security', scope: [{ type: 'Person', fields: ['phone'] }] });
    const list = await as('policeSO', `{ grantRequests(state: PENDING) { totalCount edges { node { id ageSeconds } } } }`);
    expect(list.data.grantRequests.edges.map((e: any) => e.node.id)).toContain(id);
    const unrelated = await as('educationOfficer', `{ grantRequests { totalCount } }`);
    expect(unrelated.data.grantRequests.totalCount).toBe(0);
    const own = await as('healthOfficer', `{ grantRequests { edges { node { id } } } }`);
    expect(own.data.grantRequests.edges.map((e: any) => e.node.id)).toContain(id);
  });

  it('only the owning department decides', async () => {
    for (const who of ['healthSO', 'officerA', 'healthOfficer'] as Who[]) {
      const res = await as(who, `mutation($id: ID!) { approveGrantRequest(id: $id, reason: "ok") { state } }`, { id });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('an approved grant applies only under its purpose, at once, and is decided only once', async () => {
    const res = await as('policeSO', `mutation($id: ID!) { approveGrantRequest(id: $id, reason: "tracing contacts of confirmed cases") { state decidedBy decisionReason history { action } } }`, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data.approveGrantRequest).toMatchObject({ state: 'APPROVED', decidedBy: 'so-police', history: [{ action: 'request' }, { action: 'approve' }] });
    const withPurpose = await eventually(() => phoneOf('healthOfficer', 'epidemic-tracing'), (r) => r.data && !/\*/.test(r.data.persons.edges[0].node.phone));
    expect(withPurpose.data.persons.edges[0].node.phone).toMatch(/^1\d{10}$/);
    const other = await phoneOf('healthOfficer', 'marketing');
    expect(other.data.persons.edges[0].node.phone).toMatch(/\*/);
    const none = await phoneOf('healthOfficer');
    expect(none.data.persons.edges[0].node.phone).toMatch(/\*/);
    const again = await as('policeSO', `mutation($id: ID!) { rejectGrantRequest(id: $id, reason: "changed my mind") { state } }`, { id });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/already decided: APPROVED/);
  });

  it('records the request, the decision and every use of the grant in the audit trail', async () => {
    const steps = await as('auditor', `query($f: AuditFilter) { auditRecords(filter: $f) { edges { node { sub kind } } } }`, { f: { domain: 'governance', kind: 'policy', recordKey: `GrantRequest:${id}` } });
    expect(steps.data.auditRecords.edges.map((e: any) => e.node)).toEqual([{ sub: 'health-2', kind: 'policy' }, { sub: 'so-police', kind: 'policy' }]);
    const uses = await as('auditor', `query($f: AuditFilter) { auditRecords(filter: $f) { edges { node { sub purpose grantIds fields { field decision } } } } }`, { f: { domain: 'population', sub: 'health-2', purpose: 'epidemic-tracing' } });
    const used = uses.data.auditRecords.edges.map((e: any) => e.node).filter((n: any) => n.grantIds.includes(id));
    expect(used.length).toBeGreaterThan(0);
    expect(used[0].fields).toContainEqual({ field: 'Person.phone', decision: 'FULL' });
  });

  it('a revoked grant stops applying', async () => {
    const res = await as('policeSO', `mutation($id: ID!) { revokeGrant(id: $id, reason: "outbreak over") { state } }`, { id });
    expect(res.data.revokeGrant.state).toBe('REVOKED');
    const after = await eventually(() => phoneOf('healthOfficer', 'epidemic-tracing'), (r) => /\*/.test(r.data.persons.edges[0].node.phone));
    expect(after.data.persons.edges[0].node.phone).toMatch(/\*/);
  });

  it('an expired request cannot be approved, and a missing one is not found', async () => {
    const res = await as('healthOfficer', request, { input: input({ expiresOn: inDays(0) }) });
    const late = res.data.requestGrant.id;
    // Its last day has passed (as if the owner had not answered in time).
    await platform.subgraphs.governance.db.orm.em.fork().nativeUpdate(GrantRequestRecord, { id: late }, { expiresAt: new Date(Date.now() - 1000) });
    const approve = await as('policeSO', `mutation($id: ID!) { approveGrantRequest(id: $id, reason: "ok") { state } }`, { id: late });
    expect(approve.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(approve.errors?.[0].message).toMatch(/has passed/);
    const state = await as('auditor', `query($id: ID!) { grantRequest(id: $id) { state } }`, { id: late });
    expect(state.data.grantRequest.state).toBe('EXPIRED');
    const missing = await as('policeSO', `mutation { approveGrantRequest(id: "GR-none", reason: "ok") { state } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
