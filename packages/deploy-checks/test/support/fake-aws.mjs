#!/usr/bin/env node
// A stand-in for the AWS CLI, for the tests of .github/scripts: answers the calls the deploy and
// rotation scripts make from a JSON state file (FAKE_AWS_STATE), changes it as AWS would, and
// appends every call to FAKE_AWS_LOG. The state says how the scenario goes: `exitCodes` of one-shot
// tasks by kind, `unstable` revisions (services never settle on them), the statuses a release
// execution goes through (`releaseStatuses`) and the release task's log lines (`releaseLog`).
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';

const statePath = process.env.FAKE_AWS_STATE;
const state = JSON.parse(readFileSync(statePath, 'utf8'));
const [service, op, ...rest] = process.argv.slice(2);
const positional = [];
const flags = {};
for (let i = 0; i < rest.length; i += 1) {
  const arg = rest[i];
  if (arg.startsWith('--')) {
    const next = rest[i + 1];
    if (next === undefined || next.startsWith('--')) flags[arg.slice(2)] = true;
    else {
      flags[arg.slice(2)] = next;
      i += 1;
    }
  } else positional.push(arg);
}
const query = flags.query ?? '';
const log = (entry) => appendFileSync(process.env.FAKE_AWS_LOG, `${JSON.stringify({ service, op, ...entry })}\n`);
const save = () => writeFileSync(statePath, JSON.stringify(state, null, 2));
const out = (text) => process.stdout.write(`${text}\n`);
log({ call: 'invoked', command: `${service} ${op}` });

const familyOf = (arn) => arn.replace(/^.*:task-definition\//, '').replace(/:\d+$/, '');
const kindOf = (family) => Object.entries(state.config.families).find(([, f]) => f === family)?.[0];
const latest = (family) => {
  const revisions = Object.keys(state.taskDefinitions).filter((arn) => familyOf(arn) === family);
  return revisions.sort((a, b) => Number(a.split(':').at(-1)) - Number(b.split(':').at(-1))).at(-1);
};
const resolveTd = (ref) => (ref.includes(':task-definition/') ? ref : latest(ref));
const serviceKey = (name) => Object.entries(state.config.services).find(([, n]) => n === name)?.[0];

function ecs() {
  switch (op) {
    case 'describe-services': {
      const key = serviceKey(flags.services);
      const td = state.running[key];
      log({ call: 'describe-services', service: key });
      return out(query.includes('deployments') ? `${td}\t${state.unstable.includes(td) ? 'FAILED' : 'COMPLETED'}` : td);
    }
    case 'describe-task-definition': {
      const arn = resolveTd(flags['task-definition']);
      const td = state.taskDefinitions[arn];
      if (query === 'taskDefinition') return out(JSON.stringify({ ...td, taskDefinitionArn: arn, revision: Number(arn.split(':').at(-1)), status: 'ACTIVE' }));
      if (query.endsWith('image')) return out(td.containerDefinitions[0].image);
      return out(arn);
    }
    case 'register-task-definition': {
      const td = JSON.parse(readFileSync(flags['cli-input-json'].replace('file://', ''), 'utf8'));
      const current = latest(td.family);
      const arn = `arn:aws:ecs:eu-west-1:1:task-definition/${td.family}:${Number(current.split(':').at(-1)) + 1}`;
      state.taskDefinitions[arn] = td;
      log({ call: 'register', kind: kindOf(td.family), arn, image: td.containerDefinitions[0].image });
      save();
      return out(arn);
    }
    case 'run-task': {
      const arn = flags['task-definition'];
      const task = `arn:aws:ecs:eu-west-1:1:task/${state.config.cluster}/t${Object.keys(state.tasks).length + 1}`;
      state.tasks[task] = arn;
      log({ call: 'run-task', kind: kindOf(familyOf(arn)), arn, image: state.taskDefinitions[arn].containerDefinitions[0].image, network: JSON.parse(flags['network-configuration']) });
      save();
      return out(task);
    }
    case 'describe-tasks': {
      const kind = kindOf(familyOf(state.tasks[flags.tasks]));
      return out(query.includes('exitCode') ? String(state.exitCodes[kind] ?? 0) : 'Essential container in task exited');
    }
    case 'update-service': {
      const key = serviceKey(flags.service);
      if (flags['task-definition']) state.running[key] = flags['task-definition'];
      log({
        call: 'update-service',
        service: key,
        taskDefinition: state.running[key],
        forceNewDeployment: flags['force-new-deployment'] === true,
        // What tasks started now read: the secrets at this moment.
        secrets: { ...state.secrets },
      });
      save();
      return out(flags.service);
    }
    case 'wait': {
      if (positional[0] === 'services-stable') {
        const names = rest.slice(rest.indexOf('--services') + 1).filter((a) => !a.startsWith('--'));
        const unstable = names.map(serviceKey).filter((key) => state.unstable.includes(state.running[key]));
        log({ call: 'wait-stable', unstable });
        return process.exit(unstable.length > 0 ? 255 : 0);
      }
      return undefined;
    }
  }
  throw new Error(`fake aws: ecs ${op} is not faked`);
}

function secretsmanager() {
  const id = flags['secret-id'];
  switch (op) {
    case 'get-secret-value':
      return out(state.secrets[id]);
    case 'put-secret-value':
      state.secrets[id] = flags['secret-string'];
      log({ call: 'put-secret', id, value: flags['secret-string'] });
      save();
      return out('version-id');
    case 'get-random-password':
      state.random = (state.random ?? 0) + 1;
      save();
      return out(`random-value-${state.random}`);
  }
  throw new Error(`fake aws: secretsmanager ${op} is not faked`);
}

function stepfunctions() {
  switch (op) {
    case 'start-execution': {
      const arn = `${flags['state-machine-arn'].replace(':stateMachine:', ':execution:')}:${flags.name}`;
      state.execution = { arn, input: JSON.parse(flags.input), statuses: [...state.releaseStatuses] };
      log({ call: 'start-execution', machine: flags['state-machine-arn'], name: flags.name, input: state.execution.input });
      save();
      return out(arn);
    }
    case 'describe-execution': {
      if (flags['execution-arn'] !== state.execution?.arn) throw new Error(`fake aws: no execution ${flags['execution-arn']}`);
      const status = state.execution.statuses.length > 1 ? state.execution.statuses.shift() : state.execution.statuses[0];
      log({ call: 'describe-execution', status });
      save();
      return out(status);
    }
  }
  throw new Error(`fake aws: stepfunctions ${op} is not faked`);
}

if (service === 'ssm' && op === 'get-parameter') out(JSON.stringify(state.config));
else if (service === 'ecs') ecs();
else if (service === 'secretsmanager') secretsmanager();
else if (service === 'stepfunctions') stepfunctions();
else if (service === 'logs' && op === 'filter-log-events') {
  log({ call: 'filter-log-events', group: flags['log-group-name'] });
  out((state.releaseLog ?? []).join('\t'));
} else if (service === 'logs') out(`a ${service} line`);
else throw new Error(`fake aws: ${service} ${op} is not faked`);
