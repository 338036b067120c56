// Rebuilds on start and then every interval, one build at a time (the next is scheduled when the
// last one ends, so a slow database never stacks builds). A failed build is reported and the
// previous site keeps being served.

export interface RebuildOptions {
  build: () => Promise<void>;
  intervalMs: number;
  onError: (error: unknown) => void;
}

export interface Rebuilds {
  /** Resolves when the build running now (if any) has ended; no further build starts. */
  stop(): Promise<void>;
}

export function scheduleRebuilds(options: RebuildOptions): Rebuilds {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = options
      .build()
      .catch(options.onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(run, options.intervalMs);
      });
  };
  run();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
