/**
 * The production home of the audit checkpoints: a NATS JetStream stream (`<PREFIX>_AUDIT`, one subject per domain
 * database, `<prefix>.audit.<name>`) that refuses deleting and purging messages, replicated like the change streams
 * (NATS_STREAM_REPLICAS), kept without an age limit. Every replica of a domain publishes there, so no process's disk
 * matters; a checkpoint is durable when the stream acknowledged it, and its message ID (`<name>-<n>`) makes a
 * retried publish harmless. Used when NATS_URL is set; the embedded default keeps an append-only file.
 */
import { AckPolicy, DeliverPolicy, DiscardPolicy, jetstream, jetstreamManager, JetStreamApiCodes, RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { DUPLICATE_WINDOW_MS, isApiError, subjectOf, type NatsLink } from '../jetstream';
import type { CheckpointSink } from './checkpoints';

const TIMEOUT_MS = 5000;

export function checkpointStreamName(link: NatsLink): string {
  return `${link.config.streamPrefix}_AUDIT`;
}

async function ensureCheckpointStream(jsm: JetStreamManager, link: NatsLink): Promise<void> {
  const name = checkpointStreamName(link);
  try {
    await jsm.streams.info(name);
  } catch (error) {
    if (!isApiError(error, JetStreamApiCodes.StreamNotFound)) throw error;
    await jsm.streams.add({
      name,
      subjects: [subjectOf(link.config, 'audit')],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.New,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      num_replicas: link.config.replicas,
      // Append-only: neither a message nor the whole stream can be removed through the API.
      deny_delete: true,
      deny_purge: true,
    });
  }
}

async function connection(link: NatsLink) {
  const nc = link.current();
  if (nc && !nc.isClosed()) return nc;
  return Promise.race([link.connected(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('NATS cannot be reached')), TIMEOUT_MS).unref())]);
}

export function streamSink(link: NatsLink, name: string): CheckpointSink {
  const subject = subjectOf(link.config, 'audit', name);
  const stream = checkpointStreamName(link);
  let ensured = false;
  return {
    where: `${stream} ${subject}`,
    async append(checkpoint) {
      const nc = await connection(link);
      if (!ensured) {
        await ensureCheckpointStream(await jetstreamManager(nc, { timeout: TIMEOUT_MS }), link);
        ensured = true;
      }
      await jetstream(nc, { timeout: TIMEOUT_MS }).publish(subject, JSON.stringify(checkpoint), { msgID: `${name}-${checkpoint.n}`, expect: { streamName: stream }, timeout: TIMEOUT_MS });
    },
    async lines() {
      const nc = await connection(link);
      const jsm = await jetstreamManager(nc, { timeout: TIMEOUT_MS, checkAPI: false });
      let info;
      try {
        info = await jsm.consumers.add(stream, { ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All, filter_subject: subject, mem_storage: true, num_replicas: 1, inactive_threshold: nanos(60_000) });
      } catch (error) {
        if (isApiError(error, JetStreamApiCodes.StreamNotFound)) return [];
        throw error;
      }
      const lines: string[] = [];
      try {
        const consumer = jetstream(nc, { timeout: TIMEOUT_MS }).consumers.getConsumerFromInfo(info);
        for (let left = info.num_pending; left > 0; ) {
          const batch = Math.min(left, 500);
          const messages = await consumer.fetch({ max_messages: batch, expires: 5000 });
          let got = 0;
          for await (const m of messages) {
            lines.push(m.string());
            got += 1;
            if (got === batch) break;
          }
          if (got === 0) break;
          left -= got;
        }
      } finally {
        await jsm.consumers.delete(stream, info.name).catch(() => undefined);
      }
      return lines;
    },
  };
}
