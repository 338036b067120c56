// What tests, benchmarks and the security checks may use: build the service in-process.
export { buildApp, type AppOverrides } from './app.ts';
export { OrchestratorConfig, readConfig, RunSettings, LiveSettings } from './config.ts';
