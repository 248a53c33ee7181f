/** The query-limit measurements (depth, aliases, root fields, tokens, directives, cost) and the per-role check. */
import { buildSchema, getOperationAST, parse } from 'graphql';
import { PUBLIC_PRINCIPAL, type Principal } from '../../auth';
import { DEFAULT_QUERY_LIMITS, queryLimitsConfig } from '../../subgraphs/kit/config';
import { checkQueryLimits, countTokens, limitsFor, measureOperation } from '../../subgraphs/kit/query-limits';

const schema = buildSchema(`
  type Query { persons(first: Int, after: String): PersonConnection region(code: String!): Region regions: [Region!]! _entities(representations: [String!]!): [Entity]! }
  union Entity = Person | Region
  type PersonConnection { totalCount: Int edges: [PersonEdge!]! nodes: [Person!]! }
  type PersonEdge { cursor: String node: Person }
  type Person { id: ID! name: String allergies: [String] household: Household }
  type Household { id: ID! members: [Member!]! }
  type Member { person: Person }
  type Region { code: String! name: String children: [Region!]! }
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  return measureOperation(schema, document, getOperationAST(document)!, variables);
}

function caller(roles: string[]): Principal {
  return { kind: 'government', sub: 's', dept: 'health', roles, region: null, client: null, purpose: null };
}

describe(measureOperation.name, () => {
  it('returns the page size times the objects under it for a connection, without counting edges again', () => {
    expect(measure('{ persons(first: 50) { edges { node { id name } } } }').cost).toBe(50 * (1 + 1 + 1));
    expect(measure('query($n: Int) { persons(first: $n) { nodes { id } } }', { n: 7 }).cost).toBe(7 * 2);
  });

  it('returns 20 as the page size when first is not given, and 20 per list without one', () => {
    expect(measure('{ persons { nodes { id } } }').cost).toBe(20 * 2);
    expect(measure('{ regions { children { name } } }').cost).toBe(20 * (1 + 20));
  });

  it('returns nested lists multiplied and scalar lists free', () => {
    const m = measure('{ persons(first: 10) { edges { node { allergies household { members { person { name } } } } } } }');
    // persons 10 x (connection 1 + edges 1 + node 1 + household (1 + 20 x (member 1 + person 1)))
    expect(m.cost).toBe(10 * (1 + 1 + 1 + 1 + 20 * 2));
    expect(m.depth).toBe(7);
  });

  it('returns the number of representations as the size of _entities', () => {
    const m = measure('query($r: [String!]!) { _entities(representations: $r) { ... on Person { household { id } } } }', { r: ['a', 'b', 'c'] });
    expect(m.cost).toBe(3 * (1 + 1));
  });

  it('counts aliases, root fields and directives through fragments, and measures a fan-out of fragments once each', () => {
    const m = measure(`query Q @a { a: region(code: "1") { ...R } b: region(code: "2") @include(if: true) { ...R } regions { code } }
      fragment R on Region @f { x: name children { ...C } }
      fragment C on Region { code }`);
    expect(m.rootFields).toBe(3);
    expect(m.aliases).toBe(2 + 2);
    expect(m.directives).toBe(1 + 1 + 2);
    expect(m.depth).toBe(3);
    const fan = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Region { children { ${Array(10).fill(`...F${i + 1}`).join(' ')} } }`).join('\n');
    const start = Date.now();
    const big = measure(`{ region(code: "1") { ...F0 } } ${fan} fragment F12 on Region { code }`);
    expect(Date.now() - start).toBeLessThan(500);
    expect(big.depth).toBe(14);
    expect(big.cost).toBeGreaterThan(1e12);
  });

  it('counts introspection as one field without descending', () => {
    expect(measure('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toMatchObject({ depth: 1, cost: 1 });
  });
});

describe(countTokens.name, () => {
  it('returns the lexical tokens and stops counting past the limit', () => {
    expect(countTokens('{ a b }')).toBe(4);
    expect(countTokens(`{ ${'a '.repeat(100000)}}`, 10)).toBe(11);
  });
});

