// make dev: the simulator on 8010 and the services on 8000/8001/8002 until Ctrl-C.
import { redactUrl } from '@insightxi/mysql';
import { loadDotEnv } from './env-file.ts';
import { startStack } from './stack.ts';

loadDotEnv();
const env = process.env;
const stack = await startStack({
  ...(env.SPORTMONKS_API_TOKEN ? { sportmonksApiToken: env.SPORTMONKS_API_TOKEN } : {}),
  ports: { sportmonks: 8000, database: 8001, orchestrator: 8002, simulator: 8010 },
  env: {
    INTERNAL_TOKEN: env.INTERNAL_TOKEN ?? 'dev-internal-token',
    OPERATOR_TOKEN: env.OPERATOR_TOKEN ?? 'dev-operator-token',
    ...(env.SPORTMONKS_BASE_URL ? { SPORTMONKS_BASE_URL: env.SPORTMONKS_BASE_URL } : {}),
    ...(env.REDIS_URL ? { REDIS_URL: env.REDIS_URL } : {}),
  },
  logLevel: env.LOG_LEVEL ?? 'info',
  onLine: (line) => { console.log(line); },
});

console.log(`
InsightXI is running (Ctrl-C stops everything):
  orchestrator  ${stack.url('orchestrator')}/docs
  sportmonks    ${stack.url('sportmonks')}/docs
  database      ${stack.url('database')}/docs
  simulator     ${stack.simulator ? stack.simulator.url : 'off (real SportMonks API)'}
  MySQL         ${redactUrl(stack.databaseUrl)}
Start a sync:
  curl -X POST -H 'Authorization: Bearer ${stack.operatorToken}' ${stack.url('orchestrator')}/sync/all
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stack.stop().then(() => process.exit(0));
  });
}
