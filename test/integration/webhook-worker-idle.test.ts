/**
 * The webhook worker on an idle embedded platform (governance/webhooks.ts): with no webhook subscription at all it
 * asks the governance store nothing between commits (SQLite's `PRAGMA data_version` says there was none), and a
 * commit from any connection makes it look again at its next poll.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDevKeys } from '../../auth';
import { subgraphConfig } from '../../subgraphs/kit/config';
import { openDatabase, type Database } from '../../subgraphs/kit/orm';
import { entities } from '../../subgraphs/governance/entities';
import { ChangeSubscriptionRecord } from '../../subgraphs/governance/subscription-store';
import { createWebhooks, deliveryWorker } from '../../subgraphs/governance/webhooks';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const POLL_MS = 20;

let dir: string;
let db: Database;
let worker: { start(): void; stop(): Promise<void> };
let close: () => Promise<void>;
/** Every EntityManager the worker forks is one question to the store. */
let asked = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-webhook-idle-'));
  db = await openDatabase({ driver: 'sqlite', file: path.join(dir, 'governance.sqlite') }, entities);
  const keys = await ensureDevKeys(path.join(dir, 'keys'));
  const config = { ...subgraphConfig('governance', { DATA_DIR: dir }), webhooks: { ...subgraphConfig('governance', {}).webhooks!, pollMs: POLL_MS } };
  const warnings: string[] = [];
  const em = db.orm.em;
  const fork = em.fork.bind(em);
  em.fork = ((...args: Parameters<typeof em.fork>) => {
    asked += 1;
    return fork(...args);
  }) as typeof em.fork;
  const service = {
    db,
    config,
    identity: { principal: () => Promise.reject(new Error('not used')), jwksFile: keys.jwksFile, privateKeyFile: keys.privateKeyFile },
    log: () => undefined,
    warn: (m: string) => warnings.push(m),
  };
  const webhooks = await createWebhooks(service);
  expect(webhooks.pushUnavailable()).toBeNull();
  close = () => (webhooks as unknown as { close(): Promise<void> }).close?.() ?? Promise.resolve();
  worker = deliveryWorker(service, webhooks);
  worker.start();
});

afterAll(async () => {
  await worker?.stop();
  await close?.();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function untilAsked(more: number, within = 5000): Promise<void> {
  const start = asked;
  const end = Date.now() + within;
  while (asked < start + more && Date.now() < end) await sleep(POLL_MS);
  expect(asked).toBeGreaterThanOrEqual(start + more);
}

it('asks the store nothing while no webhook subscription exists and nothing is committed', async () => {
  await untilAsked(1); // the first round looks, and finds no subscription
  await sleep(POLL_MS * 5);
  const settled = asked;
  await sleep(POLL_MS * 15); // fifteen polls
  expect(asked).toBe(settled);
});

it('looks again after a commit, and keeps looking while a webhook subscription exists', async () => {
  const now = new Date();
  await db.orm.em.fork().insert(ChangeSubscriptionRecord, {
    id: 'SUB-IDLE-1', dept: 'health', owner: 'health-1', subscriberRoles: '["officer"]', subscriberRegion: '460000', region: '460000',
    purpose: 'death-followup', types: '["PersonDied"]', webhookUrl: 'http://127.0.0.1:9/hook', secretSalt: 'salt', state: 'PAUSED',
    stateChangedAt: now, position: '', failures: 0, caughtUp: true, withoutConditionalFields: false, createdAt: now, version: 1,
  } as never);
  await untilAsked(2);
  // A paused subscription is not due, but an active one could become due without a commit (a retry time passing):
  // the worker polls the store while one exists.
  await db.orm.em.fork().nativeUpdate(ChangeSubscriptionRecord, { id: 'SUB-IDLE-1' }, { state: 'ACTIVE', nextAttemptAt: new Date(Date.now() + 3_600_000) } as never);
  await untilAsked(2);
  const polling = asked;
  await sleep(POLL_MS * 10);
  expect(asked).toBeGreaterThan(polling);
});
