/**
 * Data objections (数据异议) through the gateway: health objects to a Person field that public security provides;
 * public security corrects the record through its own write path and resolves the objection naming the record's
 * new version, or rejects it with reasons. Only the two departments, security officers and auditors read it; only
 * the owner's officers resolve it; every step is audited and records its domain event in governance's outbox. The
 * services' clock is moved (StartOptions.clock) for the deadlines.
 */
import { startPlatform, type Platform } from '../support/platform';
import { AuditRecord } from '../../subgraphs/kit/audit/records';
import { OutboxEvent } from '../../subgraphs/kit/outbox';

let platform: Platform;
let now: Date | null = null;
const callers: Record<string, Record<string, string>> = {};

const PRINCIPALS = {
  healthOfficer: { sub: 'health-2', dept: 'health', roles: ['officer'], region: '460000' },
  policeOfficer: { sub: 'police-hq', dept: 'public-security', roles: ['officer'], region: '460000' },
  policeSO: { sub: 'so-police', dept: 'public-security', roles: ['security-officer'] },
  educationOfficer: { sub: 'edu-1', dept: 'education', roles: ['officer'], region: '460000' },
  auditor: { sub: 'aud-1', dept: 'data-bureau', roles: ['auditor'] },
  dashboard: { sub: 'dash-1', dept: 'statistics', roles: ['dashboard'], region: '460000' },
};
type Who = keyof typeof PRINCIPALS | 'public';
const as = (who: Who, query: string, variables?: Record<string, unknown>) => platform.query(query, variables, who === 'public' ? {} : callers[who]);

const FIELDS = 'id recordKey field proposedValue evidence reason objectorDept objector ownerDept state resolutionReason correctionVersion correctedBy resolvedBy createdAt resolvedAt version dueOn overdue workingDaysLeft';
const RAISE = `mutation($input: ObjectionInput!, $key: String) { raiseObjection(input: $input, idempotencyKey: $key) { ${FIELDS} } }`;
const RESOLVE = `mutation($id: ID!, $outcome: ObjectionOutcome!, $reason: String, $cv: Int, $v: Int!) { resolveObjection(id: $id, outcome: $outcome, reason: $reason, correctionVersion: $cv, expectedVersion: $v) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { objection(id: $id) { id state version dueOn overdue workingDaysLeft } }`;
const LIST = `query($f: ObjectionFilter) { objections(filter: $f, first: 100) { totalCount edges { node { id state ownerDept objectorDept overdue } } } }`;
const MOVE = `mutation($id: ID!, $v: Int!, $h: ID!) { registerMove(personId: $id, expectedVersion: $v, householdId: $h, relationshipToHead: OTHER) { id version } }`;

let person: { id: string; version: number; household: { id: string } };
let household: { id: string };

const input = (change: Record<string, unknown> = {}) => ({
  recordKey: `Person:${person.id}`,
  field: 'address',
  proposedValue: '海口市龙华区滨海大道 1 号',
  evidence: 'Inpatient admission form of 2026-11-30, signed by the patient',
  reason: 'The patient lives at this address since October; the register still shows the old one.',
  ...change,
});

async function raise(who: Who, change: Record<string, unknown> = {}, key?: string) {
  return as(who, RAISE, { input: input(change), key: key ?? null });
}

const governanceEm = () => platform.subgraphs.governance.db.orm.em.fork();

beforeAll(async () => {
  platform = await startPlatform('objections', { persons: 100, seed: 7, start: { clock: () => now ?? new Date() } });
  for (const [name, claims] of Object.entries(PRINCIPALS)) callers[name] = await platform.as(claims);
  const page = await as('policeOfficer', `{ persons(first: 50, filter: { status: LIVING }) { edges { node { id version household { id } } } } }`);
  expect(page.errors).toBeUndefined();
  const nodes = page.data.persons.edges.map((e: any) => e.node);
  household = nodes[0].household;
  person = nodes.find((n: any) => n.household.id !== household.id);
});
afterAll(async () => {
  await platform?.stop();
});

