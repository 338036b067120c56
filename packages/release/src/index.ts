export * from './clock.ts';
export * from './config.ts';
export * from './one-shot.ts';
export * from './release.ts';
export * from './services.ts';
export * from './task-definitions.ts';
