/** Starts the gateway as its own process: `npm run start:gateway`. Configured by environment only. */
import { gatewayConfig } from '../subgraphs/kit/config';
import { startGateway } from '../gateway';
import { collectStartupGarbage } from './heap';
import { logLine, stopOnSignals } from './log';

async function main(): Promise<void> {
  const config = gatewayConfig();
  const running = await startGateway(config);
  logLine('gateway', 'listening', { url: running.url, subgraphs: config.subgraphUrls });
  stopOnSignals('gateway', running.stop);
  collectStartupGarbage();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
