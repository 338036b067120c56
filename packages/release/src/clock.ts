// How a release waits: polling ECS on an interval, up to a deadline. Tests drive a virtual clock
// instead of sleeping.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface Polling {
  clock: Clock;
  intervalMs: number;
  timeoutMs: number;
}

/** Calls `check` every interval until it returns a value (not undefined); undefined when the time is up. */
export async function pollUntil<T>(polling: Polling, check: () => Promise<T | undefined>): Promise<T | undefined> {
  const deadline = polling.clock.now() + polling.timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (polling.clock.now() + polling.intervalMs > deadline) return undefined;
    await polling.clock.sleep(polling.intervalMs);
  }
}
