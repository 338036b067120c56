// One-shot smoke task that CD runs after a deploy (the orchestrator image, inside the VPC): every
// service answers /health/ready through its ALB listener (MySQL reachable, migrations applied,
// upstreams ready), then a tiny sync runs end to end and must succeed. Exit 0 when all hold; 1
// otherwise, and CD rolls the services back to their previous task definitions.
import { randomUUID } from 'node:crypto';
import { required } from './required-env.mjs';

const READY_PATH = '/health/ready';

const services = {
  orchestrator: required('ORCHESTRATOR_URL'),
  sportmonks: required('SPORTMONKS_SERVICE_URL'),
  database: required('DATABASE_SERVICE_URL'),
};
const operatorToken = required('OPERATOR_TOKEN');
const syncPath = process.env.SMOKE_SYNC_PATH || '/sync/states?wait=true';
const attempts = Number(process.env.SMOKE_READY_ATTEMPTS || 10);
const pauseMs = Number(process.env.SMOKE_READY_PAUSE_MS || 3000);
const requestId = `smoke-${randomUUID()}`;
const log = (level, msg, fields = {}) => console.log(JSON.stringify({ level, msg, requestId, ...fields }));

async function ready(name, base) {
  let last = 'no answer';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      const response = await fetch(new URL(READY_PATH, base), { headers: { 'x-request-id': requestId }, signal: AbortSignal.timeout(5000) });
      const body = (await response.text()).slice(0, 1000);
      if (response.ok) {
        log('info', 'ready', { service: name, attempt });
        return true;
      }
      last = `${response.status} ${body}`;
    } catch (error) {
      last = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  log('error', 'not ready', { service: name, last });
  return false;
}

async function tinySync() {
  const response = await fetch(new URL(syncPath, services.orchestrator), {
    method: 'POST',
    headers: { authorization: `Bearer ${operatorToken}`, 'x-request-id': requestId },
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  let summary;
  try {
    summary = JSON.parse(text);
  } catch {
    summary = { body: text.slice(0, 1000) };
  }
  const ok = response.status === 200 && summary.status === 'succeeded';
  log(ok ? 'info' : 'error', ok ? 'smoke sync succeeded' : 'smoke sync failed', {
    path: syncPath,
    status: response.status,
    runId: summary.runId,
    runStatus: summary.status,
    counters: summary.counters,
    error: summary.error ?? summary.message,
  });
  return ok;
}

try {
  const results = await Promise.all(Object.entries(services).map(([name, base]) => ready(name, base)));
  process.exitCode = results.every(Boolean) && (await tinySync()) ? 0 : 1;
} catch (error) {
  log('error', 'smoke test crashed', { reason: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
}
