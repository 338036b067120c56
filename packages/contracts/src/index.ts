import './formats.ts';
export * from './common.ts';
export * from './entities.ts';
export * from './fetcher.ts';
export * from './writer.ts';
export * from './orchestrator.ts';
export * from './writer-queries.ts';
export * from './scope.ts';
export * from './freshness.ts';
