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

/** A clock whose time moves only when its driver moves it: timers fire when `fireDue()` is called. */
export interface DrivenClock extends Clock {
  /** The upstream time the earliest pending timer is due at, or null when none is pending. */
  nextTimerAt(): number | null;
  /** Runs every timer due by `now()`; returns how many ran. */
  fireDue(): number;
}

/**
 * Follows a clock someone else drives (a simulator at speed 0, moved by a test or a benchmark):
 * nothing happens by itself, so a window's reset comes exactly when the driver gets there, however
 * loaded the machine is. Waiting costs no real time, so a paused budget never turns into a 503.
 */
export function drivenClock(now: () => number): DrivenClock {
  const timers = new Set<{ at: number; fn: () => void }>();
  return {
    now,
    setTimer(fn, ms) {
      const timer = { at: now() + Math.max(0, ms), fn };
      timers.add(timer);
      return () => {
        timers.delete(timer);
      };
    },
    toRealMs: () => 0,
    nextTimerAt() {
      let earliest: number | null = null;
      for (const timer of timers) if (earliest === null || timer.at < earliest) earliest = timer.at;
      return earliest;
    },
    fireDue() {
      const due = [...timers].filter((timer) => timer.at <= now()).sort((a, b) => a.at - b.at);
      for (const timer of due) {
        timers.delete(timer);
        timer.fn();
      }
      return due.length;
    },
  };
}
