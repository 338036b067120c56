import { fileURLToPath } from 'node:url';

/** The SQL migrations in Prisma's format, for tools that create databases (tests, benchmarks). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations', import.meta.url));
