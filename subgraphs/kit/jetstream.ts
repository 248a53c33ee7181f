/**
 * NATS JetStream for the change feed (NATS_URL; README "Change feed"). Each domain has one stream,
 * `<PREFIX>_<DOMAIN>` on subjects `<prefix>.<domain>.<EventType>`, and one relay that hands its outbox (outbox.ts) to
 * it: unpublished events in `seq` order, each with the event's `id` as the message ID (JetStream drops a message
 * whose ID it has seen within the duplicate window), the next one only after the previous one's ack, then
 * `publishedAt` is set. The outbox keeps every event until JetStream has acknowledged it, so NATS being down delays
 * the feed and never loses an event or fails a write.
 *
 * Several processes of one domain (replicas sharing its database) each run a relay, without a lock: duplicates are
 * harmless. Two relays publishing the same event send the same message ID, and JetStream keeps one; order holds
 * because a relay publishes event n + 1 only after the ack of n, and an ack (stored or duplicate) means n is in the
 * stream. At start and after each outage a relay also marks as published what the stream's last message shows the
 * stream already holds, so a process stopped between ack and mark republishes nothing even past the window.
 *
 * With NATS_URL the feed (`POST /changes`) is read from the stream (`jetStreamSource`): positions are then stream
 * sequences, which equal outbox positions for a stream filled by its relay from the first event.
 */
import fs from 'node:fs';
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type Consumer,
  type ConsumerConfig,
  type JetStreamClient,
  type JetStreamManager,
  type PubAck,
  type StreamConfig,
} from '@nats-io/jetstream';
import { connect, credsAuthenticator, headers, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { ChangeSource } from './changes';
import { ConfigError, type NatsConfig } from './config';
import { unavailable } from './errors';
import type { Database } from './orm';
import { markPublished, markPublishedUpTo, onOutboxCommitted, OutboxEvent, recordKeyOf, unpublishedEvents, type OutboxRow } from './outbox';

/** How long JetStream remembers a message ID: covers a relay retrying after a lost ack or a restart. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;
/** A relay looks for unpublished events this often besides after each commit (imports, other replicas' writes). */
export const RELAY_POLL_MS = 1000;
/** Events a relay reads from the outbox at a time. */
const RELAY_BATCH = 200;
/** A JetStream request (publish ack, stream info) that has no answer by then fails, and is retried. */
const REQUEST_TIMEOUT_MS = 2000;
const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 5000;

/** Headers every message carries besides Nats-Msg-Id (the event's id). */
export const SEQ_HEADER = 'Hainan-Seq';
export const TYPE_HEADER = 'Hainan-Type';
export const RECORD_HEADER = 'Hainan-Record-Key';

export function streamName(config: Pick<NatsConfig, 'streamPrefix'>, domain: string): string {
  return `${config.streamPrefix}_${domain.toUpperCase()}`;
}

/** `hainan.population.PersonDied`; without a type, the domain's wildcard `hainan.population.>`. */
export function subjectOf(config: Pick<NatsConfig, 'streamPrefix'>, domain: string, type?: string): string {
  return `${config.streamPrefix.toLowerCase()}.${domain}.${type ?? '>'}`;
}

type Log = (level: 'info' | 'warn', message: string) => void;

/**
 * One connection to NATS per service, made in the background: a service starts and writes while NATS is
 * unreachable, and the link keeps trying (the client then reconnects by itself after any later outage).
 */
export interface NatsLink {
  readonly config: NatsConfig;
  /** The connection, or null until NATS has been reached. */
  current(): NatsConnection | null;
  /** Resolves with the connection once NATS is reached (tests). */
  connected(): Promise<NatsConnection>;
  close(): Promise<void>;
}

export function connectNats(config: NatsConfig, options: { name: string; log?: Log }): NatsLink {
  const log = options.log ?? (() => undefined);
  let creds: Uint8Array | undefined;
  if (config.credsFile) {
    try {
      creds = fs.readFileSync(config.credsFile);
    } catch (error) {
      throw new ConfigError('NATS_CREDS', `cannot read ${config.credsFile}: ${(error as Error).message}`);
    }
  }
  let conn: NatsConnection | null = null;
  let closed = false;
  let cancelWait: (() => void) | null = null;
  const waiters: ((nc: NatsConnection) => void)[] = [];
  const loop = async () => {
    let wait = BACKOFF_MIN_MS;
    let reported = false;
    while (!closed) {
      try {
        const nc = await connect({
          servers: config.servers,
          name: options.name,
          // Once connected, the client rides out any outage itself, resending its subscriptions.
          maxReconnectAttempts: -1,
          reconnectTimeWait: 500,
          timeout: REQUEST_TIMEOUT_MS,
          ...(creds ? { authenticator: credsAuthenticator(creds) } : {}),
        });
        if (closed) return void (await nc.close());
        conn = nc;
        if (reported) log('info', `NATS reached at ${config.servers.join(',')}.`);
        for (const w of waiters.splice(0)) w(nc);
        // Closed for good (not an outage: e.g. credentials refused): start over.
        void nc.closed().then(() => {
          if (conn === nc) conn = null;
          if (!closed) void loop();
        });
        return;
      } catch (error) {
        if (!reported) log('warn', `NATS is unreachable at ${config.servers.join(',')} (${(error as Error).message}); events stay in the outbox, retrying.`);
        reported = true;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          cancelWait = () => (clearTimeout(timer), resolve());
        });
        cancelWait = null;
        wait = Math.min(wait * 2, BACKOFF_MAX_MS);
      }
    }
  };
  void loop();
  return {
    config,
    current: () => conn,
    connected: () => (conn ? Promise.resolve(conn) : new Promise((resolve) => waiters.push(resolve))),
    async close() {
      closed = true;
      cancelWait?.();
      const nc = conn;
      conn = null;
      await nc?.close().catch(() => undefined);
    },
  };
}

