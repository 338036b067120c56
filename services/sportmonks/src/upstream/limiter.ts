// What the rate limiter needs of a limiter: a reservoir of calls, a cap on calls at once, and a
// queue in which live calls go first. Shared budgets (REDIS_URL) use bottleneck's clustered
// limiter; a single process uses LocalLimiter: the same rules kept in memory, because
// bottleneck's local datastore yields to the event loop (a setTimeout) on every step of every
// call — about 10 ms a call even when the budget is nowhere near spent.
import Bottleneck from 'bottleneck';

/** Live calls (the latest-updated feed, gap sweeps) go before sweeps and backfills. */
export type Lane = 'live' | 'sweep';
export const LANES: readonly Lane[] = ['live', 'sweep'];

export interface Limiter {
  schedule<T>(lane: Lane, job: () => Promise<T>): Promise<T>;
  currentReservoir(): Promise<number>;
  incrementReservoir(by: number): Promise<void>;
  /** Calls started and not yet finished (in every process sharing the budget). */
  running(): Promise<number>;
  disconnect(): Promise<void>;
}

// Bottleneck: 0 is the highest priority, 5 the default.
const PRIORITY: Record<Lane, number> = { live: 0, sweep: 5 };

export function clusteredLimiter(options: Bottleneck.ConstructorOptions): Limiter {
  const limiter = new Bottleneck(options);
  return {
    schedule: (lane, job) => limiter.schedule({ priority: PRIORITY[lane] }, job),
    currentReservoir: async () => (await limiter.currentReservoir()) ?? 0,
    incrementReservoir: async (by) => {
      await limiter.incrementReservoir(by);
    },
    running: () => limiter.running(),
    disconnect: () => limiter.disconnect(false),
  };
}

interface Queued {
  job: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** In-process: a call starts in the same tick it is scheduled when the reservoir and the cap allow. */
export class LocalLimiter implements Limiter {
  private reservoir: number;
  private active = 0;
  private readonly queues: Record<Lane, Queued[]> = { live: [], sweep: [] };

  constructor(
    private readonly maxConcurrent: number,
    reservoir: number,
  ) {
    this.reservoir = reservoir;
  }

  schedule<T>(lane: Lane, job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queues[lane].push({ job, resolve: resolve as (value: unknown) => void, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.active < this.maxConcurrent && this.reservoir > 0) {
      const next = this.queues.live.shift() ?? this.queues.sweep.shift();
      if (next === undefined) return;
      this.reservoir -= 1;
      this.active += 1;
      next
        .job()
        .then(next.resolve, next.reject)
        .finally(() => {
          this.active -= 1;
          this.drain();
        });
    }
  }

  currentReservoir(): Promise<number> {
    return Promise.resolve(this.reservoir);
  }

  incrementReservoir(by: number): Promise<void> {
    this.reservoir += by;
    this.drain();
    return Promise.resolve();
  }

  running(): Promise<number> {
    return Promise.resolve(this.active);
  }

  disconnect(): Promise<void> {
    return Promise.resolve();
  }
}
