/** One JSON line per event on stdout, so the launcher, CI and log collectors can all read it. */
export function logLine(service: string, msg: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), service, msg, ...fields })}\n`);
}

/** Stops `stop` on SIGTERM or SIGINT, finishing in-flight requests, then exits. */
export function stopOnSignals(service: string, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logLine(service, `${signal}: finishing in-flight requests, then stopping`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logLine(service, 'stop failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  // Started by the launcher (npm start) with an IPC channel: if the launcher dies, do not live on as an orphan.
  if (process.send) process.on('disconnect', () => onSignal('launcher gone'));
}