/** Whether `error` is JetStream's API error `code` (e.g. JetStreamApiCodes.StreamNotFound). */
export function isApiError(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}

/** Creates the domain's stream, or brings an existing one to the configured replicas and duplicate window. */
export async function ensureStream(jsm: JetStreamManager, config: NatsConfig, domain: string): Promise<void> {
  const name = streamName(config, domain);
  const wanted: Partial<StreamConfig> & { name: string } = {
    name,
    subjects: [subjectOf(config, domain)],
    // The feed replays from any position within the retention: kept on disk, by age only (CHANGE_RETENTION_DAYS).
    storage: StorageType.File,
    max_age: nanos(config.maxAgeDays * 86_400_000),
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    num_replicas: config.replicas,
    // An event, once in the stream, is part of the record: no single message is deleted through the API.
    deny_delete: true,
  };
  try {
    const info = await jsm.streams.info(name);
    if (info.config.num_replicas !== config.replicas || info.config.duplicate_window !== wanted.duplicate_window || info.config.max_age !== wanted.max_age) {
      await jsm.streams.update(name, { num_replicas: config.replicas, duplicate_window: wanted.duplicate_window, max_age: wanted.max_age });
    }
  } catch (error) {
    if (!isApiError(error, JetStreamApiCodes.StreamNotFound)) throw error;
    await jsm.streams.add(wanted);
  }
}

/** Publishes one outbox event and waits for its ack (`duplicate` when the stream had its ID already). */
export function publishEvent(js: JetStreamClient, config: NatsConfig, domain: string, row: OutboxRow): Promise<PubAck> {
  const h = headers();
  h.set(SEQ_HEADER, String(row.seq));
  h.set(TYPE_HEADER, row.type);
  h.set(RECORD_HEADER, recordKeyOf(row));
  // The whole row: the feed judges it at delivery time as it would the outbox's.
  const payload = JSON.stringify({ ...row, occurredAt: new Date(row.occurredAt).toISOString(), publishedAt: null });
  return js.publish(subjectOf(config, domain, row.type), payload, { msgID: row.id, headers: h, expect: { streamName: streamName(config, domain) }, timeout: REQUEST_TIMEOUT_MS });
}

export interface Relay {
  /** An event was committed: publish now rather than at the next poll. */
  notify(): void;
  /** Events handed over, and how many of them JetStream had already (another relay's, or a retry's). */
  readonly stats: { published: number; duplicates: number; outages: number };
  stop(): Promise<void>;
}

