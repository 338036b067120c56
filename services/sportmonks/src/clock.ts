// Rate-limit windows are measured in SportMonks' time. Tests and benchmarks run the simulator
// with a fast clock; the fetcher then has to use the same clock for "pause until the reset".

export interface Clock {
  /** Milliseconds since the epoch, in the upstream's time. */
  now(): number;
  /** Calls `fn` after `ms` of upstream time; returns a function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
  /** How long `ms` of upstream time lasts in real time (for Retry-After and request deadlines). */
  toRealMs(ms: number): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const handle = setTimeout(fn, Math.max(0, ms));
    handle.unref();
    return () => {
      clearTimeout(handle);
    };
  },
  toRealMs: (ms) => ms,
};

/**
 * A clock running `speed` times faster than real time from `start`, e.g. speed 3600 makes an
 * upstream hour last one real second.
 */
export function scaledClock(speed: number, start: number = Date.now()): Clock {
  const realStart = performance.now();
  return followingClock(() => start + (performance.now() - realStart) * speed, speed);
}

/** A clock reading another's time (a simulator's `now()`) that runs `speed` times faster than real time. */
export function followingClock(now: () => number, speed: number): Clock {
  return {
    now,
    setTimer(fn, ms) {
      const handle = setTimeout(fn, Math.max(0, ms / speed));
      handle.unref();
      return () => {
        clearTimeout(handle);
      };
    },
    toRealMs: (ms) => ms / speed,
  };
}
