// The schedule the orchestrator is driven by (EventBridge Scheduler in AWS, SYNC_SCHEDULE here) and
// when each of its syncs runs next: a daily cron at its next time, a rate the interval after the
// last successful run of its mode (now when that is overdue or there was none).
export interface ScheduledRun {
  name: string;
  mode: 'full' | 'incremental';
  expression: string;
}

const ENTRY = /^([\w-]+)=(full|incremental) (rate\((\d+) (minutes?|hours?|days?)\)|cron\(([^)]*)\))$/;
/** SYNC_SCHEDULE's form, for the config check: entries `name=mode expression` separated by `;`. */
export const SCHEDULE_PATTERN = '^\\s*[\\w-]+=(full|incremental) (rate\\(\\d+ (minutes?|hours?|days?)\\)|cron\\([^)]*\\))(\\s*;\\s*[\\w-]+=(full|incremental) (rate\\(\\d+ (minutes?|hours?|days?)\\)|cron\\([^)]*\\)))*\\s*$';

const DAY_MS = 86_400_000;
const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: DAY_MS };

export function parseSchedule(text: string): ScheduledRun[] {
  return text
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const match = ENTRY.exec(entry);
      if (!match) throw new Error(`not a schedule entry (name=full|incremental rate(…)|cron(…)): ${entry}`);
      return { name: match[1] ?? '', mode: match[2] === 'full' ? 'full' : 'incremental', expression: match[3] ?? '' };
    });
}

/** The next UTC time of `cron(M H * * ? *)` after `now`; null for any other cron (not worked out here). */
function nextDaily(fields: string, now: number): number | null {
  const parts = fields.trim().split(/\s+/);
  const [minute, hour, ...rest] = parts;
  if (rest.join(' ') !== '* * ? *' || !/^\d+$/.test(minute ?? '') || !/^\d+$/.test(hour ?? '')) return null;
  const today = new Date(now);
  const at = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), Number(hour), Number(minute));
  return at > now ? at : at + DAY_MS;
}

/** When `run` comes next, given the last successful run of its mode (null: none known). */
export function nextRunAt(run: ScheduledRun, now: number, lastSucceededAt: number | null): number | null {
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(run.expression);
  if (rate) {
    const every = Number(rate[1]) * (UNIT_MS[rate[2] ?? ''] ?? 0);
    return lastSucceededAt === null ? now : Math.max(now, lastSucceededAt + every);
  }
  const cron = /^cron\((.*)\)$/.exec(run.expression);
  return cron ? nextDaily(cron[1] ?? '', now) : null;
}