describe(limitsFor.name, () => {
  it('returns the public limits without a known role and the most generous of several roles', () => {
    expect(limitsFor(DEFAULT_QUERY_LIMITS, PUBLIC_PRINCIPAL()).depth).toEqual({ max: DEFAULT_QUERY_LIMITS.public!.depth, role: 'public' });
    expect(limitsFor(DEFAULT_QUERY_LIMITS, caller(['unknown'])).cost.role).toBe('public');
    const both = limitsFor(DEFAULT_QUERY_LIMITS, caller(['dashboard', 'officer']));
    expect(both.depth).toEqual({ max: DEFAULT_QUERY_LIMITS.officer!.depth, role: 'officer' });
    expect(both.cost).toEqual({ max: DEFAULT_QUERY_LIMITS.dashboard!.cost, role: 'dashboard' });
  });
});

describe(checkQueryLimits.name, () => {
  const check = (roles: string[], query: string, table = DEFAULT_QUERY_LIMITS) => {
    const document = parse(query);
    return checkQueryLimits(table, caller(roles), { schema, document, operation: getOperationAST(document)!, source: query });
  };

  it('returns an error naming the limit, the role, the value and the maximum', () => {
    const error = check(['dashboard'], '{ persons(first: 1) { edges { node { household { members { person { household { id } } } } } } } }');
    expect(error?.message).toMatch(/^Query exceeds the depth limit for role dashboard: 8 > 7\./);
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', role: 'dashboard', actual: 8, max: 7 });
  });

  it('returns a cost error for a large page of nested lists and null within the budget', () => {
    const q = (n: number) => `{ persons(first: ${n}) { edges { node { household { members { person { household { id } } } } } } } }`;
    // 500 x (connection, edge, node, household, 20 x (member, person, household))
    expect(check(['app'], q(500))?.extensions).toMatchObject({ limit: 'cost', actual: 500 * 64, max: 30000 });
    expect(check(['app'], q(100))).toBeNull();
  });

  it('judges each request of one parsed document on its own variables and its own caller, though the document is measured once', () => {
    // Apollo hands the plugin the same document object for the same text: what is kept with it must not answer for
    // another request's page size, batch size or role.
    const query = 'query($n: Int, $r: [String!]!) { persons(first: $n) { edges { node { household { members { person { id } } } } } } _entities(representations: $r) { __typename } }';
    const document = parse(query);
    const operation = getOperationAST(document)!;
    const run = (roles: string[], variables: Record<string, unknown>) => checkQueryLimits(DEFAULT_QUERY_LIMITS, caller(roles), { schema, document, operation, source: query, variables });
    expect(run(['app'], { n: 10, r: ['a'] })).toBeNull();
    expect(run(['app'], { n: 1000, r: ['a'] })?.extensions).toMatchObject({ limit: 'cost', actual: 1000 * 44 + 1 });
    expect(run(['app'], { n: 10, r: ['a'] })).toBeNull();
    expect(run(['app'], { n: 10, r: Array(40000).fill('a') })?.extensions).toMatchObject({ limit: 'cost', actual: 10 * 44 + 40000 });
    expect(run(['app'], { r: ['a'] })).toBeNull(); // no page size: the default
    const tight = queryLimitsConfig({ QUERY_LIMITS: '{"app":{"tokens":5}}' });
    const small = (roles: string[]) => checkQueryLimits(tight, caller(roles), { schema, document, operation, source: query, variables: { n: 1, r: [] } });
    expect(small(['app'])?.extensions).toMatchObject({ limit: 'tokens', actual: 6, max: 5 });
    expect(run(['app'], { n: 1, r: [] })).toBeNull();
    expect(small(['analyst'])?.extensions?.limit).not.toBe('tokens');
  });

  it('applies QUERY_LIMITS overrides over the defaults', () => {
    const table = queryLimitsConfig({ QUERY_LIMITS: '{"app":{"aliases":1}}' });
    expect(table.app).toEqual({ ...DEFAULT_QUERY_LIMITS.app, aliases: 1 });
    expect(check(['app'], '{ a: regions { code } b: regions { code } }', table)?.extensions).toMatchObject({ limit: 'aliases', actual: 2, max: 1 });
    expect(() => queryLimitsConfig({ QUERY_LIMITS: '{"app":{"depht":3}}' })).toThrow(/unknown key "depht"/);
  });
});
