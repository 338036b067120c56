// The services: which revision each runs, pointing them at others, and waiting until each runs
// the one it was given to completion (the deployment circuit breaker rolling a deployment back
// also ends in a steady state, so "stable" alone is not success).
import { DescribeServicesCommand, UpdateServiceCommand, type ECSClient, type Service } from '@aws-sdk/client-ecs';
import { pollUntil, type Polling } from './clock.ts';

/** Service name → the revision its primary deployment runs. */
export async function runningRevisions(ecs: ECSClient, cluster: string, names: string[]): Promise<Map<string, string>> {
  const running = new Map<string, string>();
  for (const service of await describe(ecs, cluster, names)) {
    if (service.serviceName !== undefined && service.taskDefinition !== undefined) running.set(service.serviceName, service.taskDefinition);
  }
  for (const name of names) if (!running.has(name)) throw new Error(`service ${name} not found in ${cluster}`);
  return running;
}

export async function pointAt(ecs: ECSClient, cluster: string, revisions: Map<string, string>): Promise<void> {
  for (const [service, taskDefinition] of revisions) await ecs.send(new UpdateServiceCommand({ cluster, service, taskDefinition }));
}

export type Settled = { ok: true } | { ok: false; reasons: string[] };

/** Waits until every service's primary deployment runs its expected revision, COMPLETED. */
export async function waitForRevisions(ecs: ECSClient, polling: Polling, cluster: string, expected: Map<string, string>): Promise<Settled> {
  let pending: string[] = [];
  const outcome = await pollUntil(polling, async () => {
    const failed: string[] = [];
    pending = [];
    for (const service of await describe(ecs, cluster, [...expected.keys()])) {
      const name = service.serviceName ?? '?';
      const want = expected.get(name);
      const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
      if (primary === undefined || primary.taskDefinition !== want) failed.push(`${name} runs ${primary?.taskDefinition ?? 'nothing'}, not ${want ?? '?'} (rolled back by the circuit breaker?)`);
      else if (primary.rolloutState === 'FAILED') failed.push(`${name}: the deployment of ${want} failed (${primary.rolloutStateReason ?? 'no reason given'})`);
      else if (primary.rolloutState !== 'COMPLETED') pending.push(name);
    }
    if (failed.length > 0) return { ok: false, reasons: failed } as const;
    return pending.length === 0 ? ({ ok: true } as const) : undefined;
  });
  return outcome ?? { ok: false, reasons: pending.map((name) => `${name} did not finish its deployment within ${Math.round(polling.timeoutMs / 1000)} s`) };
}

/** DescribeServices takes at most ten services a call. */
async function describe(ecs: ECSClient, cluster: string, names: string[]): Promise<Service[]> {
  const found: Service[] = [];
  for (let i = 0; i < names.length; i += 10) {
    const out = await ecs.send(new DescribeServicesCommand({ cluster, services: names.slice(i, i + 10) }));
    found.push(...(out.services ?? []));
  }
  return found;
}
