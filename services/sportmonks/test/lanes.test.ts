// The two budget lanes: live calls go first, and sweeps leave them what they need until the reset,
// so a backfill spends the rest of the budget without starving the live poller. Time is a driven
// clock: nothing depends on how fast this machine is.
import { describe, expect, it } from 'vitest';
import { drivenClock } from '../src/clock.ts';
import { LocalLimiter } from '../src/upstream/limiter.ts';
import { RateLimits } from '../src/upstream/rate-limits.ts';

const HOUR = 3_600_000;

describe('the local limiter', () => {
  it('starts queued live calls before queued sweeps, within the reservoir and the cap', async () => {
    const limiter = new LocalLimiter(1, 0);
    const order: string[] = [];
    const job = (name: string) => () => {
      order.push(name);
      return Promise.resolve(name);
    };
    const calls = [limiter.schedule('sweep', job('sweep 1')), limiter.schedule('sweep', job('sweep 2')), limiter.schedule('live', job('live'))];
    expect(order).toEqual([]);
    await limiter.incrementReservoir(2);
    await Promise.all(calls.slice(0, 1));
    await Promise.resolve();
    expect(order).toEqual(['live', 'sweep 1']);
    expect(await limiter.currentReservoir()).toBe(0);
    await limiter.incrementReservoir(1);
    expect(await Promise.all(calls)).toEqual(['sweep 1', 'sweep 2', 'live']);
    expect(order).toEqual(['live', 'sweep 1', 'sweep 2']);
  });
});

describe('the live reserve', () => {
  it('takes one live call for no pace: a sweep right after the poller\'s first call goes through', async () => {
    const now = Date.parse('2026-12-06T12:00:00Z');
    const rl = new RateLimits({ clock: drivenClock(() => now), idPrefix: 'first-call', maxConcurrent: 4, maxWaitMs: 60_000, resetMarginMs: 1_000, unknownResetPauseMs: 60_000 });
    await rl.admit('Fixture', 'live');
    await rl.schedule('Fixture', () => rl.observe('Fixture', 2_940, 3_540, true), 'live');
    const sweep = rl.admit('Fixture', 'sweep');
    const outcome = await Promise.race([sweep, new Promise<'held'>((resolve) => setImmediate(() => { resolve('held'); }))]);
    expect(outcome).toBe(0);
    expect(rl.liveReserve('Fixture')).toBe(5);
    await rl.close();
  });
});

describe('a backfill and the live poller on one budget', () => {
  // The live poller's pace when the backfill starts, and from ten minutes in (kick-offs bring sweeps).
  it.each([
    { pace: 30_000, later: 30_000 },
    { pace: 30_000, later: 21_000 },
  ])('the backfill spends the budget down to the live reserve; every live call goes through at once (a poll every $pace ms, then every $later ms)', async ({ pace, later }) => {
    const BUDGET = 400;
    let now = Date.parse('2026-12-06T12:00:00Z');
    const clock = drivenClock(() => now);
    const rl = new RateLimits({ clock, idPrefix: 'lanes', maxConcurrent: 4, maxWaitMs: 60_000, resetMarginMs: 1_000, unknownResetPauseMs: 60_000 });
    // SportMonks' accounting for the entity: BUDGET calls an hour from the first call.
    let windowEnd = 0;
    let used = 0;
    let refused = 0;
    const served = { live: 0, sweep: 0 };
    const call = async (lane: 'live' | 'sweep'): Promise<number> => {
      const held = await rl.admit('Fixture', lane);
      await rl.schedule(
        'Fixture',
        async () => {
          if (now >= windowEnd) {
            windowEnd = now + HOUR;
            used = 0;
          }
          if (used >= BUDGET) {
            refused += 1;
            await rl.rateLimited('Fixture');
            return;
          }
          used += 1;
          served[lane] += 1;
          await rl.observe('Fixture', BUDGET - used, Math.ceil((windowEnd - now) / 1000), true);
        },
        lane,
      );
      return held;
    };

    // The live poller's first polls set its pace.
    const started = now;
    for (let i = 0; i < 2; i++) {
      await call('live');
      now += pace;
    }
    // A backfill that would take three budgets, four calls at a time, started one minute in.
    let backfillCalls = 0;
    const backfill = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (backfillCalls < 3 * BUDGET) {
          backfillCalls += 1;
          await call('sweep');
        }
      }),
    );
    // The rest of the hour: a live poll at its pace; each must go through without waiting.
    const liveWaits: (number | 'held')[] = [];
    // Nothing in a call waits for real time: one not done by the next turn of the event loop is held.
    const nextTurn = () =>
      new Promise<'held'>((resolve) => {
        setImmediate(() => {
          resolve('held');
        });
      });
    while (now < windowEnd - later) {
      await nextTurn();
      const outcome = await Promise.race([call('live'), nextTurn()]);
      liveWaits.push(outcome);
      if (outcome === 'held') break;
      now += now - started < 10 * 60_000 ? pace : later;
      clock.fireDue();
    }
    const firstWindow = { ...served };
    expect(refused).toBe(0);
    expect(liveWaits.filter((wait) => wait !== 0)).toEqual([]);
    expect(firstWindow.live).toBe(2 + liveWaits.length);
    expect(firstWindow.sweep).toBeGreaterThan(0);
    // The backfill had the rest: all but the live calls and a call or two of margin.
    expect(firstWindow.live + firstWindow.sweep).toBeGreaterThanOrEqual(0.95 * BUDGET);
    expect(firstWindow.live + firstWindow.sweep).toBeLessThanOrEqual(BUDGET);

    // After the reset the held backfill goes on.
    now = windowEnd + 2_000;
    clock.fireDue();
    for (let i = 0; i < 20 && served.sweep === firstWindow.sweep; i++) await nextTurn();
    expect(served.sweep).toBeGreaterThan(firstWindow.sweep);
    await rl.close();
    void backfill.catch(() => undefined);
  });
});
