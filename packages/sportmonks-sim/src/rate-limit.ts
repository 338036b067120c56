// Calls per entity per hour of simulated time; the hour starts with the first call to the entity.
import { HOUR } from './time.ts';

interface Window {
  startMs: number;
  used: number;
}

export interface Budget {
  remaining: number;
  resetsInSeconds: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly budgetPerHour: number) {}

  private window(entity: string, nowMs: number): Window | undefined {
    const window = this.windows.get(entity);
    return window && nowMs < window.startMs + HOUR ? window : undefined;
  }

  /** The budget left for the entity, without spending any. */
  peek(entity: string, nowMs: number): Budget {
    const window = this.window(entity, nowMs);
    if (!window) return { remaining: this.budgetPerHour, resetsInSeconds: HOUR / 1000 };
    return { remaining: Math.max(0, this.budgetPerHour - window.used), resetsInSeconds: Math.ceil((window.startMs + HOUR - nowMs) / 1000) };
  }

  spend(entity: string, nowMs: number): Budget {
    let window = this.window(entity, nowMs);
    if (!window) {
      window = { startMs: nowMs, used: 0 };
      this.windows.set(entity, window);
    }
    window.used++;
    return this.peek(entity, nowMs);
  }
}