/** Starts the relay of `domain`'s outbox to its stream. Never throws: failures are retried with backoff. */
export function startRelay(options: { db: Database; domain: string; link: NatsLink; log?: Log; pollMs?: number }): Relay {
  const { db, domain, link } = options;
  const config = link.config;
  const log = options.log ?? (() => undefined);
  const pollMs = options.pollMs ?? RELAY_POLL_MS;
  const stats = { published: 0, duplicates: 0, outages: 0 };
  let stopped = false;
  let pending = false;
  let wake: (() => void) | null = null;
  let ensuredOn: NatsConnection | null = null;
  let down = false;
  let heldSince = 0;

  /** After (re)connecting: the stream exists, and what it already holds is marked published. */
  async function prepare(nc: NatsConnection): Promise<void> {
    const jsm = await jetstreamManager(nc, { timeout: REQUEST_TIMEOUT_MS, checkAPI: false });
    await ensureStream(jsm, config, domain);
    const name = streamName(config, domain);
    const last = (await jsm.streams.info(name)).state.last_seq;
    if (last > 0) {
      const message = await jsm.streams.getMessage(name, { seq: last });
      const seq = Number(message?.header.get(SEQ_HEADER));
      const id = message?.header.get('Nats-Msg-Id');
      const row = Number.isSafeInteger(seq) ? await db.orm.em.fork().findOne(OutboxEvent, { seq }, { disableIdentityMap: true }) : null;
      // Only when the stream's last event is this outbox's: a stream left from a reset database says nothing here.
      if (row && row.id === id) await markPublishedUpTo(db.orm.em.fork(), seq);
      else if (seq) log('warn', `Stream ${name} ends with an event this outbox does not hold (a database reset?): publishing after it.`);
    }
    ensuredOn = nc;
  }

  async function pass(): Promise<number> {
    const nc = link.current();
    if (!nc || nc.isClosed()) throw new Error('not connected');
    if (ensuredOn !== nc || down) await prepare(nc);
    const js = jetstream(nc, { timeout: REQUEST_TIMEOUT_MS });
    let count = 0;
    while (!stopped) {
      const em = db.orm.em.fork();
      const rows = await unpublishedEvents(em, RELAY_BATCH);
      if (rows.length === 0) break;
      const acked: number[] = [];
      try {
        for (const row of rows) {
          const ack = await publishEvent(js, config, domain, row);
          if (ack.duplicate) stats.duplicates += 1;
          acked.push(row.seq);
        }
      } finally {
        // What was acknowledged is marked even when a later publish failed: it is in the stream.
        stats.published += acked.length;
        count += acked.length;
        await markPublished(em, acked);
      }
    }
    return count;
  }

  function sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      wake = wakeable ? done : null;
      if (stopped || (wakeable && pending)) done();
    });
  }

  let stopWait: (() => void) | null = null;
  const running = (async () => {
    let backoff = BACKOFF_MIN_MS;
    while (!stopped) {
      pending = false;
      try {
        const count = await pass();
        if (down) log('info', `JetStream relay of ${domain} resumed: ${count} events held in the outbox for ${Math.round((Date.now() - heldSince) / 1000)} s published.`);
        down = false;
        backoff = BACKOFF_MIN_MS;
        await sleep(pollMs, true);
      } catch (error) {
        // Once per outage: the outbox holds the events, nothing else is lost by waiting.
        if (!down) {
          stats.outages += 1;
          heldSince = Date.now();
          log('warn', `JetStream relay of ${domain} cannot publish (${(error as Error).message}); events stay in the outbox, retrying.`);
        }
        down = true;
        // Not woken by commits while failing: a burst of writes would otherwise retry at the rate of writes.
        await new Promise<void>((resolve) => {
          stopWait = resolve;
          void sleep(backoff, false).then(resolve);
        });
        stopWait = null;
        backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
      }
    }
  })();
  const unsubscribe = onOutboxCommitted(db.orm.em, () => {
    pending = true;
    wake?.();
  });
  return {
    stats,
    notify() {
      pending = true;
      wake?.();
    },
    async stop() {
      stopped = true;
      unsubscribe();
      wake?.();
      (stopWait as (() => void) | null)?.();
      await running;
    },
  };
}

/** Whether the server takes several filter subjects on one consumer (2.10 and later). */
function multiFilter(nc: NatsConnection): boolean {
  const [major = 0, minor = 0] = (nc.info?.version ?? '0.0.0').split('.').map(Number);
  return major > 2 || (major === 2 && minor >= 10);
}

/** A consumer's filter for these event types; null: the whole stream, filtered by the reader. */
function filterFor(nc: NatsConnection, config: NatsConfig, domain: string, types: readonly string[]): Pick<ConsumerConfig, 'filter_subject' | 'filter_subjects'> | null {
  if (types.length === 0) return {};
  if (types.length === 1) return { filter_subject: subjectOf(config, domain, types[0]) };
  if (multiFilter(nc)) return { filter_subjects: types.map((t) => subjectOf(config, domain, t)) };
  return null;
}

function rowOf(data: Record<string, unknown>, streamSeq: number): OutboxRow {
  return { ...(data as unknown as OutboxRow), seq: streamSeq, occurredAt: new Date(String(data.occurredAt)), publishedAt: null };
}

