/**
 * The targets of the gateway benchmark: our gateway and the peers, each its own Node process from dist/ (no tsx
 * loader), all serving schema/supergraph.graphql over the same subgraph processes (Hive Gateway: the same
 * supergraph without its computed fields, see `withoutComputedFields`).
 */
import { parse, print, visit, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';

export interface TargetSpec {
  id: string;
  label: string;
  /** Script under dist/, run with `node`. */
  script: string;
  env: Record<string, string>;
  /** A reference target whose dedupe is on: reported, but not the fair comparison. */
  dedupe: boolean;
  /** The floor answers a count of fetches, not the GraphQL answer, so it is not compared. */
  floor?: boolean;
  /** Node flags before the script (V8 heap settings). */
  nodeArgs?: string[];
  /** Measured only when named in BENCH_TARGETS (a lever that was tried and not kept). */
  optional?: boolean;
  /** Serves the supergraph without its `@requires` fields (a peer that cannot build a schema with them). */
  withoutComputed?: boolean;
  /** The SQL floor (bench/peers/sql-floor.ts): replays the recorded SQL, no subgraph involved. */
  sqlFloor?: boolean;
  /** The BENCH_BASELINE commit's gateway over its own subgraphs (script under that worktree's dist/). */
  baseline?: boolean;
}

export const TARGETS: readonly TargetSpec[] = [
  { id: 'ours', label: 'ours', script: 'scripts/start-gateway.js', env: { GATEWAY_DEDUPE: 'off' }, dedupe: false },
  { id: 'ours-fetch', label: "ours, Node's fetch to subgraphs", script: 'scripts/start-gateway.js', env: { GATEWAY_DEDUPE: 'off', GATEWAY_SUBGRAPH_CLIENT: 'fetch' }, dedupe: false },
  { id: 'ours-young64', label: 'ours, 64 MiB semi-spaces', script: 'scripts/start-gateway.js', env: { GATEWAY_DEDUPE: 'off' }, dedupe: false, nodeArgs: ['--max-semi-space-size=64'], optional: true },
  { id: 'apollo', label: '@apollo/gateway', script: 'bench/peers/apollo-gateway.js', env: {}, dedupe: false },
  { id: 'hive', label: 'Hive Gateway', script: 'bench/peers/hive-gateway.js', env: { HIVE_PLANNER: 'js', HIVE_DEDUPE: '0' }, dedupe: false, withoutComputed: true },
  { id: 'hive-rust', label: 'Hive Gateway + Rust planner', script: 'bench/peers/hive-gateway.js', env: { HIVE_PLANNER: 'rust', HIVE_DEDUPE: '0' }, dedupe: false, withoutComputed: true },
  { id: 'ours-dedupe', label: 'ours, dedupe on', script: 'scripts/start-gateway.js', env: { GATEWAY_DEDUPE: 'on' }, dedupe: true },
  { id: 'hive-dedupe', label: 'Hive Gateway, dedupe on', script: 'bench/peers/hive-gateway.js', env: { HIVE_PLANNER: 'js', HIVE_DEDUPE: '1' }, dedupe: true, withoutComputed: true },
  { id: 'hive-rust-dedupe', label: 'Hive + Rust, dedupe on', script: 'bench/peers/hive-gateway.js', env: { HIVE_PLANNER: 'rust', HIVE_DEDUPE: '1' }, dedupe: true, withoutComputed: true },
  { id: 'floor', label: 'no-gateway floor (subgraphs direct)', script: 'bench/peers/floor.js', env: {}, dedupe: false, floor: true },
  { id: 'sqlfloor', label: 'SQL floor', script: 'bench/peers/sql-floor.js', env: {}, dedupe: false, floor: true, sqlFloor: true },
  // Measured when BENCH_BASELINE names a commit; labelled "baseline (<commit>)" then.
  { id: 'baseline', label: 'baseline', script: 'scripts/start-gateway.js', env: { GATEWAY_DEDUPE: 'off' }, dedupe: false, optional: true, baseline: true },
];

/** The supergraph with its join__graph URLs pointing at this run's subgraphs (the committed ones are placeholders). */
export function withSubgraphUrls(supergraph: string, urls: Record<string, string>): string {
  return supergraph.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) => (urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole));
}

/**
 * The supergraph without the fields some subgraph computes with `@requires` (Region's cross-domain indicators).
 * Hive Gateway 2.15.1 cannot build a schema with them: @graphql-tools/stitch isolates computed fields into a
 * subschema of their own and marks their value type (`StatisticsValue`) canonical in each subgraph that computes
 * one, then refuses "Multiple canonical definitions". Every other field, and so every query plan of the scenarios
 * that do not read these fields, is the same.
 */
export function withoutComputedFields(supergraph: string): { sdl: string; removed: string[] } {
  const removed: string[] = [];
  const computed = (field: FieldDefinitionNode) =>
    (field.directives ?? []).some((d) => d.name.value === 'join__field' && (d.arguments ?? []).some((a) => a.name.value === 'requires'));
  const document = visit(parse(supergraph), {
    ObjectTypeDefinition(type: ObjectTypeDefinitionNode) {
      const kept = (type.fields ?? []).filter((f) => !computed(f));
      if (kept.length === (type.fields ?? []).length) return undefined;
      removed.push(...(type.fields ?? []).filter(computed).map((f) => `${type.name.value}.${f.name.value}`));
      return { ...type, fields: kept };
    },
  });
  return { sdl: print(document), removed };
}
