/**
 * The floor target of the gateway benchmark: for every POST /<scenario>, replays that scenario's recorded
 * subgraph requests (bench/gateways/floor-plan.ts) wave after wave, each wave in parallel, forwarding the
 * caller's Authorization and X-Purpose, over keep-alive connections; answers `{"data":{"fetches":n}}`.
 * What a request costs with no gateway work at all: `PORT=... FLOOR_FILE=plan.json node dist/bench/peers/floor.js`.
 */
import fs from 'node:fs';
import http from 'node:http';
import { Agent, request } from 'undici';

type Plan = { url: string; body: string }[][];

async function main(): Promise<void> {
  const plans = JSON.parse(fs.readFileSync(process.env.FLOOR_FILE!, 'utf8')) as Record<string, Plan>;
  const dispatcher = new Agent({ connections: 64, keepAliveTimeout: 30_000 });
  const server = http.createServer((req, res) => {
    const plan = plans[(req.url ?? '/').slice(1)];
    req.resume();
    req.on('end', () => {
      if (!plan) {
        res.writeHead(404).end();
        return;
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      for (const name of ['authorization', 'x-purpose']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      void (async () => {
        let fetches = 0;
        for (const wave of plan) {
          await Promise.all(
            wave.map(async ({ url, body }) => {
              const answer = await request(url, { method: 'POST', headers, body, dispatcher });
              const text = await answer.body.text();
              if (answer.statusCode !== 200 || text.includes('"errors"')) throw new Error(`${url}: HTTP ${answer.statusCode} ${text.slice(0, 200)}`);
              fetches += 1;
            }),
          );
        }
        return fetches;
      })().then(
        (fetches) => res.writeHead(200, { 'content-type': 'application/json' }).end(`{"data":{"fetches":${fetches}}}`),
        (error: unknown) => res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] })),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT), '127.0.0.1', resolve));
  process.stdout.write(`floor listening on ${process.env.PORT}\n`);
  process.on('SIGTERM', () => {
    server.close();
    void dispatcher.close().finally(() => process.exit(0));
  });
  process.on('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
