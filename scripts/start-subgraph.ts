/** Starts one subgraph as its own process: `npm run start:subgraph -- population`. Configured by environment only. */
import { isDomain, subgraphConfig } from '../subgraphs/kit/config';
import { startSubgraph } from '../subgraphs/kit/server';
import { SUBGRAPHS } from '../subgraphs/registry';
import { collectStartupGarbage } from './heap';
import { logLine, stopOnSignals } from './log';

async function main(): Promise<void> {
  const domain = process.argv[2] ?? '';
  if (!isDomain(domain)) {
    process.stderr.write(`Usage: npm run start:subgraph -- <${Object.keys(SUBGRAPHS).join('|')}>\n`);
    process.exit(2);
  }
  const config = subgraphConfig(domain);
  const running = await startSubgraph(SUBGRAPHS[domain], config, { log: (line) => logLine(domain, line) });
  logLine(domain, 'listening', { url: running.url, database: config.database.driver });
  stopOnSignals(domain, running.stop);
  collectStartupGarbage();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
