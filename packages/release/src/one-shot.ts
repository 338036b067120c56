// A one-shot task (the migration, the smoke test): started in its own network, waited for until it
// stops; its essential container's exit code says whether it did its job.
import { DescribeTasksCommand, RunTaskCommand, type ECSClient } from '@aws-sdk/client-ecs';
import { pollUntil, type Polling } from './clock.ts';

export interface OneShot {
  cluster: string;
  /** The task kind: its container's name. */
  kind: string;
  taskDefinition: string;
  network: { subnets: string[]; securityGroups: string[] };
  startedBy: string;
}

export type OneShotResult = { ok: true; task: string } | { ok: false; task?: string; reason: string };

export async function runOneShot(ecs: ECSClient, polling: Polling, run: OneShot, log: (line: string) => void): Promise<OneShotResult> {
  const started = await ecs.send(
    new RunTaskCommand({
      cluster: run.cluster,
      taskDefinition: run.taskDefinition,
      launchType: 'FARGATE',
      count: 1,
      startedBy: run.startedBy,
      networkConfiguration: { awsvpcConfiguration: { subnets: run.network.subnets, securityGroups: run.network.securityGroups, assignPublicIp: 'DISABLED' } },
    }),
  );
  const task = started.tasks?.[0]?.taskArn;
  if (task === undefined) {
    const failure = started.failures?.[0];
    return { ok: false, reason: `ECS did not start it (${failure?.reason ?? 'no task'}${failure?.detail === undefined ? '' : `: ${failure.detail}`})` };
  }
  log(`${run.kind} task ${task} (its lines: log stream ${run.kind}/${run.kind}/${task.split('/').at(-1) ?? ''})`);
  const stopped = await pollUntil(polling, async () => {
    const out = await ecs.send(new DescribeTasksCommand({ cluster: run.cluster, tasks: [task] }));
    const described = out.tasks?.[0];
    return described?.lastStatus === 'STOPPED' ? described : undefined;
  });
  if (stopped === undefined) return { ok: false, task, reason: `still running after ${Math.round(polling.timeoutMs / 1000)} s` };
  const container = stopped.containers?.find((c) => c.name === run.kind);
  if (container?.exitCode === 0) return { ok: true, task };
  const exit = container?.exitCode === undefined ? 'no exit code' : `exit code ${container.exitCode}`;
  return { ok: false, task, reason: `${exit}: ${container?.reason ?? stopped.stoppedReason ?? 'no reason given'}` };
}
