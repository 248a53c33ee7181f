/**
 * The worked example of a departmental app (examples/vaccination-followup) against the whole platform: every
 * subgraph and the gateway over real HTTP, TRUSTED_DOCUMENTS=enforce with the committed manifests, and a low rate
 * limit for apps. The app runs under an `app` token with the client claim `vaccination-followup` and sends its
 * registered operations by hash; the ground truth is read by a health commission officer with ad hoc queries and
 * the health subgraph's own schedule (subgraphs/health/vocabulary.ts), not with the app's code.
 */
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { loadTrustedDocuments } from '../../gateway/trusted-documents';
import { PROJECT_ROOT } from '../../subgraphs/kit/config';
import { VACCINES } from '../../subgraphs/health/vocabulary';
import { ChildrenInRegionDocument } from '../../examples/vaccination-followup/__generated__/graphql';
import { createAppClient, documentHash, OperationNotTrusted, RateLimited, type AppClient, type AppClientOptions, type ClientEvent } from '../../examples/vaccination-followup/client';
import { addAllergy, childFollowUp, dueChildren, fieldAccess, recordDose, type AllergyEvent, type DueReport } from '../../examples/vaccination-followup/followup';
import { startPlatform, type Platform } from '../support/platform';

const APP = 'vaccination-followup';
const REGION = '460106';
/** The synthetic world's today (subgraphs/health/seed.ts): doses falling due on or before it are seeded at 97%. */
const AS_OF = '2026-01-01';
/** Late enough for most doses of the schedule to fall due for some child of the region. */
const LATER = '2026-11-30';
const PURPOSE = 'vaccination-follow-up';
/** The app role's bucket in this run: small enough for a burst to be limited. */
const APP_BUCKET = { capacity: 6, refillPerSecond: 3 };

let platform: Platform;
let officer: Record<string, string>;
/** Bodies and headers the app sent, for the assertions on how it sends. */
const sent: { body: Record<string, unknown>; headers: Headers }[] = [];

async function appClient(sub: string, extra: Partial<AppClientOptions> = {}): Promise<AppClient> {
  const token = await platform.token({ sub, dept: 'health', roles: ['app'], region: REGION, client: APP });
  return createAppClient({
    url: platform.gateway.url,
    token,
    purpose: PURPOSE,
    fetch: async (input, init) => {
      sent.push({ body: JSON.parse(String(init?.body)), headers: new Headers(init?.headers) });
      return fetch(input, init);
    },
    ...extra,
  });
}

