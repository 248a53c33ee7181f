/**
 * The gateway's part in owner-scope tickets (subgraphs/kit/scope-ticket.ts): an owner's answer may carry, in
 * `extensions.scopeTickets`, tickets for the entities it returned; the gateway keeps them for the rest of the same
 * client request and sends each later fetch the tickets of the entities it represents. It reads nothing in them and
 * checks nothing: each subgraph verifies a ticket against its own caller and policy, or asks the owner. Tickets
 * never leave the request: they are kept per request context and never put in the client's answer.
 */
type Tickets = Record<string, { field: string; tickets: Record<string, string> }>;

const byRequest = new WeakMap<object, Map<string, { field: string; tickets: Map<string, string> }>>();

export function keepTickets(context: object, received: unknown): void {
  if (received === null || typeof received !== 'object') return;
  let kept = byRequest.get(context);
  if (!kept) byRequest.set(context, (kept = new Map()));
  for (const [type, entry] of Object.entries(received as Record<string, unknown>)) {
    const { field, tickets } = (entry ?? {}) as { field?: unknown; tickets?: unknown };
    if (typeof field !== 'string' || tickets === null || typeof tickets !== 'object') continue;
    let forType = kept.get(type);
    if (!forType || forType.field !== field) kept.set(type, (forType = { field, tickets: new Map() }));
    for (const [key, ticket] of Object.entries(tickets as Record<string, unknown>)) if (typeof ticket === 'string') forType.tickets.set(key, ticket);
  }
}

/** The kept tickets of the entities in `representations`, or undefined when there are none. */
export function ticketsFor(context: object, representations: unknown): Tickets | undefined {
  const kept = byRequest.get(context);
  if (!kept || !Array.isArray(representations)) return undefined;
  let out: Tickets | undefined;
  for (const representation of representations) {
    const r = representation as Record<string, unknown> | null;
    const forType = typeof r?.__typename === 'string' ? kept.get(r.__typename) : undefined;
    if (!forType) continue;
    const key = r![forType.field];
    const ticket = typeof key === 'string' || typeof key === 'number' ? forType.tickets.get(String(key)) : undefined;
    if (ticket === undefined) continue;
    out ??= {};
    (out[r!.__typename as string] ??= { field: forType.field, tickets: {} }).tickets[String(key)] = ticket;
  }
  return out;
}
