/**
 * Deadlines of sharing requests through the gateway: a request made on a given day (China time) is due on the
 * 5th working day after it on China's calendar (the 2026 Spring Festival in between), shows its working days
 * left, becomes overdue the day after, and counts per owning department for those who may read it. The
 * services' clock is moved (StartOptions.clock), not the process's timers.
 */
import { startPlatform, type Platform } from '../support/platform';
import { GrantRequestRecord } from '../../subgraphs/governance/entities';
import { todayInChina } from '../../subgraphs/kit/scalars';

let platform: Platform;
let now: Date | null = null;
const callers: Record<string, Record<string, string>> = {};

const PRINCIPALS = {
  healthOfficer: { sub: 'health-2', dept: 'health', roles: ['officer'], region: '460000' },
  policeSO: { sub: 'so-police', dept: 'public-security', roles: ['security-officer'] },
  auditor: { sub: 'aud-1', dept: 'data-bureau', roles: ['auditor'] },
  educationOfficer: { sub: 'edu-1', dept: 'education', roles: ['officer'], region: '460000' },
  dashboard: { sub: 'dash-1', dept: 'statistics', roles: ['dashboard'], region: '460000' },
};
type Who = keyof typeof PRINCIPALS;
const as = (who: Who, query: string, variables?: Record<string, unknown>) => platform.query(query, variables, callers[who]);

