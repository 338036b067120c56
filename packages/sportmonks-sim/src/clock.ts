// Simulated time: runs `speed` times faster than real time from `start`, and can be pushed
// forward explicitly. It never runs backwards.

export interface ClockOptions {
  /** ISO datetime, unix ms, or a Date. Default: now. */
  start?: string | number | Date;
  /** Simulated ms per real ms; 0 freezes the clock (tests then move it with advance). Default 1. */
  speed?: number;
}

export class SimClock {
  readonly startMs: number;
  private readonly speed: number;
  private readonly realStart: number;
  private readonly realNow: () => number;
  private advancedMs = 0;

  constructor(options: ClockOptions = {}, realNow: () => number = () => performance.now()) {
    const start = options.start === undefined ? Date.now() : new Date(options.start).getTime();
    if (Number.isNaN(start)) throw new Error(`clock.start is not a date: ${String(options.start)}`);
    this.startMs = Math.floor(start / 1000) * 1000;
    this.speed = options.speed ?? 1;
    if (!(this.speed >= 0)) throw new Error('clock.speed must be >= 0');
    this.realNow = realNow;
    this.realStart = realNow();
  }

  now(): number {
    return Math.floor(this.startMs + (this.realNow() - this.realStart) * this.speed + this.advancedMs);
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error('the clock only moves forward');
    this.advancedMs += ms;
  }
}
