import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'security-checks',
    include: ['test/**/*.test.ts'],
    // Hundreds of requests per service, some against MySQL, on two shared cores.
    testTimeout: 30_000,
  },
});
