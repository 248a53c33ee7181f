/**
 * The floor: the same work sent straight to the subgraphs. The subgraph requests a scenario needs are recorded
 * once, through @apollo/gateway's own plan executed in this process, together with which of them ran side by side
 * (a "wave": requests that started before any earlier one of the wave had answered). bench/peers/floor.ts then
 * replays the waves for every request it gets, forwarding the caller's headers, with nothing else to do.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Scenario } from './scenarios';

export interface FloorRequest {
  url: string;
  body: string;
}

/** Requests that may run in parallel; each wave starts when the previous one has answered. */
export type FloorPlan = FloorRequest[][];

interface Call extends FloorRequest {
  start: number;
  end: number;
}

interface Context {
  headers: Record<string, string>;
}

export function wavesOf(calls: readonly Call[]): FloorPlan {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const waves: Call[][] = [];
  for (const call of sorted) {
    const current = waves[waves.length - 1];
    if (current && call.start < Math.min(...current.map((c) => c.end))) current.push(call);
    else waves.push([call]);
  }
  return waves.map((wave) => wave.map(({ url, body }) => ({ url, body })));
}

export async function recordFloorPlan(supergraphSdl: string, scenario: Scenario, headers: Record<string, string>): Promise<FloorPlan> {
  const calls: Call[] = [];
  class Recording extends RemoteGraphQLDataSource<Context> {
    override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): void {
      for (const [name, value] of Object.entries((context as Partial<Context>).headers ?? {})) request.http?.headers.set(name, value);
    }

    override async process(options: GraphQLDataSourceProcessOptions<Context>): Promise<GatewayGraphQLResponse> {
      const start = performance.now();
      const response = await super.process(options);
      if (response.errors?.length) throw new Error(`Recording the floor of ${scenario.name}: ${this.url} answered ${JSON.stringify(response.errors).slice(0, 300)}`);
      const { query, variables, operationName } = options.request;
      calls.push({ url: this.url!, body: JSON.stringify({ query, variables, operationName }), start, end: performance.now() });
      return response;
    }
  }
  const server = new ApolloServer<Context>({ gateway: new ApolloGateway({ supergraphSdl, buildService: ({ url }) => new Recording({ url }) }) });
  await server.start();
  try {
    const result = await server.executeOperation({ query: scenario.query, variables: scenario.variables }, { contextValue: { headers } });
    if (result.body.kind !== 'single' || result.body.singleResult.errors?.length) throw new Error(`Recording the floor of ${scenario.name} failed: ${JSON.stringify(result.body).slice(0, 500)}`);
  } finally {
    await server.stop();
  }
  return wavesOf(calls);
}
