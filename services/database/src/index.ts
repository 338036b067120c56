// What other workspace packages (the benchmarks) may use: build the service in-process.
export { buildApp, type AppConfig } from './app.ts';
export { DatabaseServiceConfig, readConfig } from './config.ts';
export { MIGRATIONS_DIR } from './paths.ts';
