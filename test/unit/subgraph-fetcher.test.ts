import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dedupeKey, subgraphFetcher } from '../../gateway/subgraph-fetcher';

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
