import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { coalesceKey, dedupeKey, subgraphFetcher } from '../../gateway/subgraph-fetcher';

/** A stub subgraph that answers after 50 ms with the caller's token, counting the calls it gets. */
async function setup() {
  const calls: string[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls.push(String(req.headers.authorization));
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { caller: req.headers.authorization } })), 50);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const fetcher = subgraphFetcher({ connections: 8, dedupe: true, timeoutMs: 5000 });
  const body = JSON.stringify({ query: 'query Q__population__0{person(id:"P1"){name}}', variables: {} });
  const send = async (authorization: string, b = body) => (await (await fetcher(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: b })).json()) as { data: { caller: string } };
  const close = async () => {
    await fetcher.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { calls, send, close };
}

describe(subgraphFetcher.name, () => {
  it('never shares a call across callers: two tokens, the same query at once, two calls and two answers', async () => {
    const { calls, send, close } = await setup();
    try {
      const [alice, bob] = await Promise.all([send('Bearer alice'), send('Bearer bob')]);
      expect(calls.sort()).toEqual(['Bearer alice', 'Bearer bob']);
      expect(alice.data.caller).toBe('Bearer alice');
      expect(bob.data.caller).toBe('Bearer bob');
    } finally {
      await close();
    }
  });

  it('shares an identical in-flight query of the same caller, each with its own parsed copy', async () => {
    const { calls, send, close } = await setup();
    try {
      const [first, second] = await Promise.all([send('Bearer alice'), send('Bearer alice')]);
      expect(calls).toEqual(['Bearer alice']);
      expect(first).toEqual(second);
      expect(first).not.toBe(second);
      // Nothing is cached: once answered, the same query is a new call.
      await send('Bearer alice');
      expect(calls).toHaveLength(2);
    } finally {
      await close();
    }
  });

  it('returns no key for a mutation, which always runs on its own', () => {
    expect(dedupeKey('u', {}, JSON.stringify({ query: 'mutation M{x}' }))).toBeNull();
    expect(dedupeKey('u', { authorization: 'a' }, JSON.stringify({ query: '{x}' }))).not.toBe(dedupeKey('u', { authorization: 'b' }, JSON.stringify({ query: '{x}' })));
    expect(dedupeKey('u', { authorization: 'a', 'x-purpose': 'p1' }, '{}')).not.toBe(dedupeKey('u', { authorization: 'a', 'x-purpose': 'p2' }, '{}'));
  });
});

/**
 * A stub subgraph for entity fetches: each `_entities` field (aliased or not) answers its representations back as
 * `{ __typename, id, seen }`; a representation with id "bad" gets a field error at its index; one with id "refuse"
 * makes the whole request a refusal with no data (as a query limit or a bad policy does).
 */
