/**
 * Webhook push of change subscriptions. A worker in the governance service reads each active subscription's next
 * changes AS THE SUBSCRIBER (a short-lived token minted for the principal captured at subscribe time, so every
 * domain judges and audits the read exactly as it would the subscriber's own `changes` query) and POSTs each change,
 * signed, to the webhook: one change at a time per subscription, so changes of one record arrive in order.
 *
 * A 2xx answer is a delivery: the position moves past the change in the same transaction as its delivery record.
 * Anything else is retried with exponential backoff and jitter (the due time is stored, so a restart keeps it);
 * after WEBHOOK_MAX_ATTEMPTS the change becomes a dead letter and the position moves on. Every subscription is
 * leased by one worker at a time and every position move is guarded by the position it started from, so no change
 * is delivered twice to one position, across replicas and restarts; the X-Hainan-Delivery ID (the same for every
 * attempt at a change, derived from subscription, domain and position) lets receivers drop the duplicate that a
 * crash between a 2xx and its commit can still cause.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'undici';
import { signToken, type Principal } from '../../auth';
import type { DomainName, WebhookConfig } from '../kit/config';
import { webhookConfig } from '../kit/config';
import type { EntityManager } from '../kit/orm';
import { SqliteChangeDetector } from '../kit/policy-watch';
import type { BackgroundService, BackgroundTask } from '../kit/subgraph';
import { PLATFORM_CATALOGUE, PLATFORM_EVENTS } from '../platform-catalogue';
import { readFeed, type ChangeEdge, type FeedCaller } from './exchange';
import { ChangeSubscriptionRecord, DeadLetterRecord, SubscriptionDeliveryRecord, type ChangeSubscriptionRow } from './subscription-store';

export const SUBSCRIPTION_HEADER = 'X-Hainan-Subscription';
export const DELIVERY_HEADER = 'X-Hainan-Delivery';
export const SIGNATURE_HEADER = 'X-Hainan-Signature';
/** Changes read per page while delivering (one at a time while a change is being retried). */
const BATCH = 20;
/** Changes one subscription gets per turn, so one busy subscription does not hold the others back. */
const PER_TURN = 100;
/** Subscriptions served at once. */
const CONCURRENCY = 4;
const LEASE_MS = 60_000;
const TOKEN_SECONDS = 300;
/** The most of a webhook's answer read (and thrown away): its body means nothing here. */
const MAX_ANSWER_BYTES = 64 * 1024;

export type ChangeNode = ChangeEdge['node'];

