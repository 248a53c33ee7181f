/**
 * The governance tables of change subscriptions: the subscription (what it follows, as whom, where its webhook is,
 * how far it has delivered), its dead letters (changes the webhook never took) and its delivery records (what the
 * console shows). Rows belong to the subscribing department (row rules in the province policy).
 */
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const ChangeSubscriptionRecord = defineEntity({
  name: 'ChangeSubscription',
  tableName: 'change_subscription',
  properties: {
    id: p.string().primary().length(40),
    /** The subscribing department: the row rules read it. */
    dept: p.string().length(32).index(),
    /** The subject (token `sub`) who subscribed. */
    owner: p.string().length(128),
    /** The subscriber's roles at subscribe time, as JSON: the deliveries' principal. */
    subscriberRoles: p.text(),
    /** The subscriber's own region at subscribe time. */
    subscriberRegion: p.string().length(6).nullable(),
    /** The narrower region asked for (within the subscriber's): the deliveries' principal's region. */
    region: p.string().length(6).nullable(),
    purpose: p.string().length(200),
    /** Event types, as JSON. */
    types: p.text(),
    withoutConditionalFields: p.boolean(),
    webhookUrl: p.text().nullable(),
    /** Random salt the signing secret is derived from (webhooks.ts); never the secret itself. */
    secretSalt: p.string().length(64),
    state: p.string().length(16).index(),
    stateChangedAt: p.datetime(),
    /** The `changes` cursor delivered (or acknowledged) up to: '' before the first change. */
    position: p.text(),
    /** Consecutive failed attempts to deliver the change at the position (0 after a delivery). */
    failures: p.integer(),
    /** The delivery those failures were of: another change at the head starts counting afresh. */
    retryDelivery: p.string().length(64).nullable(),
    nextAttemptAt: p.datetime().nullable().index(),
    lastError: p.text().nullable(),
    lastDeliveredAt: p.datetime().nullable(),
    /** Whether the last read found nothing more to deliver. */
    caughtUp: p.boolean(),
    /** The worker delivering it now, until when: two workers (replicas, a restart) never deliver one subscription at once. */
    leaseOwner: p.string().length(64).nullable(),
    leaseUntil: p.datetime().nullable(),
    createdAt: p.datetime(),
    /** Moves with each step of its lifecycle (subscribe, pause, resume, cancel), not with deliveries. */
    version: p.integer(),
  },
});
export type ChangeSubscriptionRow = InferEntity<typeof ChangeSubscriptionRecord>;

/**
 * A change its webhook did not take after every attempt. It keeps where the change is (domain, position) and what
 * it was (type, record, field names), not the values: redelivery reads the change again as the subscriber, so it
 * sends what the subscriber may read then (a revoked grant is honoured), and no personal data rests here.
 */
export const DeadLetterRecord = defineEntity({
  name: 'DeadLetter',
  tableName: 'subscription_dead_letter',
  properties: {
    id: p.string().primary().length(40),
    subscriptionId: p.string().length(40).index(),
    dept: p.string().length(32).index(),
    deliveryId: p.string().length(64),
    domain: p.string().length(32),
    position: p.integer(),
    type: p.string().length(64),
    recordKey: p.string().length(200),
    occurredAt: p.datetime(),
    /** Names of the fields delivered, as JSON. */
    fields: p.text(),
    lastError: p.text(),
    attempts: p.integer(),
    createdAt: p.datetime(),
    /** PENDING, REDELIVERED or GONE (no longer readable by the subscriber). */
    state: p.string().length(16),
    redeliveredAt: p.datetime().nullable(),
  },
});
export type DeadLetterRow = InferEntity<typeof DeadLetterRecord>;

/** The outcome of delivering one change (or redelivering a dead letter): for the console and for support. */
export const SubscriptionDeliveryRecord = defineEntity({
  name: 'SubscriptionDelivery',
  tableName: 'subscription_delivery',
  properties: {
    id: p.string().primary().length(36),
    /** X-Hainan-Delivery: the same for every attempt at one change. */
    deliveryId: p.string().length(64).index(),
    subscriptionId: p.string().length(40).index(),
    dept: p.string().length(32),
    domain: p.string().length(32),
    position: p.integer(),
    type: p.string().length(64),
    recordKey: p.string().length(200),
    /** DELIVERED, DEAD_LETTERED, REDELIVERED or REDELIVERY_FAILED. */
    status: p.string().length(20),
    attempts: p.integer(),
    httpStatus: p.integer().nullable(),
    error: p.text().nullable(),
    at: p.datetime().index(),
  },
});
export type SubscriptionDeliveryRow = InferEntity<typeof SubscriptionDeliveryRecord>;

export const SUBSCRIPTION_ENTITIES = [ChangeSubscriptionRecord, DeadLetterRecord, SubscriptionDeliveryRecord];
