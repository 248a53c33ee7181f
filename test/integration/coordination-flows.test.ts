/**
 * Business coordination (业务协同) end to end, through the gateway: a death registered by public security reaches
 * health, housing and credit; a birth reaches health and education; a property transfer reaches credit. Each
 * department pulls the feed from where it stood before the write and finds the change, with what it may read.
 */
import { startPlatform, type GraphQLResponse, type Platform } from '../support/platform';

let platform: Platform;
const callers: Record<string, Record<string, string>> = {};
const DEPARTMENTS = {
  police: { sub: 'police-1', dept: 'public-security', roles: ['officer'], region: '460000' },
  health: { sub: 'health-1', dept: 'health', roles: ['officer'], region: '460000' },
  housing: { sub: 'housing-1', dept: 'housing', roles: ['officer'], region: '460000' },
  credit: { sub: 'credit-1', dept: 'credit', roles: ['officer'], region: '460000' },
  education: { sub: 'edu-1', dept: 'education', roles: ['officer'], region: '460000' },
  housingSO: { sub: 'housing-so', dept: 'housing', roles: ['security-officer'] },
};
type Dept = keyof typeof DEPARTMENTS;
const as = (who: Dept, query: string, variables?: Record<string, unknown>) => platform.query(query, variables, callers[who]);
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const FEED = `query($types: [String!], $after: String) { changes(types: $types, first: 200, after: $after) {
  edges { node { type recordKey domain version fields { name value masked } } } pageInfo { endCursor } } }`;

interface Change {
  type: string;
  recordKey: string;
  fields: { name: string; value: string | null; masked: boolean }[];
}

/** Where each department's feed stands now. */
async function positions(types: string[]): Promise<Record<Dept, string | null>> {
  const out = {} as Record<Dept, string | null>;
  for (const who of Object.keys(DEPARTMENTS) as Dept[]) {
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse = await as(who, FEED, { types, after });
      expect(res.errors).toBeUndefined();
      after = res.data.changes.pageInfo.endCursor;
      if (res.data.changes.edges.length === 0) break;
    }
    out[who] = after;
  }
  return out;
}

async function newChanges(who: Dept, types: string[], after: string | null): Promise<Change[]> {
  const res = await as(who, FEED, { types, after });
  expect(res.errors).toBeUndefined();
  return res.data.changes.edges.map((e: { node: Change }) => e.node);
}

const fieldsOf = (change: Change | undefined) => Object.fromEntries((change?.fields ?? []).map((f) => [f.name, f.value === null ? null : JSON.parse(f.value)]));

let living: { id: string; version: number; household: { id: string } }[];

beforeAll(async () => {
  platform = await startPlatform('coordination', { persons: 150, seed: 13 });
  for (const [name, claims] of Object.entries(DEPARTMENTS)) callers[name] = await platform.as(claims);
  // Credit assesses under a purpose: a grant it obtains applies to that purpose only.
  callers.credit = await platform.as(DEPARTMENTS.credit, 'credit-assessment');
  const page = await as('police', `{ persons(first: 30, filter: { status: LIVING }) { edges { node { id version household { id } } } } }`);
  living = page.data.persons.edges.map((e: { node: (typeof living)[number] }) => e.node);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

it('a death registered by public security reaches health, housing and credit', async () => {
  const before = await positions(['PersonDied']);
  const person = living[0]!;
  const died = await as('police', `mutation($id: ID!, $v: Int!, $d: Date!) { registerDeath(personId: $id, expectedVersion: $v, date: $d) { id } }`, { id: person.id, v: person.version, d: today() });
  expect(died.errors).toBeUndefined();
  for (const who of ['health', 'housing', 'credit'] as const) {
    const change = (await newChanges(who, ['PersonDied'], before[who])).find((c) => c.recordKey === `Person:${person.id}`);
    expect([who, fieldsOf(change)]).toEqual([who, { status: 'DECEASED', statusDate: today() }]);
  }
});

it('a birth reaches health and education', async () => {
  const before = await positions(['PersonBorn']);
  const born = await as('police', `mutation($input: RegisterBirthInput!) { registerBirth(input: $input) { id } }`, {
    input: { name: '符小椰', gender: 'MALE', birthDate: today(), ethnicityCode: '01', householdId: living[1]!.household.id },
  });
  expect(born.errors).toBeUndefined();
  for (const who of ['health', 'education'] as const) {
    const change = (await newChanges(who, ['PersonBorn'], before[who])).find((c) => c.recordKey === `Person:${born.data.registerBirth.id}`);
    expect([who, fieldsOf(change)]).toMatchObject([who, { birthDate: today(), gender: 'MALE', status: 'LIVING' }]);
  }
});

it('a property transfer reaches credit once housing grants it the owners, and not before', async () => {
  const properties = await as('housing', `{ properties(first: 20, filter: { usage: RESIDENTIAL }) { edges { node { id version } } } }`);
  const [first, second] = properties.data.properties.edges.map((e: { node: { id: string; version: number } }) => e.node);
  const transfer = async (property: { id: string; version: number }, buyer: string) => {
    const before = await positions(['PropertyTransferred']);
    const moved = await as('housing', `mutation($input: PropertyTransferInput!) { registerPropertyTransfer(input: $input) { id } }`, {
      input: { propertyId: property.id, expectedVersion: property.version, date: today(), price: 1_280_000, newOwners: [{ personId: buyer, share: 1 }] },
    });
    expect(moved.errors).toBeUndefined();
    return (await newChanges('credit', ['PropertyTransferred'], before.credit)).find((c) => c.recordKey === `Property:${property.id}`);
  };
  // Owners are personal data shared on conditions: without a grant, the change carries nothing credit may read.
  expect(await transfer(first, living[2]!.id)).toBeUndefined();
  const requested = await as('credit', `mutation($input: GrantRequestInput!) { requestGrant(input: $input) { id } }`, {
    input: { scope: [{ type: 'Property', fields: ['owners'] }], purpose: 'credit-assessment', legalBasis: 'Social Credit System Construction Regulations of Hainan, art. 15', expiresOn: '2027-06-30' },
  });
  expect(requested.errors).toBeUndefined();
  const approved = await as('housingSO', `mutation($id: ID!) { approveGrantRequest(id: $id, reason: "credit assessment of property owners") { state } }`, { id: requested.data.requestGrant.id });
  expect(approved.data?.approveGrantRequest.state).toBe('APPROVED');
  const change = await transfer(second, living[3]!.id);
  expect(change?.fields.map((f) => f.name)).toEqual(['owners']);
  expect(fieldsOf(change).owners).toEqual([{ kind: 'PERSON', share: 1, person: living[3]!.id, enterprise: null }]);
});
