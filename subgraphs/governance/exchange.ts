/**
 * The graph's change feed: `changes` merges every domain's feed (POST /changes on each domain, kit/changes.ts),
 * each judged by its own domain for the caller, as the caller (their own Authorization and X-Purpose), so that
 * a change carries exactly what the same caller would get by querying the record. Governance adds no data of its
 * own and decides nothing: it merges, pages and keeps the position.
 *
 * The cursor is every domain's position (opaque to callers): a page ends where the caller stopped reading in
 * each domain, so nothing is skipped and nothing repeats, and changes to one record always come in order.
 */
import { GraphQLError } from 'graphql';
import { Agent, request } from 'undici';
import type { ChangePage, DeliveredChange } from '../kit/changes';
import { CHANGES_PATH } from '../kit/changes';
import { DOMAINS, type DomainName } from '../kit/config';
import { badInput, ErrorCode } from '../kit/errors';
import type { RequestContext } from '../kit/subgraph';

export const MAX_CHANGES_PAGE = 200;
const TIMEOUT_MS = 15_000;
const EVENT_TYPE = /^[A-Za-z]{1,64}$/;
const peers = new Agent({ keepAliveTimeout: 30_000, connections: 8 });

/** Each domain's position: the last change read (or passed over as unreadable) in its feed. */
export type Positions = Partial<Record<DomainName, number>>;

export function encodeCursor(positions: Positions): string {
  return Buffer.from(JSON.stringify({ v: 1, p: positions })).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): Positions {
  if (cursor == null || cursor === '') return {};
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown; p?: unknown };
    if (parsed.v !== 1 || parsed.p === null || typeof parsed.p !== 'object' || Array.isArray(parsed.p)) throw new Error('shape');
    const positions: Positions = {};
    for (const [domain, position] of Object.entries(parsed.p as Record<string, unknown>)) {
      if (!(DOMAINS as readonly string[]).includes(domain) || typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0) throw new Error('position');
      positions[domain as DomainName] = position;
    }
    return positions;
  } catch {
    throw badInput('after', 'it is not a cursor of `changes`; pass an endCursor or edge cursor as it was given.');
  }
}

export interface ChangeEdge {
  cursor: string;
  node: Omit<DeliveredChange, 'fields'> & { domain: string; fields: { name: string; value: string | null; masked: boolean }[] };
}

export interface ChangeConnection {
  edges: ChangeEdge[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Who reads the feed, as the domains will judge them: the Authorization and X-Purpose sent on. A request's caller
 * (feedCallerOf), or a subscription's principal with a token minted for it (webhooks.ts).
 */
export interface FeedCaller {
  requestId: string;
  authorization?: string;
  purpose?: string | null;
  peers: Partial<Record<DomainName, string>>;
}

export function feedCallerOf(ctx: RequestContext<unknown>): FeedCaller {
  return { requestId: ctx.requestId, authorization: ctx.authorization, purpose: ctx.auth?.principal.purpose ?? null, peers: ctx.peers };
}

/** One change of one domain, judged for `caller` now: what redelivering a dead letter sends (null: no longer readable). */
export async function changeAt(caller: FeedCaller, domain: DomainName, position: number, type: string): Promise<ChangeEdge['node'] | null> {
  const url = caller.peers[domain];
  if (!url || position < 1) return null;
  const page = await pageOf(caller, domain, url, { after: position - 1, first: 1, types: [type] });
  const change = page.changes[0];
  return change && change.position === position ? nodeOf(domain, change) : null;
}

function nodeOf(domain: DomainName, change: DeliveredChange): ChangeEdge['node'] {
  // Values as JSON text: a field may hold a string, a number, a list or an object.
  const fields = change.fields.map((f) => ({ name: f.name, value: f.value === undefined || f.value === null ? null : JSON.stringify(f.value), masked: f.masked }));
  return { ...change, domain, fields };
}

async function pageOf(ctx: FeedCaller, domain: DomainName, url: string, body: { after: number; first: number; types: readonly string[] }): Promise<ChangePage> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': ctx.requestId };
  if (ctx.authorization) headers.authorization = ctx.authorization;
  const purpose = ctx.purpose;
  if (purpose) headers['x-purpose'] = purpose;
  let status = 0;
  let answer: unknown;
  try {
    const res = await request(new URL(CHANGES_PATH, url), { method: 'POST', headers, body: JSON.stringify(body), dispatcher: peers, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
    status = res.statusCode;
    answer = await res.body.json();
  } catch {
    status = 0;
  }
  const page = answer as Partial<ChangePage> | undefined;
  if (status !== 200 || !page || !Array.isArray(page.changes) || typeof page.scannedTo !== 'number') {
    throw new GraphQLError(`The changes cannot be read: the ${domain} service did not answer. Nothing was delivered; ask again later.`, { extensions: { code: ErrorCode.Unavailable, domain } });
  }
  return page as ChangePage;
}

/** One page of the merged feed for the caller of `ctx`. */
export function changes(ctx: RequestContext<unknown>, args: { types?: readonly string[] | null; first?: number | null; after?: string | null }): Promise<ChangeConnection> {
  return readFeed(feedCallerOf(ctx), args);
}

/** One page of the merged feed for `ctx`; `domains` limits the domains asked (those recording the types asked for). */
export async function readFeed(
  ctx: FeedCaller,
  args: { types?: readonly string[] | null; first?: number | null; after?: string | null },
  only?: readonly DomainName[],
): Promise<ChangeConnection> {
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 0 || first > MAX_CHANGES_PAGE) throw badInput('first', `ask for 0 to ${MAX_CHANGES_PAGE} changes.`);
  const types = args.types ?? [];
  if (types.length > 100 || !types.every((t) => EVENT_TYPE.test(t))) throw badInput('types', 'give event type names such as PersonDied, at most 100.');
  const start = decodeCursor(args.after);
  const domains = DOMAINS.filter((d) => ctx.peers[d] && (!only || only.includes(d)));
  const pages = await Promise.all(domains.map((d) => pageOf(ctx, d, ctx.peers[d]!, { after: start[d] ?? 0, first, types })));
  // Merged oldest first; each domain's changes stay in their own order (per record order is the domain's).
  const queues = domains.map((domain, i) => ({ domain, page: pages[i]!, next: 0 }));
  const positions: Positions = { ...start };
  const edges: ChangeEdge[] = [];
  while (edges.length < first) {
    let pick: (typeof queues)[number] | null = null;
    for (const q of queues) {
      const head = q.page.changes[q.next];
      if (head && (!pick || head.occurredAt < pick.page.changes[pick.next]!.occurredAt)) pick = q;
    }
    if (!pick) break;
    const change = pick.page.changes[pick.next]!;
    pick.next += 1;
    positions[pick.domain] = change.position;
    edges.push({ cursor: encodeCursor(positions), node: nodeOf(pick.domain, change) });
  }
  // A domain read to its end moves past the changes it left out as unreadable, so they are not scanned again.
  let hasNextPage = false;
  for (const q of queues) {
    const left = q.next < q.page.changes.length;
    if (!left) positions[q.domain] = Math.max(positions[q.domain] ?? 0, q.page.scannedTo);
    if (left || q.page.more) hasNextPage = true;
  }
  const endCursor = encodeCursor(positions);
  return { edges, pageInfo: { hasNextPage, hasPreviousPage: args.after != null, startCursor: edges[0]?.cursor ?? null, endCursor } };
}
