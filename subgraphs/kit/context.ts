/** The per-request context: built once per request with a forked EntityManager and fresh loaders. */
import { randomUUID } from 'node:crypto';
import type { Database } from './orm';
import type { RequestContext, SubgraphDefinition } from './subgraph';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Honour a well-formed X-Request-Id from the gateway so logs can follow one request; otherwise make one. */
export function requestIdFrom(header: string | undefined): string {
  return header && REQUEST_ID.test(header) ? header : randomUUID();
}

export function createContext<L>(
  definition: SubgraphDefinition<L>,
  db: Database,
  headers: { get(name: string): string | undefined },
): RequestContext<L> {
  const em = db.orm.em.fork();
  return { em, loaders: definition.loaders(em), requestId: requestIdFrom(headers.get('x-request-id')) };
}
