import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Start-up (module loading, schema building, seeding, migrations, the first rollups) leaves a heap full of garbage
 * that V8 otherwise collects in one full collection a minute or two later, once the process has gone quiet: 70-220
 * ms of CPU per process, every process at once, on a platform doing nothing (docs/benchmarks.md, idle). Collecting it
 * once, shortly after the service is up, spends that work while the platform is still starting. Only a saving:
 * where the collector cannot be reached, nothing happens.
 */
export function collectStartupGarbage(afterMs = 3000): void {
  setTimeout(() => {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = vm.runInNewContext('gc');
      if (typeof gc === 'function') (gc as () => void)();
    } catch {
      // Nothing to save then.
    }
  }, afterMs).unref();
}
