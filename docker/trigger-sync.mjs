// One-shot task started by EventBridge Scheduler (the orchestrator image, infra/modules/scheduler):
// POST the orchestrator's SYNC_PATH with the operator token, log one JSON line, exit. A 409 means a
// run with the same scope is still going, which is what a schedule should see as success.
import { randomUUID } from 'node:crypto';
import { required } from './required-env.mjs';

const base = required('ORCHESTRATOR_URL');
const path = required('SYNC_PATH');
const token = required('OPERATOR_TOKEN');
if (!path.startsWith('/sync/')) {
  console.error(JSON.stringify({ level: 'error', msg: 'SYNC_PATH must start with /sync/', path }));
  process.exit(2);
}

const requestId = `schedule-${randomUUID()}`;
try {
  const response = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId },
    signal: AbortSignal.timeout(20_000),
  });
  const body = (await response.text()).slice(0, 2000);
  const started = response.status >= 200 && response.status < 300;
  const alreadyRunning = response.status === 409;
  const level = started || alreadyRunning ? 'info' : 'error';
  const msg = started ? 'sync started' : alreadyRunning ? 'sync already running' : 'sync refused';
  console.log(JSON.stringify({ level, msg, path, status: response.status, requestId, body }));
  process.exitCode = started || alreadyRunning ? 0 : 1;
} catch (error) {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(JSON.stringify({ level: 'error', msg: 'orchestrator unreachable', path, requestId, reason }));
  process.exitCode = 1;
}
