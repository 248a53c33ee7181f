/** The per-request context: built once per request with the caller, their ability, a forked EntityManager and fresh loaders. */
import { randomUUID } from 'node:crypto';
import { AuditCollector } from './audit/collector';
import type { AuditWriter } from './audit/writer';
import type { Authorizer } from './authorization';
import type { AuditConfig, DomainName } from './config';
import type { Identity } from './identity';
import type { Database } from './orm';
import { scopedAccess, unrestrictedAccess } from './scope';
import { noteVisibleRows, type ScopeTicketer } from './scope-ticket';
import type { StatisticsCache } from './statistics/cache';
import type { RequestContext, SubgraphDefinition } from './subgraph';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Honour a well-formed X-Request-Id from the gateway so logs can follow one request; otherwise make one. */
export function requestIdFrom(header: string | undefined): string {
  return header && REQUEST_ID.test(header) ? header : randomUUID();
}

export interface ContextFactoryOptions {
  identity: Identity;
  peers: Partial<Record<DomainName, string>>;
  /** Null only when a benchmark measures the cost of enforcement by switching it off. */
  authorizer: Authorizer | null;
  /** Null when a benchmark measures the cost of auditing by switching it off. */
  audit?: AuditWriter | null;
  /** The audit settings (anomaly thresholds for governance's report). */
  auditConfig?: AuditConfig;
  /** How long idempotency keys are remembered. */
  idempotencyWindowMs?: number;
  /** The service's cache of published statistics tables (statistics/cache.ts). */
  statisticsCache?: StatisticsCache | null;
  /** "Now" for what is computed at read time (StartOptions.clock); the system clock by default. */
  clock?: () => Date;
  /** The domain's background task's share with requests (BackgroundTask.context). */
  background?: Readonly<Record<string, unknown>>;
  /** Owner-scope tickets (scope-ticket.ts), with this subgraph's own entity types and their key fields. */
  scopeTickets?: { ticketer: ScopeTicketer; owned: ReadonlyMap<string, string> } | null;
}

export function contextFactory<L>(definition: SubgraphDefinition<L>, db: Database, options: ContextFactoryOptions) {
  return async (headers: { get(name: string): string | undefined }): Promise<RequestContext<L>> => {
    // Verified first: a bad token fails the request before any data is touched.
    const principal = await options.identity.principal(headers);
    // Forked on first use: reads go through the read path (reader.ts), so most requests never need one.
    const fork = () => db.orm.em.fork();
    const requestId = requestIdFrom(headers.get('x-request-id'));
    const common = {
      domain: definition.name,
      requestId,
      peers: options.peers,
      authorization: headers.get('authorization'),
      auditConfig: options.auditConfig,
      idempotencyWindowMs: options.idempotencyWindowMs,
      now: options.clock ?? (() => new Date()),
      ...(options.statisticsCache ? { statisticsCache: options.statisticsCache } : {}),
      ...(options.background ? { background: options.background } : {}),
    };
    if (!options.authorizer) {
      const data = unrestrictedAccess(fork, db.reader);
      return withRequestEntityManager({ ...common, data, loaders: definition.loaders(data) });
    }
    const auth = options.authorizer.authorize(principal);
    const data = scopedAccess(fork, auth.ability, options.authorizer.served, db.reader);
    const audit = options.audit ? new AuditCollector(options.audit, auth, requestId) : undefined;
    const tickets = options.scopeTickets;
    const ctx = withRequestEntityManager({ ...common, data, loaders: definition.loaders(data), auth, audit, ...(tickets ? { scopeTicketer: tickets.ticketer } : {}) });
    if (tickets && tickets.owned.size > 0) data.seen = (entity, rows) => noteVisibleRows(ctx as RequestContext<unknown>, entity, rows, tickets.owned);
    return ctx;
  };
}

/**
 * `ctx.em` is the request's one fork, the same as `ctx.data.em`, made when first used; a write swaps in its own.
 * Apollo Server copies the context for each operation (`Object.assign(Object.create(prototype), context)`): the
 * accessor is on the class's prototype (an own getter would be called by the copy, and fork for every request),
 * and the fork is kept in a holder the copy shares by reference.
 */
class RequestEntityManager<L> {
  declare readonly data: RequestContext<L>['data'];
  declare readonly emHolder: { current: RequestContext<L>['em'] | undefined };

  get em(): RequestContext<L>['em'] {
    return (this.emHolder.current ??= this.data.em);
  }

  set em(em: RequestContext<L>['em']) {
    this.emHolder.current = em;
  }
}

export function withRequestEntityManager<L>(context: Omit<RequestContext<L>, 'em'>): RequestContext<L> {
  const ctx = Object.assign(new RequestEntityManager<L>(), context) as unknown as RequestContext<L> & { emHolder: { current: RequestContext<L>['em'] | undefined } };
  ctx.emHolder = { current: undefined };
  return ctx;
}
