/**
 * The plain peer: @apollo/gateway in @apollo/server's standalone server, serving the same static supergraph, with
 * nothing added but forwarding the caller's Authorization and X-Purpose headers to the subgraphs. Started by the
 * gateway benchmark as its own process: `PORT=... SUPERGRAPH_FILE=... node dist/bench/peers/apollo-gateway.js`.
 */
import fs from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';

interface Context {
  headers: Record<string, string>;
}

const FORWARDED = ['authorization', 'x-purpose'];

class Forwarding extends RemoteGraphQLDataSource<Context> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): void {
    for (const [name, value] of Object.entries((context as Partial<Context>).headers ?? {})) request.http?.headers.set(name, value);
  }
}

async function main(): Promise<void> {
  const server = new ApolloServer<Context>({
    gateway: new ApolloGateway({ supergraphSdl: fs.readFileSync(process.env.SUPERGRAPH_FILE!, 'utf8'), buildService: ({ url }) => new Forwarding({ url }) }),
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT), host: '127.0.0.1' },
    context: async ({ req }) => {
      const headers: Record<string, string> = {};
      for (const name of FORWARDED) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      return { headers };
    },
  });
  process.stdout.write(`apollo-gateway listening at ${url}\n`);
  process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
  process.on('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
