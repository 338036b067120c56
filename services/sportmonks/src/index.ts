// What tests, benchmarks and the security checks may use: build the service in-process (e.g.
// against a simulator on a fast clock).
export { buildApp, type AppOverrides } from './app.ts';
export { readConfig, FetcherConfig } from './config.ts';
export { drivenClock, followingClock, scaledClock, systemClock, type Clock, type DrivenClock } from './clock.ts';