/**
 * The feed read from the domain's stream: from a position (a stream sequence), through an ephemeral consumer that
 * starts there with the types as filter subjects, delivers in order without acks and is deleted after the read.
 */
export function jetStreamSource(link: NatsLink, domain: string): ChangeSource {
  const config = link.config;
  const stream = streamName(config, domain);
  return {
    stream: domain,
    async read(after, limit, types) {
      const nc = link.current();
      if (!nc || nc.isClosed()) throw unavailable('the change feed (NATS JetStream) cannot be reached; try again shortly.');
      try {
        const jsm = await jetstreamManager(nc, { timeout: REQUEST_TIMEOUT_MS, checkAPI: false });
        // Most reads find nothing new (a reader polling at the end of the feed): one request says so, without the
        // three a consumer costs (create, fetch, delete).
        try {
          if ((await jsm.streams.info(stream)).state.last_seq <= after) return [];
        } catch (error) {
          if (isApiError(error, JetStreamApiCodes.StreamNotFound)) return []; // nothing relayed yet
          throw error;
        }
        const filter = filterFor(nc, config, domain, types);
        let info;
        try {
          info = await jsm.consumers.add(stream, {
            ack_policy: AckPolicy.None,
            deliver_policy: DeliverPolicy.StartSequence,
            opt_start_seq: after + 1,
            mem_storage: true,
            num_replicas: 1,
            // Removed by the server if this process dies mid-read.
            inactive_threshold: nanos(60_000),
            ...(filter ?? {}),
          });
        } catch (error) {
          if (isApiError(error, JetStreamApiCodes.StreamNotFound)) return []; // nothing relayed yet
          throw error;
        }
        const wanted = new Set(types);
        const rows: OutboxRow[] = [];
        try {
          const consumer = jetstream(nc, { timeout: REQUEST_TIMEOUT_MS }).consumers.getConsumerFromInfo(info);
          let left = info.num_pending;
          // Ask only for what is there: a fetch for more would wait out its expiry.
          while (rows.length < limit && left > 0) {
            const batch = Math.min(filter ? limit - rows.length : Math.max(limit, 100), left);
            const messages = await consumer.fetch({ max_messages: batch, expires: 5000 });
            let got = 0;
            for await (const m of messages) {
              got += 1;
              const row = rowOf(m.json<Record<string, unknown>>(), m.seq);
              if (filter || wanted.has(row.type)) rows.push(row);
              if (got === batch) break;
            }
            if (got === 0) break;
            left -= got;
          }
        } finally {
          await jsm.consumers.delete(stream, info.name).catch(() => undefined);
        }
        return rows.slice(0, limit);
      } catch (error) {
        throw unavailable(`the change feed (NATS JetStream) failed: ${(error as Error).message}`);
      }
    },
  };
}

const DURABLE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A durable pull consumer on the domain's stream, created or brought to these types: the server keeps its position
 * and redelivers what is not acked (explicit acks) after `ackWaitMs`, so a deliverer resumes where it stopped.
 * On servers before 2.10 several types need a consumer each (or none: every type, the deliverer skipping and acking).
 */
export async function durableConsumer(link: NatsLink, domain: string, name: string, types: readonly string[], options: { ackWaitMs?: number } = {}): Promise<Consumer> {
  if (!DURABLE_NAME.test(name)) throw new Error(`A durable consumer's name is 1 to 64 letters, digits, _ or -: "${name}".`);
  const nc = link.current() ?? (await link.connected());
  const config = link.config;
  const stream = streamName(config, domain);
  const jsm = await jetstreamManager(nc, { timeout: REQUEST_TIMEOUT_MS, checkAPI: false });
  const filter = filterFor(nc, config, domain, types);
  if (filter === null) throw new Error(`NATS ${nc.info?.version} takes one filter subject per consumer: make a consumer per type, or one for all types.`);
  const ackWait = nanos(options.ackWaitMs ?? 30_000);
  try {
    const info = await jsm.consumers.info(stream, name);
    const same = info.config.filter_subject === filter.filter_subject && JSON.stringify(info.config.filter_subjects ?? []) === JSON.stringify(filter.filter_subjects ?? []);
    if (!same || info.config.ack_wait !== ackWait) await jsm.consumers.update(stream, name, { ...filter, ack_wait: ackWait });
  } catch (error) {
    if (!isApiError(error, JetStreamApiCodes.ConsumerNotFound)) throw error;
    await jsm.consumers.add(stream, { durable_name: name, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, ack_wait: ackWait, ...filter });
  }
  return jetstream(nc, { timeout: REQUEST_TIMEOUT_MS }).consumers.get(stream, name);
}
