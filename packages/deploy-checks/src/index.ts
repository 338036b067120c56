export { listFiles, readRepoFile, repoRoot } from './repo.ts';
export * from './terraform.ts';
export * from './dockerfile.ts';
