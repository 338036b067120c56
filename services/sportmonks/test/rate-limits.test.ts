import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { scaledClock, type Clock } from '../src/clock.ts';
import { RateLimits } from '../src/upstream/rate-limits.ts';

const HOUR = 3_600_000;

/** SportMonks' accounting for one entity: N calls per hour from the first call of the hour. */
function fakeBudget(clock: Clock, perHour: number) {
  let windowEnd = 0;
  let used = 0;
  const stats = { served: 0, refused: 0, windows: 0 };
  return {
    stats,
    call(): { remaining: number; resetsIn: number } | 429 {
      const now = clock.now();
      if (now >= windowEnd) {
        windowEnd = now + HOUR;
        used = 0;
        stats.windows += 1;
      }
      if (used >= perHour) {
        stats.refused += 1;
        return 429;
      }
      used += 1;
      stats.served += 1;
      return { remaining: perHour - used, resetsIn: Math.ceil((windowEnd - now) / 1000) };
    },
  };
}

function limits(clock: Clock, maxWaitMs = 10_000) {
  return new RateLimits({ clock, idPrefix: `test-${process.pid}-${Math.random()}`, maxConcurrent: 4, maxWaitMs, resetMarginMs: 1000, unknownResetPauseMs: 60_000 });
}

async function callThrough(rl: RateLimits, entity: string, budget: ReturnType<typeof fakeBudget>, jitterMs = 0): Promise<void> {
  for (;;) {
    const { value } = await rl.schedule(entity, async () => {
      await sleep(1);
      const answer = budget.call();
      // Answers travel back at different speeds: they arrive out of the order they were counted.
      if (jitterMs > 0) await sleep(Math.random() * jitterMs);
      if (answer === 429) {
        await rl.rateLimited(entity);
        return false;
      }
      await rl.observe(entity, answer.remaining, answer.resetsIn, true);
      return true;
    });
    if (value) return;
  }
}

describe('rate limits', () => {
  it('spends the whole budget, pauses until the reset and never runs into a 429', async () => {
    // One upstream hour lasts 0.4 s here.
    const clock = scaledClock(9_000);
    const rl = limits(clock);
    const budget = fakeBudget(clock, 10);
    const started = clock.now();
    await Promise.all(Array.from({ length: 35 }, () => callThrough(rl, 'Fixture', budget)));
    expect(budget.stats).toMatchObject({ served: 35, refused: 0 });
    expect(budget.stats.windows).toBe(4);
    expect(clock.now() - started).toBeGreaterThanOrEqual(3 * HOUR);
    await rl.close();
  });

  it('never overruns when answers arrive out of order', async () => {
    const clock = scaledClock(9_000);
    const rl = limits(clock);
    const budget = fakeBudget(clock, 12);
    await Promise.all(Array.from({ length: 40 }, () => callThrough(rl, 'Fixture', budget, 8)));
    expect(budget.stats).toMatchObject({ served: 40, refused: 0 });
    await rl.close();
  });

  it('trusts the lowest remaining of a window: a late, older answer does not hand out calls already spent', async () => {
    const clock = scaledClock(1);
    const rl = limits(clock, 200);
    await rl.observe('Venue', 10, 3600, false);
    await rl.observe('Venue', 5, 3590, false);
    await rl.observe('Venue', 7, 3595, false);
    expect(rl.snapshot()).toMatchObject([{ entity: 'Venue', remaining: 5 }]);
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => rl.schedule('Venue', () => Promise.resolve('called'))));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String(o.reason))).toEqual([expect.stringMatching(/budget for Venue is spent/)]);
    await rl.close();
  });

  it('keeps other entities going while one is paused, and reports the pause', async () => {
    const clock = scaledClock(1_000);
    const rl = limits(clock);
    const fixtures = fakeBudget(clock, 3);
    const leagues = fakeBudget(clock, 100);
    await Promise.all(Array.from({ length: 3 }, () => callThrough(rl, 'Fixture', fixtures)));
    const blocked = callThrough(rl, 'Fixture', fixtures);
    const t0 = performance.now();
    await callThrough(rl, 'League', leagues);
    expect(performance.now() - t0).toBeLessThan(500);
    const fixture = rl.snapshot().find((e) => e.entity === 'Fixture');
    expect(fixture?.remaining).toBe(0);
    expect(fixture?.pausedUntil).not.toBeNull();
    await rl.close();
    void blocked.catch(() => undefined);
  });

  it('answers 503 at once when the pause is longer than a request may wait', async () => {
    const clock = scaledClock(1);
    const rl = limits(clock, 100);
    const budget = fakeBudget(clock, 1);
    await callThrough(rl, 'Team', budget);
    await expect(rl.admit('Team')).rejects.toThrow(/budget for Team is spent/);
    await rl.close();
  });

  it('gives up on a call still queued after the longest wait, and the slot it held comes back after the reset', async () => {
    // A minute of SportMonks' time per real second: the reset below comes about half a second later.
    const clock = scaledClock(60);
    const rl = limits(clock, 100);
    await rl.observe('Venue', 0, 30, false);
    let ran = 0;
    const call = () => {
      ran += 1;
      return Promise.resolve(ran);
    };
    await expect(rl.schedule('Venue', call)).rejects.toThrow(/budget for Venue is spent; it resumes at/);
    expect(ran).toBe(0);
    await sleep(800);
    await expect(rl.schedule('Venue', call)).resolves.toMatchObject({ value: 1 });
    await rl.close();
  });
});
