import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * V8's memory reducer, off in every service the launcher starts: once a process goes quiet after a full
 * collection it ran one to three more (100-380 ms each, in every service at once) to hand heap back to the system,
 * which was most of what an idle platform spent (docs/benchmarks.md, idle). A service keeps the heap its last load
 * grew instead; collections driven by allocation are unchanged.
 */
export const NO_MEMORY_REDUCER = '--no-memory-reducer';

/** The launcher's message to its services once the whole platform answers (scripts/start.ts). */
export const PLATFORM_READY_MESSAGE = 'hdg:platform-ready';

function collectGarbage(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    if (typeof gc === 'function') (gc as () => void)();
  } catch {
    // Nothing to save then.
  }
}

/**
 * Start-up (module loading, schema building, seeding, migrations, the first rollups) leaves a heap full of garbage
 * that V8 otherwise collects in one full collection a minute or two later, once the process has gone quiet: 70-380
 * ms of CPU per process, every process at once, on a platform doing nothing (docs/benchmarks.md, idle). Collecting it
 * once, shortly after the service is up, spends that work while the platform is still starting; under the launcher
 * (`npm start`) once more when the whole platform answers, since a service keeps serving the others' starts (policy
 * reads, reference checks, the first answer) after its own, and that garbage was collected 20-40 s later, inside
 * the first idle minute. Only a saving: where the collector cannot be reached, nothing happens.
 */
export function collectStartupGarbage(afterMs = 3000): void {
  setTimeout(collectGarbage, afterMs).unref();
  if (!process.send) return;
  const onMessage = (message: unknown) => {
    if (message !== PLATFORM_READY_MESSAGE) return;
    process.off('message', onMessage);
    setImmediate(collectGarbage);
  };
  process.on('message', onMessage);
}
