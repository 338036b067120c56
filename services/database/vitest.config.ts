import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'database',
    include: ['test/**/*.test.ts'],
    // Real MariaDB work: migrations per file, thousands of rows, concurrent transactions.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
