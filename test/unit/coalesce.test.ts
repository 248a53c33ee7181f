/**
 * Coalesced entity fetches (gateway/coalesce.ts) through the gateway's own data source (gateway/subgraph-source.ts)
 * against a stub subgraph over HTTP: what is merged, how the answer is split, what is never merged, the fallback.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { SubgraphSource, type GatewayContext } from '../../gateway/subgraph-source';
import { subgraphFetcher } from '../../gateway/subgraph-fetcher';

interface Body {
  query: string;
  variables: Record<string, { __typename: string; id: string }[]>;
  operationName?: string;
  extensions?: Record<string, unknown>;
}

/**
 * A stub subgraph for entity fetches: each `_entities` field (aliased or not) answers its representations back as
 * `{ __typename, id, name }`; a representation with id "bad" gets a field error at its index; one with id "refuse"
 * makes the whole request a refusal with no data (as a query limit or a bad policy does); "down" answers HTTP 503.
 */
async function setup() {
  const bodies: Body[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const body = JSON.parse(text) as Body;
      bodies.push(body);
      const fields = [...body.query.matchAll(/(?:(\w+):)?_entities\(representations:\s*\$(\w+)\)/g)].map((m) => ({ key: m[1] ?? '_entities', variable: m[2]! }));
      const all = fields.flatMap((f) => body.variables[f.variable]!);
      const reply = (status: number, answer: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      if (all.some((r) => r.id === 'down')) return reply(503, { errors: [{ message: 'overloaded' }] });
      if (all.some((r) => r.id === 'refuse')) return reply(200, { data: null, errors: [{ message: 'Too many representations.', extensions: { code: 'BAD_USER_INPUT' } }] });
      const data: Record<string, unknown> = {};
      const errors: unknown[] = [];
      for (const f of fields) {
        data[f.key] = body.variables[f.variable]!.map((r, i) => {
          if (r.id === 'bad') errors.push({ message: 'No.', path: [f.key, i, 'name'], extensions: { code: 'FORBIDDEN' } });
          return { __typename: r.__typename, id: r.id, name: r.id === 'bad' ? null : `seen by ${req.headers.authorization}` };
        });
      }
      reply(200, { data, ...(errors.length ? { errors } : {}) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const fetcher = subgraphFetcher({ connections: 8, dedupe: false, timeoutMs: 5000 });
  const source = new SubgraphSource('population', url, 5000, fetcher, true);
  const entities = (name: string, selection = '{...on Person{id name}}') => `query ${name}($representations:[_Any!]!){_entities(representations:$representations)${selection}}`;
  const contextOf = (authorization = 'Bearer alice'): GatewayContext => ({ headers: { authorization }, requestId: 'r1', principal: {} as never });
  const send = (context: GatewayContext, query: string, ids: string[], extensions?: Record<string, unknown>): Promise<GatewayGraphQLResponse> =>
    source.process({
      kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
      request: { query, variables: { representations: ids.map((id) => ({ __typename: 'Person', id })) }, ...(extensions ? { extensions } : {}), http: { method: 'POST', url, headers: new Headers() as never } },
      context,
      incomingRequestContext: {} as never,
    });
  const close = async () => {
    await fetcher.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { bodies, send, entities, contextOf, close };
}

const ids = (response: GatewayGraphQLResponse) => (response.data?._entities as { id: string }[]).map((e) => e.id);

describe('coalesced entity fetches', () => {
  it('sends the entity fetches of one request issued together as one call, each getting its own entities and errors', async () => {
    const s = await setup();
    try {
      const context = s.contextOf();
      const [a, b] = await Promise.all([s.send(context, s.entities('Q__population__1'), ['P1', 'bad']), s.send(context, s.entities('Q__population__2', '{...on Person{name}}'), ['bad', 'P2', 'P3'])]);
      expect(s.bodies).toHaveLength(1);
      expect(s.bodies[0]!.operationName).toBe('Q__population__1__coalesced2');
      expect(s.bodies[0]!.query).toMatch(/^query Q__population__1__coalesced2\(\$b0:\[_Any!\]!,\$b1:\[_Any!\]!\)\{b0:_entities\(representations:\$b0\)\{.*\} b1:_entities\(representations:\$b1\)\{.*\}\}$/s);
      expect(ids(a)).toEqual(['P1', 'bad']);
      expect(ids(b)).toEqual(['bad', 'P2', 'P3']);
      // Each fetch's errors, at the path it asked for: never the other fetch's.
      expect(a.errors).toEqual([{ message: 'No.', path: ['_entities', 1, 'name'], extensions: { code: 'FORBIDDEN' } }]);
      expect(b.errors).toEqual([{ message: 'No.', path: ['_entities', 0, 'name'], extensions: { code: 'FORBIDDEN' } }]);
      // One request's identity on the call.
      expect((a.data?._entities as { name: string }[])[0]!.name).toBe('seen by Bearer alice');
    } finally {
      await s.close();
    }
  });

  it('never merges the fetches of two client requests, even of the same caller', async () => {
    const s = await setup();
    try {
      const [alice, bob, aliceAgain] = await Promise.all([
        s.send(s.contextOf(), s.entities('Q__population__1'), ['P1']),
        s.send(s.contextOf('Bearer bob'), s.entities('Q__population__1'), ['P1']),
        s.send(s.contextOf(), s.entities('Q__population__1'), ['P2']),
      ]);
      expect(s.bodies).toHaveLength(3);
      expect((alice.data?._entities as { name: string }[])[0]!.name).toBe('seen by Bearer alice');
      expect((bob.data?._entities as { name: string }[])[0]!.name).toBe('seen by Bearer bob');
      expect(ids(aliceAgain)).toEqual(['P2']);
    } finally {
      await s.close();
    }
  });

  it('sends a merged call the subgraph refuses as a whole again fetch by fetch, so no fetch inherits another refusal', async () => {
    const s = await setup();
    try {
      const context = s.contextOf();
      const [refused, fine] = await Promise.all([s.send(context, s.entities('Q__population__1'), ['refuse']), s.send(context, s.entities('Q__population__2'), ['P2'])]);
      expect(s.bodies.map((b) => b.operationName ?? null)).toEqual(['Q__population__1__coalesced2', null, null]);
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.message).toBe('Too many representations.');
      expect(ids(fine)).toEqual(['P2']);
      expect(fine.errors).toBeUndefined();
    } finally {
      await s.close();
    }
  });

  it('fails every fetch of a merged call to a subgraph that cannot answer, once, without asking again', async () => {
    const s = await setup();
    try {
      const context = s.contextOf();
      const [a, b] = await Promise.all([s.send(context, s.entities('Q__population__1'), ['down']), s.send(context, s.entities('Q__population__2'), ['P2'])]);
      expect(s.bodies).toHaveLength(1);
      for (const answer of [a, b]) expect(answer.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await s.close();
    }
  });

  it('leaves alone what is not a plain entity fetch: root fields, clashing fragments, other extensions', async () => {
    const s = await setup();
    try {
      const context = s.contextOf();
      await Promise.all([s.send(context, s.entities('Q__population__1'), ['P1']), s.send(context, 'query R__population__0($representations:[_Any!]!){person(id:"P1"){name}}', [])]);
      expect(s.bodies).toHaveLength(2);
      s.bodies.length = 0;
      const withFragment = (name: string, fields: string) => `query ${name}($representations:[_Any!]!){_entities(representations:$representations){...F}}\nfragment F on Person{${fields}}`;
      await Promise.all([s.send(context, withFragment('Q__p__1', 'id'), ['P1']), s.send(context, withFragment('Q__p__2', 'name'), ['P2'])]);
      expect(s.bodies).toHaveLength(2);
      s.bodies.length = 0;
      await Promise.all([s.send(context, withFragment('Q__p__1', 'id'), ['P1']), s.send(context, withFragment('Q__p__2', 'id'), ['P2'])]);
      expect(s.bodies).toHaveLength(1);
      expect(s.bodies[0]!.query.match(/fragment F/g)).toHaveLength(1);
      s.bodies.length = 0;
      await Promise.all([s.send(context, s.entities('Q__p__1'), ['P1'], { persistedQuery: { version: 1 } }), s.send(context, s.entities('Q__p__2'), ['P2'])]);
      expect(s.bodies).toHaveLength(2);
    } finally {
      await s.close();
    }
  });

  it('merges the owner-scope tickets of the fetches it merges, and sends a lone fetch exactly as it came', async () => {
    const s = await setup();
    try {
      const context = s.contextOf();
      const tickets = (key: string) => ({ scopeTickets: { Person: { field: 'id', tickets: { [key]: `ticket-${key}` } } } });
      await Promise.all([s.send(context, s.entities('Q__p__1'), ['P1'], tickets('P1')), s.send(context, s.entities('Q__p__2'), ['P2'], tickets('P2'))]);
      expect(s.bodies[0]!.extensions).toEqual({ scopeTickets: { Person: { field: 'id', tickets: { P1: 'ticket-P1', P2: 'ticket-P2' } } } });
      s.bodies.length = 0;
      await s.send(context, s.entities('Q__p__1'), ['P1'], tickets('P1'));
      expect(s.bodies).toEqual([{ query: s.entities('Q__p__1'), variables: { representations: [{ __typename: 'Person', id: 'P1' }] }, extensions: tickets('P1') }]);
    } finally {
      await s.close();
    }
  });
});
