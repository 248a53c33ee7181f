/**
 * The targets of the gateway benchmark: our gateway and the peers, each its own Node process from dist/ (no tsx
 * loader), all serving schema/supergraph.graphql over the same subgraph processes.
 */
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
}

export const TARGETS: readonly TargetSpec[] = [
  { id: 'ours', label: 'ours', script: 'scripts/start-gateway.js', env: { GATEWAY_DEDUPE: 'off' }, dedupe: false },
  { id: 'ours-fetch', label: "ours, Node's fetch to subgraphs", script: 'scripts/start-gateway.js', env: { GATEWAY_DEDUPE: 'off', GATEWAY_SUBGRAPH_CLIENT: 'fetch' }, dedupe: false },
  { id: 'apollo', label: '@apollo/gateway', script: 'bench/peers/apollo-gateway.js', env: {}, dedupe: false },
  { id: 'hive', label: 'Hive Gateway', script: 'bench/peers/hive-gateway.js', env: { HIVE_PLANNER: 'js', HIVE_DEDUPE: '0' }, dedupe: false },
  { id: 'hive-rust', label: 'Hive Gateway + Rust planner', script: 'bench/peers/hive-gateway.js', env: { HIVE_PLANNER: 'rust', HIVE_DEDUPE: '0' }, dedupe: false },
  { id: 'ours-dedupe', label: 'ours, dedupe on', script: 'scripts/start-gateway.js', env: { GATEWAY_DEDUPE: 'on' }, dedupe: true },
  { id: 'hive-dedupe', label: 'Hive Gateway, dedupe on', script: 'bench/peers/hive-gateway.js', env: { HIVE_PLANNER: 'js', HIVE_DEDUPE: '1' }, dedupe: true },
  { id: 'hive-rust-dedupe', label: 'Hive + Rust, dedupe on', script: 'bench/peers/hive-gateway.js', env: { HIVE_PLANNER: 'rust', HIVE_DEDUPE: '1' }, dedupe: true },
  { id: 'floor', label: 'floor (subgraphs direct)', script: 'bench/peers/floor.js', env: {}, dedupe: false, floor: true },
];

/** The supergraph with its join__graph URLs pointing at this run's subgraphs (the committed ones are placeholders). */
export function withSubgraphUrls(supergraph: string, urls: Record<string, string>): string {
  return supergraph.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) => (urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole));
}
