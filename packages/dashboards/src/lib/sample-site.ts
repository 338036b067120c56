// The database the browser checks and the screenshots use: the one the analysts' guide is tested
// against (docs-checks: one simulator sync of every season, seed 42, clock fixed at 2026-11-23
// 12:00 UTC), read through an analyst account made by `make analyst-user`'s script — plus a few
// more syncs so that the data-health page has something to show: one against a simulator that
// sends broken records (they land in quarantine) and two incremental ones.
import { createAnalystAccount, type AnalystAccount } from '@insightxi/docs-checks/analyst';
import { startFilledStack, type FilledStack } from '@insightxi/docs-checks/fill';
import { request } from 'undici';

export interface SampleDatabase {
  filled: FilledStack;
  analyst: AnalystAccount;
  /** Rows the extra runs put in quarantine. */
  quarantined: number;
  stop(): Promise<void>;
}

async function sync(filled: FilledStack, path: string): Promise<Record<string, unknown>> {
  const { stack } = filled;
  const response = await request(`${stack.url('orchestrator')}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.operatorToken}` },
    headersTimeout: 120_000,
    bodyTimeout: 120_000,
  });
  const summary = (await response.body.json()) as Record<string, unknown>;
  if (response.statusCode !== 200 || summary.status !== 'succeeded') throw new Error(`${path}: HTTP ${response.statusCode} ${JSON.stringify(summary)}`);
  return summary;
}

export async function startSampleDatabase(prefix: string): Promise<SampleDatabase> {
  const filled = await startFilledStack(prefix);
  let analyst: AnalystAccount | undefined;
  try {
    const simulator = filled.stack.simulator;
    if (!simulator) throw new Error('the sample stack has no simulator');
    simulator.setFaults({ malformedRate: 0.15 });
    const broken = await sync(filled, '/sync/all?seasons=all&wait=true');
    simulator.setFaults({});
    await sync(filled, '/sync/fixtures?mode=incremental&wait=true');
    await sync(filled, '/sync/fixtures?mode=incremental&wait=true');
    analyst = await createAnalystAccount(filled.database.url);
    const account = analyst;
    const counters = broken.counters as { quarantined?: number } | undefined;
    return {
      filled,
      analyst: account,
      quarantined: counters?.quarantined ?? 0,
      stop: async () => {
        await account.drop();
        await filled.stop();
      },
    };
  } catch (error) {
    await analyst?.drop();
    await filled.stop();
    throw error;
  }
}
