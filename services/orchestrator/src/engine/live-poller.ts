// The live poller: while matches are on, reads SportMonks' latest-updated feed more often than
// the feed's window (it only covers the last seconds) and lands what changed. When a poll comes
// too late to overlap the previous one (a crash, a deploy, SportMonks down, a 429 pause) — or it
// is the first since matches came on — the uncovered span is recorded as a gap and the fixtures
// that can be on are swept whole before the feed is read again; the same sweep runs every
// LIVE_SWEEP_MS for deletions, which the feed never reports. Every call goes in the live lane.
import type { FetchPage, LiveStatus, RejectedRecord } from '@insightxi/contracts';
import type { LiveSettings } from '../config.ts';
import { liveSweepQueries, sweepLive } from './live-sweep.ts';
import type { Fetcher, Log, Writer } from './ports.ts';

const MAX_GAPS = 100;

export class LivePoller {
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<void> | null = null;
  private lastCoveredAt: number | null = null;
  private lastSweptAt: number | null = null;
  private onSince: number | null = null;
  private scheduleCheckedAt = -Infinity;
  private readonly state: LiveStatus;

  constructor(
    private readonly deps: { fetcher: Fetcher; writer: Writer; log: Log; settings: LiveSettings; now?: (() => number) | undefined },
  ) {
    this.state = { enabled: false, matchesOn: false, polls: 0, sweeps: 0, records: 0, created: 0, updated: 0, quarantined: 0, lastPollAt: null, lastSweepAt: null, lastError: null, gaps: [] };
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  status(): LiveStatus {
    return { ...this.state, gaps: [...this.state.gaps] };
  }

  /** While matches are on, how long since the last successful poll (or since they came on); 0 otherwise. */
  pollAgeMs(): number {
    if (!this.state.enabled || !this.state.matchesOn || this.onSince === null) return 0;
    const lastPoll = this.state.lastPollAt === null ? -Infinity : Date.parse(this.state.lastPollAt);
    return Math.max(0, this.now() - Math.max(lastPoll, this.onSince));
  }

  start(): void {
    if (this.timer) return;
    this.state.enabled = true;
    this.timer = setInterval(() => void this.tick(), Math.max(this.deps.settings.LIVE_POLL_MS, 1));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.state.enabled = false;
    await this.busy;
  }

  /** One poll (when matches are on); overlapping ticks are skipped. */
  tick(): Promise<void> {
    if (this.busy) return this.busy;
    this.busy = this.poll()
      .catch((error: unknown) => {
        this.state.lastError = error instanceof Error ? error.message : String(error);
        this.deps.log.warn({ err: this.state.lastError }, 'live poll failed');
      })
      .finally(() => {
        this.busy = null;
      });
    return this.busy;
  }

  private async matchesOn(now: number): Promise<boolean> {
    const { LIVE_SCHEDULE_CHECK_MS, LIVE_BEFORE_KICKOFF_MS, LIVE_AFTER_KICKOFF_MS } = this.deps.settings;
    if (now - this.scheduleCheckedAt < LIVE_SCHEDULE_CHECK_MS) return this.state.matchesOn;
    // A match is on when its kick-off lies in [now − after, now + before].
    const page = await this.deps.writer.listFixtures(
      { from: new Date(now - LIVE_AFTER_KICKOFF_MS).toISOString(), to: new Date(now + LIVE_BEFORE_KICKOFF_MS).toISOString(), deleted: false, limit: 1 },
      {},
    );
    const on = page.items.length > 0;
    if (on !== this.state.matchesOn) this.deps.log.info({ matchesOn: on }, on ? 'matches on: live polling' : 'no match on: live polling paused');
    if (on && !this.state.matchesOn) this.onSince = now;
    this.state.matchesOn = on;
    this.scheduleCheckedAt = now;
    if (!on) {
      this.lastCoveredAt = null;
      this.lastSweptAt = null;
    }
    return on;
  }

  /** A gap since the last covered poll (recorded), or no poll covered yet since matches came on. */
  private uncovered(startedAt: number): boolean {
    const coveredFrom = startedAt - this.deps.settings.LIVE_FEED_WINDOW_MS;
    if (this.lastCoveredAt === null) return true;
    if (coveredFrom <= this.lastCoveredAt) return false;
    const gap = { from: new Date(this.lastCoveredAt).toISOString(), to: new Date(coveredFrom).toISOString() };
    this.state.gaps.push(gap);
    if (this.state.gaps.length > MAX_GAPS) this.state.gaps.shift();
    this.deps.log.warn({ gap }, 'live feed gap: sweeping the fixtures that can be on before reading the feed again');
    return true;
  }

  private sweepDue(startedAt: number): boolean {
    const every = this.deps.settings.LIVE_SWEEP_MS;
    return every > 0 && (this.lastSweptAt === null || startedAt - this.lastSweptAt >= every);
  }

  /** Lands a page of fixtures; the writer's refusals and the page's rejects go to quarantine. */
  private async land(page: FetchPage<unknown>): Promise<void> {
    const result = page.data.length > 0 ? await this.deps.writer.bulk('fixtures', { records: page.data }, {}) : null;
    const failed: RejectedRecord[] = (result?.failed ?? []).map((f) => ({ entity: 'fixtures', sourceId: f.id, reason: f.reason, payload: null }));
    const rejected = [...page.rejected, ...failed];
    if (rejected.length > 0) await this.deps.writer.quarantine(rejected, {});
    this.state.records += page.data.length;
    this.state.created += result?.created ?? 0;
    this.state.updated += result?.updated ?? 0;
    this.state.quarantined += page.rejected.length;
  }

  private async poll(): Promise<void> {
    const startedAt = this.now();
    if (!(await this.matchesOn(startedAt))) return;
    // The sweep comes first: a change made while the poller was away is older than the feed's window.
    // Only then does it bring match detail (the same calls): the periodic one looks for deletions.
    const gap = this.uncovered(startedAt);
    if (gap || this.sweepDue(startedAt)) {
      await sweepLive(this.deps.fetcher, liveSweepQueries(startedAt, this.deps.settings, gap), { requestId: `live-sweep-${String(startedAt)}` }, (page) => this.land(page));
      this.lastSweptAt = startedAt;
      this.state.sweeps += 1;
      this.state.lastSweepAt = new Date(startedAt).toISOString();
    }
    const page = await this.deps.fetcher.fetchPage('fixtures', { updated: 'latest', priority: 'live', detail: true }, { requestId: `live-${String(startedAt)}` });
    await this.land(page);
    this.lastCoveredAt = startedAt;
    this.state.polls += 1;
    this.state.lastPollAt = new Date(startedAt).toISOString();
    this.state.lastError = null;
  }
}