async function entitiesSetup() {
  const bodies: { query: string; variables: Record<string, unknown[]>; operationName?: string; extensions?: Record<string, unknown> }[] = [];
  const headersSeen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const body = JSON.parse(text) as (typeof bodies)[number];
      bodies.push(body);
      headersSeen.push(req.headers);
      const fields = [...body.query.matchAll(/(?:(\w+):)?_entities\(representations:\s*\$(\w+)\)/g)].map((m) => ({ key: m[1] ?? '_entities', variable: m[2]! }));
      const all = fields.flatMap((f) => body.variables[f.variable] as { id: string }[]);
      const reply = (status: number, answer: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      if (all.some((r) => r.id === 'refuse')) return reply(200, { data: null, errors: [{ message: 'Too many representations.', extensions: { code: 'BAD_USER_INPUT' } }] });
      const data: Record<string, unknown> = {};
      const errors: unknown[] = [];
      for (const f of fields) {
        data[f.key] = (body.variables[f.variable] as { __typename: string; id: string }[]).map((r, i) => {
          if (r.id === 'bad') {
            errors.push({ message: 'No.', path: [f.key, i, 'name'], extensions: { code: 'FORBIDDEN' } });
            return { __typename: r.__typename, id: r.id, name: null };
          }
          return { __typename: r.__typename, id: r.id, name: `seen by ${req.headers.authorization}` };
        });
      }
      reply(200, { data, ...(errors.length ? { errors } : {}), extensions: { scopeTickets: { Person: { field: 'id', tickets: { P1: 't1' } } } } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const fetcher = subgraphFetcher({ connections: 8, dedupe: false, coalesce: true, timeoutMs: 5000 });
  const entities = (name: string, selection = '{...on Person{id name}}') => `query ${name}($representations:[_Any!]!){_entities(representations:$representations)${selection}}`;
  const send = async (query: string, ids: string[], authorization = 'Bearer alice', extra: Record<string, unknown> = {}) =>
    (await (
      await fetcher(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, 'x-request-id': 'r1' },
        body: JSON.stringify({ query, variables: { representations: ids.map((id) => ({ __typename: 'Person', id })) }, ...extra }),
      })
    ).json()) as { data: { _entities: { id: string; name: string | null }[] } | null; errors?: { message: string; path?: unknown[] }[]; extensions?: Record<string, unknown> };
  const close = async () => {
    await fetcher.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { bodies, headersSeen, send, entities, close };
}

describe('coalescing entity fetches (gateway/coalesce.ts)', () => {
  it('sends the entity fetches of one request to one subgraph in the same turn as one call, each getting its own entities and errors', async () => {
    const s = await entitiesSetup();
    try {
      const [a, b] = await Promise.all([s.send(s.entities('Q__population__1'), ['P1', 'bad']), s.send(s.entities('Q__population__2', '{...on Person{name}}'), ['bad', 'P2', 'P3'])]);
      expect(s.bodies).toHaveLength(1);
      expect(s.bodies[0]!.query).toBe('query Q__population__1__coalesced2($b0:[_Any!]!,$b1:[_Any!]!){b0:_entities(representations:$b0){\n  ... on Person {\n    id\n    name\n  }\n} b1:_entities(representations:$b1){\n  ... on Person {\n    name\n  }\n}}');
      expect(s.bodies[0]!.operationName).toBe('Q__population__1__coalesced2');
      expect(a.data!._entities.map((e) => e.id)).toEqual(['P1', 'bad']);
      expect(b.data!._entities.map((e) => e.id)).toEqual(['bad', 'P2', 'P3']);
      // Each fetch's errors, at the path it asked for: never the other fetch's.
      expect(a.errors).toEqual([{ message: 'No.', path: ['_entities', 1, 'name'], extensions: { code: 'FORBIDDEN' } }]);
      expect(b.errors).toEqual([{ message: 'No.', path: ['_entities', 0, 'name'], extensions: { code: 'FORBIDDEN' } }]);
      // The extensions reach each fetch (the gateway keeps the tickets per request and strips them from the client).
      expect(a.extensions).toEqual(b.extensions);
      expect(a.extensions).not.toBe(b.extensions);
    } finally {
      await s.close();
    }
  });

  it('never merges fetches of different callers, purposes or requests', async () => {
    const s = await entitiesSetup();
    try {
      const [alice, bob] = await Promise.all([s.send(s.entities('Q__population__1'), ['P1']), s.send(s.entities('Q__population__2'), ['P1'], 'Bearer bob')]);
      expect(s.bodies).toHaveLength(2);
      expect(alice.data!._entities[0]!.name).toBe('seen by Bearer alice');
      expect(bob.data!._entities[0]!.name).toBe('seen by Bearer bob');
    } finally {
      await s.close();
    }
  });

  it('sends a merged call the subgraph refuses as a whole again fetch by fetch, so one fetch never inherits another refusal', async () => {
    const s = await entitiesSetup();
    try {
      const [refused, fine] = await Promise.all([s.send(s.entities('Q__population__1'), ['refuse']), s.send(s.entities('Q__population__2'), ['P2'])]);
      expect(s.bodies.map((b) => b.operationName ?? null)).toEqual(['Q__population__1__coalesced2', null, null]);
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.message).toBe('Too many representations.');
      expect(fine.data!._entities.map((e) => e.id)).toEqual(['P2']);
      expect(fine.errors).toBeUndefined();
    } finally {
      await s.close();
    }
  });

  it('leaves alone what is not a plain entity fetch: root fields, other variables, other extensions, clashing fragments', async () => {
    const s = await entitiesSetup();
    try {
      await Promise.all([s.send(s.entities('Q__population__1'), ['P1']), s.send('query R__population__0($representations:[_Any!]!){person(id:"P1"){name}}', [])]);
      expect(s.bodies).toHaveLength(2);
      s.bodies.length = 0;
      const withFragment = (name: string, fields: string) => `query ${name}($representations:[_Any!]!){_entities(representations:$representations){...F}}\nfragment F on Person{${fields}}`;
      await Promise.all([s.send(withFragment('Q__p__1', 'id'), ['P1']), s.send(withFragment('Q__p__2', 'name'), ['P2'])]);
      expect(s.bodies).toHaveLength(2);
      s.bodies.length = 0;
      await Promise.all([s.send(withFragment('Q__p__1', 'id'), ['P1']), s.send(withFragment('Q__p__2', 'id'), ['P2'])]);
      expect(s.bodies).toHaveLength(1);
      expect(s.bodies[0]!.query.match(/fragment F/g)).toHaveLength(1);
      s.bodies.length = 0;
      await Promise.all([s.send(s.entities('Q__p__1'), ['P1'], 'Bearer alice', { extensions: { persistedQuery: { version: 1 } } }), s.send(s.entities('Q__p__2'), ['P2'])]);
      expect(s.bodies).toHaveLength(2);
    } finally {
      await s.close();
    }
  });

  it('merges the owner-scope tickets of the fetches it merges, and sends a lone fetch exactly as it came', async () => {
    const s = await entitiesSetup();
    try {
      const tickets = (key: string) => ({ extensions: { scopeTickets: { Person: { field: 'id', tickets: { [key]: `ticket-${key}` } } } } });
      await Promise.all([s.send(s.entities('Q__p__1'), ['P1'], 'Bearer alice', tickets('P1')), s.send(s.entities('Q__p__2'), ['P2'], 'Bearer alice', tickets('P2'))]);
      expect(s.bodies[0]!.extensions).toEqual({ scopeTickets: { Person: { field: 'id', tickets: { P1: 'ticket-P1', P2: 'ticket-P2' } } } });
      s.bodies.length = 0;
      await s.send(s.entities('Q__p__1'), ['P1'], 'Bearer alice', tickets('P1'));
      expect(s.bodies).toEqual([{ query: s.entities('Q__p__1'), variables: { representations: [{ __typename: 'Person', id: 'P1' }] }, ...tickets('P1') }]);
    } finally {
      await s.close();
    }
  });
});

describe(coalesceKey.name, () => {
  it('differs with any header but the length and the trace context', () => {
    const base = { authorization: 'Bearer a', 'x-request-id': 'r1', 'content-type': 'application/json' };
    expect(coalesceKey('u', { ...base, traceparent: '00-a-b-01', 'content-length': '10' })).toBe(coalesceKey('u', { ...base, traceparent: '00-a-c-01' }));
    expect(coalesceKey('u', base)).not.toBe(coalesceKey('u', { ...base, 'x-request-id': 'r2' }));
    expect(coalesceKey('u', base)).not.toBe(coalesceKey('u', { ...base, 'x-purpose': 'p' }));
    expect(coalesceKey('u', base)).not.toBe(coalesceKey('v', base));
  });
});