describe('an objection corrected by the owner', () => {
  let id: string;

  it('is raised by health about a Person field that public security provides, once per idempotency key', async () => {
    const res = await raise('healthOfficer', {}, 'objection-0001-abc');
    expect(res.errors).toBeUndefined();
    const o = res.data.raiseObjection;
    expect(o).toMatchObject({ recordKey: `Person:${person.id}`, field: 'address', objectorDept: 'health', objector: 'health-2', ownerDept: 'public-security', state: 'OPEN', version: 1, overdue: false, workingDaysLeft: 5, resolvedAt: null });
    expect(o.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    id = o.id;
    const again = await raise('healthOfficer', {}, 'objection-0001-abc');
    expect(again.data.raiseObjection.id).toBe(id);
    const reused = await raise('healthOfficer', { proposedValue: 'somewhere else' }, 'objection-0001-abc');
    expect(reused.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('is read by both departments, security officers and auditors, and by no third department', async () => {
    for (const who of ['healthOfficer', 'policeOfficer', 'policeSO', 'auditor'] as const) {
      const res = await as(who, ONE, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data.objection).toMatchObject({ id, state: 'OPEN', version: 1 });
    }
    for (const who of ['educationOfficer', 'dashboard', 'public'] as const) {
      const res = await as(who, ONE, { id });
      expect(res.data?.objection ?? null).toBeNull();
    }
    const listed = await as('educationOfficer', LIST);
    expect(listed.data.objections.totalCount).toBe(0);
    const owners = await as('policeOfficer', LIST, { f: { ownerDept: 'public-security', state: 'OPEN' } });
    expect(owners.data.objections.edges.map((e: any) => e.node.id)).toContain(id);
  });

  it('is resolved only by an officer of the owning department', async () => {
    for (const who of ['healthOfficer', 'educationOfficer'] as const) {
      const res = await as(who, RESOLVE, { id, outcome: 'REJECTED', reason: 'not ours to decide', v: 1 });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const pub = await as('public', RESOLVE, { id, outcome: 'REJECTED', reason: 'no', v: 1 });
    expect(pub.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a correction without the corrected version, and a stale objection version', async () => {
    const missing = await as('policeOfficer', RESOLVE, { id, outcome: 'CORRECTED', v: 1 });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'correctionVersion' });
    const stale = await as('policeOfficer', RESOLVE, { id, outcome: 'CORRECTED', cv: person.version + 1, v: 2 });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    expect((await as('auditor', ONE, { id })).data.objection).toMatchObject({ state: 'OPEN', version: 1 });
  });

  it('is resolved CORRECTED after the owner corrects the record through its own write path', async () => {
    const moved = await as('policeOfficer', MOVE, { id: person.id, v: person.version, h: household.id });
    expect(moved.errors).toBeUndefined();
    const version = moved.data.registerMove.version as number;
    const res = await as('policeOfficer', RESOLVE, { id, outcome: 'CORRECTED', cv: version, reason: 'address corrected by a move into the right household', v: 1 });
    expect(res.errors).toBeUndefined();
    expect(res.data.resolveObjection).toMatchObject({ state: 'CORRECTED', correctionVersion: version, correctedBy: 'police-hq', resolvedBy: 'police-hq', version: 2, dueOn: null, overdue: false, workingDaysLeft: null });
    const again = await as('policeOfficer', RESOLVE, { id, outcome: 'REJECTED', reason: 'second thoughts', v: 2 });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await as('healthOfficer', ONE, { id })).data.objection).toMatchObject({ state: 'CORRECTED', version: 2 });
  });

  it('leaves audit records of kind write and ObjectionRaised and ObjectionCorrected events in the outbox', async () => {
    const audited = await governanceEm().find(AuditRecord, { kind: 'write' }, { orderBy: { seq: 'asc' }, disableIdentityMap: true });
    const mine = audited.filter((r: any) => JSON.parse(r.recordKeys).includes(`Objection:${id}`));
    expect(mine.map((r: any) => r.sub)).toEqual(['health-2', 'police-hq']);
    expect(mine[0]!.fields).toContain('Objection.proposedValue');
    expect(mine[1]!.fields).toContain('Objection.correctionVersion');
    const events = await governanceEm().find(OutboxEvent, { recordId: id }, { orderBy: { seq: 'asc' }, disableIdentityMap: true });
    expect(events.map((e) => [e.type, e.entityType, e.version, e.writer])).toEqual([
      ['ObjectionRaised', 'Objection', 1, 'health-2'],
      ['ObjectionCorrected', 'Objection', 2, 'police-hq'],
    ]);
    expect(JSON.parse(events[1]!.fields)).toMatchObject({ state: 'CORRECTED', recordKey: `Person:${person.id}`, field: 'address', objectorDept: 'health', ownerDept: 'public-security' });
  });

  it('tells the objector the outcome through the change feed, and a third department nothing', async () => {
    const FEED = `{ changes(types: ["ObjectionRaised", "ObjectionCorrected"], first: 50) { edges { node { type recordKey domain fields { name value } } } } }`;
    const seen = (await as('healthOfficer', FEED)).data.changes.edges.map((e: any) => e.node).filter((c: any) => c.recordKey === `Objection:${id}`);
    expect(seen.map((c: any) => c.type)).toEqual(['ObjectionRaised', 'ObjectionCorrected']);
    const outcome = Object.fromEntries(seen[1].fields.map((f: any) => [f.name, JSON.parse(f.value)]));
    expect(outcome).toMatchObject({ state: 'CORRECTED', recordKey: `Person:${person.id}`, field: 'address' });
    const third = await as('educationOfficer', FEED);
    expect(third.errors).toBeUndefined();
    expect(third.data.changes.edges.filter((e: any) => e.node.recordKey === `Objection:${id}`)).toEqual([]);
  });
});

describe('an objection rejected by the owner', () => {
  it('needs a reason, then records it for the objector', async () => {
    const raised = await raise('healthOfficer', { field: 'maritalStatus', proposedValue: 'MARRIED' });
    expect(raised.errors).toBeUndefined();
    const id = raised.data.raiseObjection.id as string;
    const bare = await as('policeSO', RESOLVE, { id, outcome: 'REJECTED', v: 1 });
    expect(bare.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'reason' });
    const res = await as('policeSO', RESOLVE, { id, outcome: 'REJECTED', reason: 'The marriage register shows no marriage.', v: 1 });
    expect(res.errors).toBeUndefined();
    expect(res.data.resolveObjection).toMatchObject({ state: 'REJECTED', resolutionReason: 'The marriage register shows no marriage.', correctedBy: null, resolvedBy: 'so-police' });
    const events = await governanceEm().find(OutboxEvent, { recordId: id, type: 'ObjectionRejected' }, { disableIdentityMap: true });
    expect(events).toHaveLength(1);
  });
});

describe('refused objections', () => {
  it.each([
    ['an unknown field', { field: 'shoeSize' }, 'field'],
    ['an uncatalogued type', { recordKey: 'Spaceship:S1' }, 'recordKey'],
    ['a malformed record key', { recordKey: 'no key' }, 'recordKey'],
    ['no evidence', { evidence: ' ' }, 'evidence'],
    ['no reason', { reason: '' }, 'reason'],
  ])('refuses %s', async (_, change, argument) => {
    const res = await raise('healthOfficer', change);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument });
  });

  it("refuses an objection to the caller's own department's data, and the public", async () => {
    const own = await raise('policeOfficer');
    expect(own.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'field' });
    const pub = await raise('public');
    expect(pub.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('deadlines', () => {
  let id: string;
  beforeAll(async () => {
    // Raised on Thursday 12 February 2026, 10:00 in China: due 13, 14 (a Saturday worked), then 24, 25, 26 February.
    now = new Date('2026-02-12T02:00:00Z');
    const res = await raise('healthOfficer', { field: 'phone', proposedValue: '13800000000' });
    expect(res.errors).toBeUndefined();
    id = res.data.raiseObjection.id;
  });
  afterAll(() => {
    now = null;
  });

  it('is due on the 5th working day after it was raised, and overdue the day after', async () => {
    now = new Date('2026-02-20T03:00:00Z');
    expect((await as('policeOfficer', ONE, { id })).data.objection).toMatchObject({ dueOn: '2026-02-26', overdue: false, workingDaysLeft: 3 });
    now = new Date('2026-02-27T03:00:00Z');
    expect((await as('policeOfficer', ONE, { id })).data.objection).toMatchObject({ dueOn: '2026-02-26', overdue: true, workingDaysLeft: -1 });
  });

  it('filters and counts overdue objections per owning department', async () => {
    now = new Date('2026-02-26T03:00:00Z');
    expect((await as('policeOfficer', LIST, { f: { overdue: true } })).data.objections.totalCount).toBe(0);
    expect((await as('policeOfficer', `{ objectionDeadlines { ownerDept open dueToday overdue } }`)).data.objectionDeadlines).toEqual([{ ownerDept: 'public-security', open: 1, dueToday: 1, overdue: 0 }]);
    now = new Date('2026-02-27T03:00:00Z');
    const overdue = await as('policeOfficer', LIST, { f: { overdue: true } });
    expect(overdue.data.objections.edges.map((e: any) => e.node.id)).toEqual([id]);
    const rest = await as('policeOfficer', LIST, { f: { overdue: false } });
    expect(rest.data.objections.edges.map((e: any) => e.node.id)).not.toContain(id);
    expect((await as('healthOfficer', `{ objectionDeadlines { ownerDept open dueToday overdue } }`)).data.objectionDeadlines).toEqual([{ ownerDept: 'public-security', open: 1, dueToday: 0, overdue: 1 }]);
    expect((await as('educationOfficer', `{ objectionDeadlines { ownerDept open } }`)).data.objectionDeadlines).toEqual([]);
  });

  it('gives the dashboard counts per department and no objection; others may not count them', async () => {
    now = new Date('2026-02-27T03:00:00Z');
    const BACKLOG = `{ sharingBacklog { ownerDept objectionsOpen objectionsOverdue } }`;
    const res = await as('dashboard', BACKLOG);
    expect(res.errors).toBeUndefined();
    expect(res.data.sharingBacklog).toEqual([{ ownerDept: 'public-security', objectionsOpen: 1, objectionsOverdue: 1 }]);
    const list = await as('dashboard', LIST);
    expect(list.data.objections.totalCount).toBe(0);
    for (const who of ['public', 'educationOfficer'] as const) {
      const refused = await as(who, BACKLOG);
      expect([who, refused.errors?.[0].extensions]).toMatchObject([who, { code: 'FORBIDDEN', action: 'aggregate' }]);
    }
  });
});
