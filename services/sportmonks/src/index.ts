// For benchmarks and tooling that run the fetcher in-process (e.g. against a fast simulator clock).
export { buildApp, type AppOptions } from './app.ts';
export { readConfig, FetcherConfig } from './config.ts';
export { followingClock, scaledClock, systemClock, type Clock } from './clock.ts';
