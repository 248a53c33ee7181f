/**
 * What a domain hands the kit: its name, SDL, resolvers, entities, loaders and seed plan. A domain module
 * exports one of these and nothing else; servers, tests and the seeder all start from it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, type DocumentNode } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { EntitySchema } from '@mikro-orm/core';
import type { NatsLink } from './jetstream';
import { PROJECT_ROOT, type AuditConfig, type DomainName } from './config';
import type { Catalogue } from '../../auth';
import type { AuditCollector } from './audit/collector';
import type { AuthContext } from './authorization';
import type { Database, EntityManager } from './orm';
import type { Identity } from './identity';
import type { SubgraphConfig } from './config';
import type { DomainImporter } from './import';
import type { DataAccess } from './scope';
import type { ScopeTicketer } from './scope-ticket';
import type { StatisticsCache } from './statistics/cache';
import type { StatisticDefinition } from './statistics/definition';
import type { WorldChunk } from './world/world';

/** Rows to insert, grouped by entity, in an order that satisfies references within the domain. */
export type SeedRows = ReadonlyArray<readonly [EntitySchema<any, any>, readonly object[]]>;

export interface DomainSeed {
  /** Reference data that does not depend on the generated persons (regions, code lists). */
  reference?: () => SeedRows;
  /** The domain's rows for one chunk of the synthetic world; every domain sees the same chunks. */
  fromChunk?: (chunk: WorldChunk) => SeedRows;
}

export interface RequestContext<Loaders> {
  /** The domain serving the request: its events go to this domain's stream. */
  domain: DomainName;
  em: EntityManager;
  /** Row-scoped access to the domain's tables: use it for every query of rows. */
  data: DataAccess;
  loaders: Loaders;
  /** The caller and their ability; absent only in a benchmark build that measures enforcement off. */
  auth?: AuthContext;
  /** Owner-scope tickets (scope-ticket.ts); absent: serving subgraphs ask the owner's /scope. */
  scopeTicketer?: ScopeTicketer;
  /** The caller's Authorization header as received, to ask other subgraphs as the same caller. */
  authorization?: string;
  /** Where the other subgraphs answer (for reference checks). */
  peers: Partial<Record<DomainName, string>>;
  requestId: string;
  /** What the request does with protected data, for its audit record; absent when auditing is off. */
  audit?: AuditCollector;
  auditConfig?: AuditConfig;
  /** How long an idempotency key is remembered (IDEMPOTENCY_WINDOW_HOURS); unset: kit/writes.ts's default. */
  idempotencyWindowMs?: number;
  /** Published statistics tables, shared by the service's requests (and replicas, with Redis); absent: computed each time. */
  statisticsCache?: StatisticsCache;
  /** "Now" for what is computed at read time (a request's due date, whether it is overdue); absent: the system clock. */
  now?: () => Date;
  /** What the domain's background task shares with its requests (BackgroundTask.context); absent without one. */
  background?: Readonly<Record<string, unknown>>;
}

/** What a domain's background task is given: the service's own database, configuration and identity. */
export interface BackgroundService {
  db: Database;
  config: SubgraphConfig;
  identity: Identity;
  log: (line: string) => void;
  /** Warnings and errors of the task, in the service's structured log. */
  warn: (message: string) => void;
  /** The service's NATS connection, when NATS_URL is set: changes are announced on it as they are relayed. */
  nats?: NatsLink;
}

/**
 * Work a domain runs beside its requests (governance: webhook deliveries). Made before the service answers, so its
 * `context` reaches every request; started once the service listens (it may call the service itself, as peers do);
 * stopped first when the service stops, and `stop` waits for the work in hand so nothing is left half done.
 */
export interface BackgroundTask {
  context?: Readonly<Record<string, unknown>>;
  start(): void;
  stop(): Promise<void>;
}

export interface SubgraphDefinition<Loaders = unknown> {
  name: DomainName;
  typeDefs: DocumentNode;
  // Typed per domain by codegen (subgraphs/<domain>/__generated__/resolvers.ts); erased here.
  resolvers: GraphQLResolverMap<any>;
  entities: EntitySchema<any, any>[];
  /** The resource catalogue entries of every object type and field this subgraph serves. */
  catalogue: Catalogue;
  loaders: (data: DataAccess) => Loaders;
  seed: DomainSeed;
  /** How `npm run import -- <domain> <file>` reads the department's files, where the domain takes them. */
  importer?: DomainImporter;
  /** The domain's statistics, whose rollups the kit keeps fresh (subgraphs/kit/statistics/). */
  statistics?: readonly StatisticDefinition[];
  /** Work the kit server runs beside the domain's requests, started and stopped with it. */
  background?: (service: BackgroundService) => Promise<BackgroundTask>;
}

export function defineSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>): SubgraphDefinition<Loaders> {
  return definition;
}

export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

/** The statistics value types every subgraph answering statistics declares, written once (schema/statistics.graphql). */
export const STATISTICS_SDL_FILE = path.join(SCHEMA_DIR, 'statistics.graphql');
const USES_STATISTICS = /\b(StatisticsTable|StatisticsCell|StatisticsValue|Suppression)\b/;

/**
 * The domain's SDL, from schema/<domain>.graphql, with the shared statistics value types appended when it uses them:
 * the one source for the server, composition (scripts/compose.ts) and codegen (codegen.yml lists both files).
 */
export function loadTypeDefs(domain: DomainName): DocumentNode {
  const own = fs.readFileSync(path.join(SCHEMA_DIR, `${domain}.graphql`), 'utf8');
  return parse(USES_STATISTICS.test(own.replace(/#.*$/gm, '')) ? `${own}\n${fs.readFileSync(STATISTICS_SDL_FILE, 'utf8')}` : own);
}
