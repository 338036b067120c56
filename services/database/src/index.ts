// What tests, benchmarks and the security checks may use: build the service in-process.
export { buildApp, type AppOverrides } from './app.ts';
export { DatabaseServiceConfig, readConfig } from './config.ts';
export { MIGRATIONS_DIR } from './paths.ts';
