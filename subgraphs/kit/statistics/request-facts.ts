/**
 * THE place where a statistics request's facts are known: who asked, which domain and statistic, which dimensions,
 * filters and measures, the minimum cell size, how many cells were published and withheld and why, where the
 * numbers came from and how fresh they are. Statistics are audited like record reads: the audit trail
 * (subgraphs/kit/audit/, built on another branch) subscribes here with onStatisticsRequest.
 */
import type { SuppressionKind } from './disclosure';

export interface StatisticsRequestFacts {
  requestId: string;
  at: string;
  caller: { sub: string | null; dept: string | null; roles: readonly string[]; region: string | null; purpose: string | null };
  domain: string;
  statistic: string;
  dimensions: readonly string[];
  filters: readonly { dimension: string; value: string }[];
  measures: readonly string[];
  /** ANSWERED, or FORBIDDEN with the field the caller may not aggregate. */
  outcome: 'ANSWERED' | 'FORBIDDEN';
  forbiddenField?: string;
  k?: number;
  cells?: number;
  suppressed?: Readonly<Record<SuppressionKind, number>>;
  /** `rollup:<table>` or `records`. */
  source?: string;
  /** When the numbers were computed (a rollup's last refresh, or now). */
  asOf?: string;
  milliseconds?: number;
  /**
   * Where the published table came from, when the service has a statistics cache: `memory` or `redis` (published
   * before, for the same scope, policy and rollups), `miss` (computed now and stored), `bypass` (computed, not cacheable).
   */
  cache?: 'memory' | 'redis' | 'miss' | 'bypass';
}

export type StatisticsRequestListener = (facts: StatisticsRequestFacts) => void;

const listeners = new Set<StatisticsRequestListener>();

/** Subscribes to every statistics request of this process; returns the unsubscribe function. */
export function onStatisticsRequest(listener: StatisticsRequestListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by statistics/run.ts once per table answered or refused. A failing listener never fails the request. */
export function reportStatisticsRequest(facts: StatisticsRequestFacts): void {
  for (const listener of listeners) {
    try {
      listener(facts);
    } catch (error) {
      process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'statistics request listener failed', error: String(error) })}\n`);
    }
  }
}