export interface Attempt {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** What requests of the governance service use of push (RequestContext.background.webhooks). */
export interface Webhooks {
  readonly options: WebhookConfig;
  readonly production: boolean;
  /** The signing secret of a subscription, or null when the service has no key to derive it from. */
  secretOf(row: Pick<ChangeSubscriptionRow, 'id' | 'secretSalt'>): string | null;
  /** Why push cannot run here (null when it can): webhook subscriptions are refused then. */
  pushUnavailable(): string | null;
  /** The subscription's principal as a feed reader: a token minted for it, its purpose. */
  callerOf(row: ChangeSubscriptionRow): Promise<FeedCaller>;
  /** One signed POST of one change. */
  post(row: ChangeSubscriptionRow, deliveryId: string, node: ChangeNode): Promise<Attempt>;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`. */
export function signatureOf(secret: string, t: number, body: string): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** The same for every attempt at one change of one subscription, and unique to it. */
export function deliveryIdOf(subscriptionId: string, domain: string, position: number): string {
  return createHash('sha256').update(`${subscriptionId}\u0000${domain}\u0000${position}`).digest('hex').slice(0, 32);
}

/** The wait before attempt `attempt + 1`: base·2^(attempt-1), capped, with "equal jitter" (half fixed, half random). */
export function backoffDelay(attempt: number, options: Pick<WebhookConfig, 'backoffMs' | 'maxBackoffMs'>, random = Math.random): number {
  const full = Math.min(options.maxBackoffMs, options.backoffMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.round(full / 2 + (random() * full) / 2);
}

/** The domains recording these event types: the only feeds a subscription reads. */
export function domainsOf(types: readonly string[]): DomainName[] {
  return [...new Set(types.map((t) => PLATFORM_EVENTS[t]?.domain).filter((d): d is DomainName => d !== undefined))];
}

/** What a subscription delivers of a change: without CONDITIONAL fields when it asked so; null when nothing is left. */
export function deliverable(row: Pick<ChangeSubscriptionRow, 'withoutConditionalFields'>, node: ChangeNode): ChangeNode | null {
  if (!row.withoutConditionalFields) return node;
  const type = node.recordKey.slice(0, node.recordKey.indexOf(':'));
  const fields = node.fields.filter((f) => PLATFORM_CATALOGUE[type]?.fields[f.name]?.sharing !== 'CONDITIONAL');
  return fields.length === 0 ? null : { ...node, fields };
}

/** The principal a subscription's deliveries are judged for: the subscriber as captured, in the region asked for. */
export function deliveryPrincipal(row: Pick<ChangeSubscriptionRow, 'id' | 'dept' | 'subscriberRoles' | 'subscriberRegion' | 'region' | 'purpose'>): Principal {
  return Object.freeze({
    kind: 'government' as const,
    sub: `subscription:${row.id}`,
    dept: row.dept,
    roles: Object.freeze(JSON.parse(row.subscriberRoles) as string[]),
    region: row.region ?? row.subscriberRegion ?? null,
    client: null,
    purpose: row.purpose,
  });
}

/** The JSON body of one delivery: values as JSON values (not JSON text, as GraphQL gives them). */
export function deliveryBody(subscriptionId: string, deliveryId: string, node: ChangeNode): string {
  const { type, domain, recordKey, occurredAt, version, writerDept } = node;
  const fields = node.fields.map((f) => ({ name: f.name, value: f.value === null ? null : (JSON.parse(f.value) as unknown), masked: f.masked }));
  return JSON.stringify({ subscription: subscriptionId, delivery: deliveryId, change: { type, domain, recordKey, occurredAt, version, writerDept, fields } });
}

async function kidOf(file: string): Promise<string | null> {
  const jwk = JSON.parse(await readFile(file, 'utf8')) as { kid?: unknown };
  return typeof jwk.kid === 'string' ? jwk.kid : null;
}

/**
 * Push for one governance service. Signing secrets are derived, never stored: secret = HMAC-SHA256(key, id + salt)
 * with the row's random salt and a key outside the database (WEBHOOK_SECRET_KEY; outside production the development
 * signing key), so a copy of the database alone signs nothing, while the worker can always sign again.
 */
export async function createWebhooks(service: BackgroundService): Promise<Webhooks> {
  const { config, identity } = service;
  const options = config.webhooks ?? webhookConfig({});
  const production = config.production;
  let unavailable: string | null = null;
  // The tokens the worker mints must verify wherever the JWKS is trusted: in production a key of its own.
  const keyFile = options.deliveryKeyFile ?? (production ? null : identity.privateKeyFile);
  if (!keyFile) unavailable = production ? 'DELIVERY_KEY_FILE is not set: push needs a signing key whose public key is in the JWKS.' : 'no signing key: set DELIVERY_KEY_FILE.';
  else if (production && identity.jwksFile) {
    const kid = await kidOf(keyFile);
    const jwks = JSON.parse(await readFile(identity.jwksFile, 'utf8')) as { keys?: { kid?: string }[] };
    if (!kid || !jwks.keys?.some((k) => k.kid === kid)) unavailable = `the key of DELIVERY_KEY_FILE (kid ${kid ?? 'none'}) is not in the JWKS, so no service would accept its tokens.`;
  }
  let secretKey: Buffer | null = options.secretKey ? Buffer.from(options.secretKey, 'utf8') : null;
  if (!secretKey && !production && identity.privateKeyFile) secretKey = createHash('sha256').update('hainan webhook secrets\u0000').update(await readFile(identity.privateKeyFile)).digest();
  if (!secretKey) unavailable ??= 'WEBHOOK_SECRET_KEY is not set: signing secrets cannot be derived.';
  if (unavailable) service.warn(`Webhook push is off: ${unavailable}`);

  const tokens = new Map<string, { token: string; until: number }>();
  const agent = new Agent({ connections: 4, keepAliveTimeout: 10_000, connect: { timeout: options.timeoutMs } });

  const webhooks: Webhooks & { close(): Promise<void> } = {
    options,
    production,
    secretOf(row) {
      if (!secretKey) return null;
      return `whsec_${createHmac('sha256', secretKey).update(`${row.id}.${row.secretSalt}`).digest('base64url')}`;
    },
    pushUnavailable: () => unavailable,
    async callerOf(row) {
      const cached = tokens.get(row.id);
      let token = cached && cached.until > Date.now() ? cached.token : null;
      if (!token) {
        if (!keyFile) throw new Error(`Webhook push is off: ${unavailable}`);
        const principal = deliveryPrincipal(row);
        token = await signToken(
          keyFile,
          { sub: principal.sub, dept: principal.dept!, roles: principal.roles, ...(principal.region ? { region: principal.region } : {}) },
          { issuer: config.auth.issuer, audience: config.auth.audience, expiresIn: TOKEN_SECONDS },
        );
        // Renewed well before expiry, so a token never dies between minting and a domain's check.
        tokens.set(row.id, { token, until: Date.now() + (TOKEN_SECONDS - 60) * 1000 });
      }
      return { requestId: `subscription:${row.id}:${randomUUID().slice(0, 8)}`, authorization: `Bearer ${token}`, purpose: row.purpose, peers: config.peers };
    },
    async post(row, deliveryId, node) {
      const secret = webhooks.secretOf(row);
      if (!row.webhookUrl || !secret) return { ok: false, status: null, error: 'push is not configured' };
      const body = deliveryBody(row.id, deliveryId, node);
      const t = Math.floor(Date.now() / 1000);
      try {
        const res = await request(row.webhookUrl, {
          method: 'POST',
          dispatcher: agent,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'hainan-data-graph-webhooks/1',
            [SUBSCRIPTION_HEADER.toLowerCase()]: row.id,
            [DELIVERY_HEADER.toLowerCase()]: deliveryId,
            [SIGNATURE_HEADER.toLowerCase()]: signatureOf(secret, t, body),
          },
          body,
          // Never follow a redirect: the subscriber named this URL, and only this URL gets the data.
          maxRedirections: 0,
          headersTimeout: options.timeoutMs,
          bodyTimeout: options.timeoutMs,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        // The answer's body means nothing here: read at most a little of it, so the connection can be reused.
        await res.body.dump({ limit: MAX_ANSWER_BYTES }).catch(() => undefined);
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        return { ok, status: res.statusCode, error: ok ? null : `HTTP ${res.statusCode}` };
      } catch (error) {
        const name = (error as { name?: string; code?: string }).code ?? (error as Error).name ?? 'Error';
        return { ok: false, status: null, error: name === 'TimeoutError' || name === 'UND_ERR_HEADERS_TIMEOUT' || name === 'UND_ERR_BODY_TIMEOUT' ? `no answer within ${options.timeoutMs} ms` : `not reachable (${name})` };
      }
    },
    close: () => agent.close(),
  };
  return webhooks;
}

/** The position moved since this worker read it (another worker, or a restart): it stops serving the subscription. */
class LostLease extends Error {}

/** The delivery worker: started with the service, stopped first when it stops (after the delivery in hand). */
export function deliveryWorker(service: BackgroundService, webhooks: Webhooks): { start(): void; stop(): Promise<void> } {
  const me = randomUUID();
  const { maxAttempts, pollMs } = webhooks.options;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastWarning = '';
  const em = () => service.db.orm.em.fork();

  const warn = (message: string) => {
    // One line per new problem, not one per poll.
    if (message !== lastWarning) service.warn(message);
    lastWarning = message;
  };

  async function load(id: string): Promise<ChangeSubscriptionRow | null> {
    return (await em().findOne(ChangeSubscriptionRecord, { id }, { disableIdentityMap: true })) as ChangeSubscriptionRow | null;
  }

  async function claim(id: string): Promise<boolean> {
    const now = new Date();
    const claimed = await em().nativeUpdate(
      ChangeSubscriptionRecord,
      { id, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }, { leaseOwner: me }] },
      { leaseOwner: me, leaseUntil: new Date(now.getTime() + LEASE_MS) },
    );
    return claimed === 1;
  }

  async function release(id: string): Promise<void> {
    await em().nativeUpdate(ChangeSubscriptionRecord, { id, leaseOwner: me }, { leaseOwner: null, leaseUntil: null });
  }

  /** Moves the position from `from` to `to` with `changes`, in `tx`; refuses if someone else moved it. */
  async function move(tx: EntityManager, row: ChangeSubscriptionRow, to: string, changes: Partial<ChangeSubscriptionRow>): Promise<void> {
    const moved = await tx.nativeUpdate(ChangeSubscriptionRecord, { id: row.id, position: row.position, leaseOwner: me }, { ...changes, position: to, leaseUntil: new Date(Date.now() + LEASE_MS) });
    if (moved !== 1) throw new LostLease();
    Object.assign(row, changes, { position: to });
  }

  function deliveryRow(row: ChangeSubscriptionRow, deliveryId: string, node: ChangeNode, status: string, attempts: number, attempt: Attempt) {
    return { id: randomUUID(), deliveryId, subscriptionId: row.id, dept: row.dept, domain: node.domain, position: node.position, type: node.type, recordKey: node.recordKey.slice(0, 200), status, attempts, httpStatus: attempt.status, error: attempt.error, at: new Date() };
  }

  async function deliverOne(row: ChangeSubscriptionRow, edge: ChangeEdge): Promise<'next' | 'wait'> {
    const node = deliverable(row, edge.node);
    if (!node) {
      await em().transactional((tx) => move(tx, row, edge.cursor, {}));
      return 'next';
    }
    const deliveryId = deliveryIdOf(row.id, node.domain, node.position);
    const attempt = await webhooks.post(row, deliveryId, node);
    const attempts = (row.retryDelivery === deliveryId ? row.failures : 0) + 1;
    const reset = { failures: 0, retryDelivery: null, nextAttemptAt: null };
    if (attempt.ok) {
      await em().transactional(async (tx) => {
        await move(tx, row, edge.cursor, { ...reset, lastError: null, lastDeliveredAt: new Date() });
        await tx.insert(SubscriptionDeliveryRecord, deliveryRow(row, deliveryId, node, 'DELIVERED', attempts, attempt));
      });
      return 'next';
    }
    if (attempts >= maxAttempts) {
      await em().transactional(async (tx) => {
        await move(tx, row, edge.cursor, { ...reset, lastError: `${attempt.error} (dead-lettered after ${attempts} attempts)` });
        await tx.insert(SubscriptionDeliveryRecord, deliveryRow(row, deliveryId, node, 'DEAD_LETTERED', attempts, attempt));
        await tx.insert(DeadLetterRecord, {
          id: `DL-${String(Date.now()).padStart(13, '0')}-${randomUUID().slice(0, 8)}`,
          subscriptionId: row.id,
          dept: row.dept,
          deliveryId,
          domain: node.domain,
          position: node.position,
          type: node.type,
          recordKey: node.recordKey.slice(0, 200),
          occurredAt: new Date(node.occurredAt),
          fields: JSON.stringify(node.fields.map((f) => f.name)),
          lastError: attempt.error ?? 'failed',
          attempts,
          createdAt: new Date(),
          state: 'PENDING',
          redeliveredAt: null,
        });
      });
      return 'next';
    }
    // Not yet: the same change again later (nothing after it overtakes it), after a growing wait.
    const nextAttemptAt = new Date(Date.now() + backoffDelay(attempts, webhooks.options));
    await em().transactional((tx) => move(tx, row, row.position, { failures: attempts, retryDelivery: deliveryId, nextAttemptAt, lastError: attempt.error }));
    return 'wait';
  }

  function eligible(row: ChangeSubscriptionRow | null): row is ChangeSubscriptionRow {
    return !!row && row.state === 'ACTIVE' && !!row.webhookUrl && !(row.nextAttemptAt && row.nextAttemptAt.getTime() > Date.now());
  }

  async function read(row: ChangeSubscriptionRow) {
    const types = JSON.parse(row.types) as string[];
    return readFeed(await webhooks.callerOf(row), { types, first: row.failures > 0 ? 1 : BATCH, after: row.position || null }, domainsOf(types));
  }

  /** Whether a page read at the row's position leaves nothing to do: no change, and nothing to note. */
  function idle(row: ChangeSubscriptionRow, page: Awaited<ReturnType<typeof read>>): boolean {
    return page.edges.length === 0 && (page.pageInfo.endCursor ?? row.position) === row.position && row.caughtUp === !page.pageInfo.hasNextPage;
  }

  /** Delivers one subscription's next changes, in order, until it is caught up, must wait, or had its turn. */
  async function serve(id: string): Promise<void> {
    // Read before leasing: an idle subscription (the usual case) costs one read of the feed and no write.
    let peeked: ChangeSubscriptionRow | null;
    let page: Awaited<ReturnType<typeof read>> | null;
    try {
      peeked = await load(id);
      if (!eligible(peeked)) return;
      page = await read(peeked);
      if (idle(peeked, page) || !(await claim(id))) return;
    } catch (error) {
      warn(`Webhook delivery of subscription ${id} paused: ${(error as Error).message}`);
      return;
    }
    try {
      let delivered = 0;
      while (!stopping && delivered < PER_TURN) {
        const row = await load(id);
        if (!eligible(row) || row.leaseOwner !== me) return;
        // The page peeked holds if nobody moved the position since; otherwise read again from where it is now.
        if (!page || row.position !== peeked.position || row.failures !== peeked.failures) page = await read(row);
        const current = page;
        page = null;
        for (const edge of current.edges) {
          // A pause or cancel takes effect before the next change, not after the page.
          const fresh = await load(id);
          if (stopping || !fresh || fresh.state !== 'ACTIVE') return;
          if ((await deliverOne(row, edge)) === 'wait') return;
          delivered += 1;
        }
        if (current.edges.length === 0 || !current.pageInfo.hasNextPage) {
          // Read to the end: move past changes left out as unreadable, so they are not read again.
          const end = current.pageInfo.endCursor ?? row.position;
          const caughtUp = !current.pageInfo.hasNextPage;
          if (end !== row.position || caughtUp !== row.caughtUp) await em().transactional((tx) => move(tx, row, end, { caughtUp }));
          return;
        }
        if (row.caughtUp) await em().transactional((tx) => move(tx, row, row.position, { caughtUp: false }));
      }
    } catch (error) {
      if (error instanceof LostLease) return;
      // A domain that does not answer, a database hiccup: the subscription is tried again next poll.
      warn(`Webhook delivery of subscription ${id} paused: ${(error as Error).message}`);
    } finally {
      await release(id).catch(() => undefined);
    }
  }

  // With no webhook subscription at all (the usual embedded platform), only a commit to the governance store can
  // make one due: on SQLite, `PRAGMA data_version` (microseconds, no ORM) says whether there was one since the last
  // round, so an idle worker asks the store nothing. PostgreSQL has no such cheap signal: it is asked every poll.
  const detector = service.db.config.driver === 'sqlite' ? new SqliteChangeDetector(service.db.config.file) : null;
  let none = false;

  async function tick(): Promise<void> {
    if (detector) {
      if (!detector.changed() && none) return;
      none = false;
    }
    const now = new Date();
    const due = (await em().find(
      ChangeSubscriptionRecord,
      {
        state: 'ACTIVE',
        webhookUrl: { $ne: null },
        $and: [{ $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }] }, { $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }, { leaseOwner: me }] }],
      },
      { fields: ['id'], orderBy: { createdAt: 'asc' }, limit: 50, disableIdentityMap: true },
    )) as Pick<ChangeSubscriptionRow, 'id'>[];
    const queue = due.map((r) => r.id);
    if (detector && queue.length === 0) none = (await em().count(ChangeSubscriptionRecord, { state: 'ACTIVE', webhookUrl: { $ne: null } })) === 0;
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
        for (let id = queue.shift(); id !== undefined && !stopping; id = queue.shift()) await serve(id);
      }),
    );
  }

  let ticking = false;
  let wanted = false;
  function schedule(delayMs = pollMs): void {
    if (stopping) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      ticking = true;
      wanted = false;
      running = service.db.queries
        .uncounted(tick)
        .catch((error: unknown) => warn(`Webhook delivery paused: ${(error as Error).message}`))
        .finally(() => {
          ticking = false;
          // A change announced while this round ran is served at once, not a poll later.
          schedule(wanted ? 0 : pollMs);
        });
    }, delayMs);
    timer.unref();
  }

  /** A domain published a change (NATS): serve now rather than at the next poll. */
  function wake(): void {
    if (stopping) return;
    if (ticking) wanted = true;
    else schedule(0);
  }

  let announcements: { unsubscribe(): void } | undefined;
  return {
    start() {
      if (webhooks.pushUnavailable()) return;
      schedule();
      // With NATS, every domain's relay publishes each change on its subject: hearing one wakes the worker, so a
      // webhook follows its write within milliseconds; polling stays as the fallback (and the only way without NATS).
      const link = service.nats;
      if (link) {
        void link
          .connected()
          .then((nc) => {
            if (!stopping) announcements = nc.subscribe(`${link.config.streamPrefix.toLowerCase()}.>`, { callback: () => wake() });
          })
          .catch(() => undefined);
      }
    },
    async stop() {
      stopping = true;
      announcements?.unsubscribe();
      clearTimeout(timer);
      // The delivery in hand finishes (bounded by the webhook timeout), and its position is stored.
      await running;
      detector?.close();
    },
  };
}

/** The governance service's background task: the webhooks for requests, the worker beside them. */
export async function webhookTask(service: BackgroundService): Promise<BackgroundTask> {
  const webhooks = await createWebhooks(service);
  const worker = deliveryWorker(service, webhooks);
  return {
    context: { webhooks },
    start: () => worker.start(),
    async stop() {
      await worker.stop();
      await (webhooks as Webhooks & { close(): Promise<void> }).close();
    },
  };
}