// --- Ground truth, independent of the app's code ----------------------------------------------------------------

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** `personId vaccine#dose` of every scheduled dose reached by `asOf` and not recorded, per the officer's read. */
async function expectedDue(asOf: string): Promise<Set<string>> {
  const bornFrom = new Date(Date.parse(`${addMonths(asOf, -84)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const res = await platform.query(
    `query Truth($r: ID!, $b: Date!) { persons(first: 500, filter: { regionCode: $r, bornFrom: $b, status: LIVING }) {
       totalCount edges { node { id birthDate healthRecord { vaccinations { vaccine dose } } } } } }`,
    { r: REGION, b: bornFrom },
    officer,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.persons.totalCount).toBeLessThan(500);
  const due = new Set<string>();
  for (const { node } of res.data.persons.edges) {
    const given = new Set((node.healthRecord?.vaccinations ?? []).map((v: any) => `${v.vaccine}#${v.dose}`));
    for (const v of VACCINES) {
      v.scheduleMonths.forEach((months, i) => {
        if (addMonths(node.birthDate, months) <= asOf && !given.has(`${v.code}#${i + 1}`)) due.add(`${node.id} ${v.code}#${i + 1}`);
      });
    }
  }
  return due;
}

const listed = (report: DueReport) => new Set(report.children.flatMap((c) => c.due.map((d) => `${c.personId} ${d.vaccine}#${d.dose}`)));

beforeAll(async () => {
  platform = await startPlatform('vaccination-app', {
    persons: 1500,
    seed: 7,
    trustedDocuments: { mode: 'enforce', dir: path.join(PROJECT_ROOT, 'documents') },
    rateLimits: { app: APP_BUCKET },
  });
  officer = await platform.as({ sub: 'health-officer', dept: 'health', roles: ['officer'], region: '460000' }, PURPOSE);
}, 120_000);
afterAll(() => platform?.stop());
beforeEach(() => {
  sent.length = 0;
});

describe('the vaccination follow-up app', () => {
  let report: DueReport;
  let client: AppClient;

  beforeAll(async () => {
    client = await appClient('nurse-01');
    report = await dueChildren(client, { regionCode: REGION, asOf: AS_OF, pageSize: 25 });
  });

  it('lists every child of the region due for a dose on the day, and only those', async () => {
    const expected = await expectedDue(AS_OF);
    expect(expected.size).toBeGreaterThan(0);
    expect(listed(report)).toEqual(expected);
    // Nothing was recorded after the synthetic world's today: months later most doses of the schedule fall due for someone.
    const later = await dueChildren(client, { regionCode: REGION, asOf: LATER });
    const expectedLater = await expectedDue(LATER);
    expect(new Set([...expectedLater].map((d) => d.split(' ')[1])).size).toBeGreaterThanOrEqual(15);
    expect(listed(later)).toEqual(expectedLater);
    expect(report.followed).toBeGreaterThan(report.children.length);
    expect(report.unknown).toEqual([]);
    for (const child of report.children) {
      expect(child.ageMonths).toBeLessThan(84);
      // Most overdue first within a child.
      expect(child.due.map((d) => d.dueOn)).toEqual([...child.due.map((d) => d.dueOn)].sort());
    }
  });

  it('sends registered operations by hash, with the token and the purpose, never as text', async () => {
    await dueChildren(client, { regionCode: REGION, asOf: AS_OF });
    const registered = loadTrustedDocuments(path.join(PROJECT_ROOT, 'documents')).get(APP)!;
    expect(sent.length).toBeGreaterThanOrEqual(2);
    for (const { body, headers } of sent) {
      expect(body.query).toBeUndefined();
      const hash = (body.extensions as any).persistedQuery.sha256Hash;
      expect(registered.has(hash)).toBe(true);
      expect(headers.get('x-purpose')).toBe(PURPOSE);
      expect(headers.get('authorization')).toMatch(/^Bearer /);
    }
    expect(sent.map((s) => (s.body.extensions as any).persistedQuery.sha256Hash)).toContain(documentHash(ChildrenInRegionDocument));
  });

  it('shows masked values as masked and full ones as they are', () => {
    const child = report.children[0]!;
    expect(child.idNumber).toEqual({ value: expect.stringMatching(/^\d{4}\*{10}\d{3}[\dX]$/), access: 'MASKED' });
    expect(child.name).toEqual({ value: expect.stringMatching(/^[^*]+$/), access: 'FULL' });
    const withGuardian = report.children.find((c) => c.guardian?.phone.value)!;
    expect(withGuardian.guardian!.phone).toEqual({ value: expect.stringMatching(/^1\d{2}\*{4}\d{4}$/), access: 'MASKED' });
    expect(withGuardian.address.access).toBe('MASKED');
  });

  it('keeps everything else when a field is FORBIDDEN, and says what was withheld and how to ask for it', () => {
    expect(report.withheld).toEqual([{ field: 'Person.enrolments', reason: expect.stringMatching(/CONDITIONAL data of education; request a sharing grant/) }]);
    for (const child of report.children) {
      expect(child.school).toEqual({ value: null, access: 'DENIED', reason: expect.stringMatching(/Person\.enrolments/) });
      expect(child.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(child.due.length).toBeGreaterThan(0);
    }
    expect(report.children.some((c) => c.record !== null)).toBe(true);
  });

  it('records a dose, after which it is no longer due; recording it again is reported, not failed', async () => {
    const child = report.children.find((c) => c.record !== null)!;
    const dose = child.due[0]!;
    const given = { personId: child.personId, vaccine: dose.vaccine, dose: dose.dose, date: AS_OF, facilityCode: `${REGION}C01` };
    const outcome = await recordDose(client, given);
    expect(outcome).toMatchObject({ status: 'recorded', vaccination: { vaccine: dose.vaccine, dose: dose.dose, date: AS_OF, facility: { code: `${REGION}C01` } } });

    const after = await dueChildren(client, { regionCode: REGION, asOf: AS_OF });
    const expected = new Set(listed(report));
    expected.delete(`${child.personId} ${dose.vaccine}#${dose.dose}`);
    expect(listed(after)).toEqual(expected);
    const one = await childFollowUp(client, child.personId, AS_OF);
    expect(one?.due.map((d) => `${d.vaccine}#${d.dose}`)).not.toContain(`${dose.vaccine}#${dose.dose}`);

    const again = await recordDose(client, given);
    expect(again).toEqual({ status: 'already-recorded', message: expect.stringMatching(/already recorded for this person/) });
  });

  it('on CONFLICT (the record changed since it was read) reads it again, merges and retries once', async () => {
    const child = report.children.find((c) => c.record !== null && c.record.version !== null)!;
    const stale = (await childFollowUp(client, child.personId, AS_OF))!.record!;
    // Another clinic notes an allergy on the same record in the meantime.
    const other = await appClient('nurse-02');
    const otherView = (await childFollowUp(other, child.personId, AS_OF))!.record!;
    const theirs = await addAllergy(other, otherView, '青霉素');
    expect(theirs.version).toBe(stale.version! + 1);

    const events: AllergyEvent[] = [];
    const ours = await addAllergy(client, stale, '明胶', (e) => events.push(e));
    expect(events).toEqual([{ kind: 'conflict', recordId: stale.id, expectedVersion: stale.version, currentVersion: stale.version! + 1 }]);
    expect(ours.version).toBe(stale.version! + 2);
    expect(ours.allergies).toEqual(expect.arrayContaining(['青霉素', '明胶']));
    expect(ours.allergies).toHaveLength(stale.allergies.length + 2);
  });

  it('refuses an operation that is not registered for the app (403 OPERATION_NOT_TRUSTED) and runs nothing', async () => {
    const adhoc = parse('query Adhoc { persons(first: 1) { totalCount } }') as TypedDocumentNode<unknown, Record<string, never>>;
    const refused = client.run(adhoc, {});
    await expect(refused).rejects.toBeInstanceOf(OperationNotTrusted);
    await expect(refused).rejects.toMatchObject({ status: 403, code: 'OPERATION_NOT_TRUSTED', message: expect.stringMatching(/app "vaccination-followup"/) });
    expect(sent.at(-1)!.body.query).toContain('Adhoc');
  });
});

describe('the app over its rate limit', () => {
  it('waits Retry-After on 429 RATE_LIMITED and retries, until every request is answered', async () => {
    const events: ClientEvent[] = [];
    const client = await appClient('nurse-burst', { onEvent: (e) => events.push(e), maxRateLimitRetries: 10 });
    const burst = APP_BUCKET.capacity * 2;
    const answers = await Promise.all(Array.from({ length: burst }, () => fieldAccess(client)));
    expect(answers).toHaveLength(burst);
    for (const access of answers) expect(access.get('Person.idNumber')).toBe('MASKED');
    expect(events.length).toBeGreaterThanOrEqual(burst - APP_BUCKET.capacity);
    expect(events[0]).toMatchObject({ kind: 'rate-limited', operation: 'FieldAccess', retryAfterSeconds: expect.any(Number), attempt: 1 });
    expect(events[0]!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('gives up with RateLimited, carrying Retry-After, when told not to retry', async () => {
    const client = await appClient('nurse-impatient', { maxRateLimitRetries: 0 });
    const results = await Promise.allSettled(Array.from({ length: APP_BUCKET.capacity * 2 }, () => fieldAccess(client)));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
    expect(rejected.length).toBeGreaterThanOrEqual(APP_BUCKET.capacity);
    for (const error of rejected) {
      expect(error).toBeInstanceOf(RateLimited);
      expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    }
  });
});