const inDays = (days: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const REQUEST = `mutation($input: GrantRequestInput!) { requestGrant(input: $input) { id dueOn overdue workingDaysLeft } }`;
const input = { scope: [{ type: 'Person', fields: ['phone'] }], purpose: 'epidemic-tracing', legalBasis: 'Law on the Prevention and Control of Infectious Diseases, art. 12', expiresOn: inDays(60) };
const DEADLINE = `query($id: ID!) { grantRequest(id: $id) { state dueOn overdue workingDaysLeft } }`;
const COUNTS = `{ grantRequestDeadlines { ownerDept pending dueToday overdue } }`;

/** A request made at `createdAt` (its creation moved back in the governance database). */
async function requestMadeAt(createdAt: string): Promise<string> {
  const res = await as('healthOfficer', REQUEST, { input });
  expect(res.errors).toBeUndefined();
  const id = res.data.requestGrant.id as string;
  await platform.subgraphs.governance.db.orm.em.fork().nativeUpdate(GrantRequestRecord, { id }, { createdAt: new Date(createdAt) });
  return id;
}

async function deadlineAt(id: string, instant: string) {
  now = new Date(instant);
  const res = await as('auditor', DEADLINE, { id });
  expect(res.errors).toBeUndefined();
  return res.data.grantRequest;
}

beforeAll(async () => {
  platform = await startPlatform('grant-deadlines', { persons: 50, seed: 3, start: { clock: () => now ?? new Date() } });
  for (const [name, claims] of Object.entries(PRINCIPALS)) callers[name] = await platform.as(claims);
});
afterAll(async () => {
  await platform?.stop();
});

describe('a request made on Thursday 12 February 2026, before the Spring Festival', () => {
  let id: string;
  beforeAll(async () => {
    // 10:00 in China. Due: 13, 14 (a Saturday worked), then 24, 25, 26 February after nine days off.
    id = await requestMadeAt('2026-02-12T02:00:00Z');
  });

  it('is new when made: due in 5 working days', async () => {
    now = null;
    const res = await as('healthOfficer', DEADLINE, { id: (await as('healthOfficer', REQUEST, { input })).data.requestGrant.id });
    expect(res.data.grantRequest).toMatchObject({ state: 'PENDING', overdue: false, workingDaysLeft: 5 });
  });

  it('is due on 26 February, with the working days left counted on the holiday calendar', async () => {
    expect(await deadlineAt(id, '2026-02-12T09:00:00Z')).toEqual({ state: 'PENDING', dueOn: '2026-02-26', overdue: false, workingDaysLeft: 5 });
    expect(await deadlineAt(id, '2026-02-13T03:00:00Z')).toMatchObject({ dueOn: '2026-02-26', overdue: false, workingDaysLeft: 4 });
    expect(await deadlineAt(id, '2026-02-20T03:00:00Z')).toMatchObject({ dueOn: '2026-02-26', overdue: false, workingDaysLeft: 3 });
    // The last second of the due day in China.
    expect(await deadlineAt(id, '2026-02-26T15:59:59Z')).toMatchObject({ dueOn: '2026-02-26', overdue: false, workingDaysLeft: 0 });
  });

  it('becomes overdue at midnight China time after its due date', async () => {
    expect(await deadlineAt(id, '2026-02-26T16:00:00Z')).toMatchObject({ dueOn: '2026-02-26', overdue: true, workingDaysLeft: -1 });
    // Monday 2 March: 27, 28 (Saturday worked) and 2 March have passed.
    expect(await deadlineAt(id, '2026-03-02T03:00:00Z')).toMatchObject({ overdue: true, workingDaysLeft: -3 });
  });

  it('counts per owning department for those who may read the requests, and for nobody else', async () => {
    const counts = async (who: Who, instant: string) => {
      now = new Date(instant);
      const res = await as(who, COUNTS);
      expect(res.errors).toBeUndefined();
      return res.data.grantRequestDeadlines;
    };
    // The request made "today" (real time) above is pending too; on 26 February it is not yet due either.
    expect(await counts('policeSO', '2026-02-26T03:00:00Z')).toEqual([{ ownerDept: 'public-security', pending: 2, dueToday: 1, overdue: 0 }]);
    expect(await counts('policeSO', '2026-02-27T03:00:00Z')).toEqual([{ ownerDept: 'public-security', pending: 2, dueToday: 0, overdue: 1 }]);
    expect(await counts('healthOfficer', '2026-02-27T03:00:00Z')).toEqual([{ ownerDept: 'public-security', pending: 2, dueToday: 0, overdue: 1 }]);
    // Neither party: no counts. The dashboard account reads no sharing requests, so it counts none either.
    expect(await counts('educationOfficer', '2026-02-27T03:00:00Z')).toEqual([]);
    expect(await counts('dashboard', '2026-02-27T03:00:00Z')).toEqual([]);
  });

  it("shows the dashboard the backlog as counts, which it may aggregate but not read, and no one else who may not", async () => {
    now = new Date('2026-02-27T03:00:00Z');
    const BACKLOG = `{ sharingBacklog { ownerDept grantRequestsPending grantRequestsOverdue } }`;
    const res = await as('dashboard', BACKLOG);
    expect(res.errors).toBeUndefined();
    expect(res.data.sharingBacklog).toEqual([{ ownerDept: 'public-security', grantRequestsPending: 2, grantRequestsOverdue: 1 }]);
    expect((await as('healthOfficer', BACKLOG)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', type: 'GrantRequest', action: 'aggregate' });
  });

  it('has no due date once decided, and no longer counts', async () => {
    now = new Date('2026-03-02T03:00:00Z');
    const res = await as('policeSO', `mutation($id: ID!) { rejectGrantRequest(id: $id, reason: "no legal basis for phones") { state dueOn overdue workingDaysLeft } }`, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data.rejectGrantRequest).toEqual({ state: 'REJECTED', dueOn: null, overdue: false, workingDaysLeft: null });
    const counts = await as('policeSO', COUNTS);
    expect(counts.data.grantRequestDeadlines).toEqual([{ ownerDept: 'public-security', pending: 1, dueToday: 0, overdue: 0 }]);
  });
});

describe('a request made across National Day', () => {
  it('made on Tuesday 29 September 2026 is due on Monday 12 October', async () => {
    // 30 September, then 8, 9, 10 (a Saturday worked) and 12 October.
    const id = await requestMadeAt('2026-09-29T01:00:00Z');
    expect(await deadlineAt(id, '2026-10-01T03:00:00Z')).toMatchObject({ dueOn: '2026-10-12', overdue: false, workingDaysLeft: 4 });
    expect(await deadlineAt(id, '2026-10-13T03:00:00Z')).toMatchObject({ dueOn: '2026-10-12', overdue: true, workingDaysLeft: -1 });
  });
});
